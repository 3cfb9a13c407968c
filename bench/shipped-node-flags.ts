/**
 * The V8 flags the Docker image runs the program with, read from its `ENTRYPOINT` (the add-on's
 * `run.sh` uses the same ones, a test checks it), so the start-up bench measures what users run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function shippedNodeFlags(root: string): string[] {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const line = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1];
  if (!line) throw new Error('no ENTRYPOINT ["node", ...] line in the Dockerfile');
  const argv = JSON.parse(line) as string[];
  if (argv[0] !== 'node') throw new Error(`the Dockerfile's ENTRYPOINT runs ${argv[0]}, not node`);
  return argv.slice(1).filter((arg) => arg.startsWith('--'));
}
