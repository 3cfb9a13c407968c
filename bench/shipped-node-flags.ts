/**
 * The V8 flags the Docker image runs the program with, read from its `ENTRYPOINT` (the add-on's
 * `run.sh` uses the same ones, a test checks it), so the benchmarks measure what users run. Node
 * refuses to start on a V8 flag it does not know, and the image's Node (24) knows flags an older Node
 * running the bench may not: `applicableFlags` keeps those this Node accepts and names the others.
 */
import { spawnSync } from 'node:child_process';
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

const accepted = new Map<string, boolean>();

/** Whether the Node running this starts with `flag` (asked once per flag: it spawns a node). */
function nodeAccepts(flag: string): boolean {
  let ok = accepted.get(flag);
  if (ok === undefined) {
    ok = spawnSync(process.execPath, [flag, '-e', '0'], { stdio: 'ignore' }).status === 0;
    accepted.set(flag, ok);
  }
  return ok;
}

/** `flags` split into those the Node running this accepts and those it would refuse to start on. */
export function applicableFlags(flags: readonly string[]): { applied: string[]; refused: string[] } {
  const applied: string[] = [];
  const refused: string[] = [];
  for (const flag of flags) (nodeAccepts(flag) ? applied : refused).push(flag);
  return { applied, refused };
}
