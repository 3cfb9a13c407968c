/**
 * The cards bundle as text. Like the status page script (src/api/page/page-script.ts): the build
 * replaces this module by `cardsScript = () => Promise.resolve("<the bundle>")`; from the sources it
 * bundles with esbuild on first use and keeps the result for the life of the process.
 */
import { fileURLToPath } from 'node:url';
import { bundleCards } from './bundle-options.js';

let script: Promise<string> | undefined;

async function bundleFromSources(): Promise<string> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const esbuild = await import('esbuild').catch((error: unknown) => {
    throw new Error(
      `the Lovelace cards are not built and esbuild is not installed: run \`npm run build\` (${String(error)})`,
    );
  });
  return bundleCards(esbuild.build, root);
}

export async function cardsScript(): Promise<string> {
  script ??= bundleFromSources();
  try {
    return await script;
  } catch (error) {
    script = undefined;
    throw error;
  }
}
