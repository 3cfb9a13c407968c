/**
 * Entry point of `med-local`. Kept tiny: `--version` is answered from the version inlined in the bundle,
 * without loading anything else; every other command loads the program (`cli/run-main.ts`) first.
 */
import packageJson from '../package.json' with { type: 'json' };
import { errorMessage } from './errors/app-error.js';
import { redactText } from './log/redact.js';

const argv = process.argv.slice(2);

async function main(): Promise<void> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${packageJson.version}\n`);
    return;
  }
  const { runMain } = await import('./cli/run-main.js');
  await runMain(argv, packageJson.version);
}

main().catch((err: unknown) => {
  process.stderr.write(`unexpected error: ${redactText(errorMessage(err))}\n`);
  process.exit(1);
});
