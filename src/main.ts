/**
 * Entry point of `med-local`. Kept tiny: `--version` is answered from the version inlined in the bundle,
 * without loading anything else; every other command loads the program (`cli/run-main.ts`) first.
 */
import nodeModule from 'node:module';
import packageJson from '../package.json' with { type: 'json' };
import { errorMessage } from './errors/app-error.js';
import { redactText } from './log/redact.js';

const argv = process.argv.slice(2);

async function main(): Promise<void> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${packageJson.version}\n`);
    return;
  }
  enableCompileCache();
  const { runMain } = await import('./cli/run-main.js');
  await runMain(argv, packageJson.version);
}

/**
 * Node 22.1 and later (the Docker image and the add-on run Node 24): V8 keeps the compiled program in a
 * cache folder (`NODE_COMPILE_CACHE`, else `node-compile-cache` in the system's temporary folder), so the
 * next start skips compiling the bundle; a cache that cannot be written is ignored. Node 20 has none.
 */
function enableCompileCache(): void {
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
}

main().catch((err: unknown) => {
  process.stderr.write(`unexpected error: ${redactText(errorMessage(err))}\n`);
  process.exit(1);
});
