/** What `npm run build` puts in the server bundle that the add-on and the image ship (build.config.ts). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

function bundledPackages(): Set<string> {
  const script = join(__dirname, 'bundled-packages.ts');
  return new Set(JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' })));
}

it('leaves out the modules the program never loads, and keeps what it runs', () => {
  const packages = bundledPackages();
  for (const omitted of ['pino', 'thread-stream', 'sonic-boom', '@fastify/ajv-compiler', 'ajv']) {
    expect([omitted, packages.has(omitted)]).toEqual([omitted, false]);
  }
  for (const kept of ['fastify', 'drizzle-orm', 'croner', 'yaml', 'valibot', 'fastest-levenshtein']) {
    expect([kept, packages.has(kept)]).toEqual([kept, true]);
  }
}, 60_000);
