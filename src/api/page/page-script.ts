/**
 * The status page's browser script (client/, bundled as bundle-options.ts says).
 *
 * In production this module does not exist as written: the build (build.config.ts) bundles the script once
 * and replaces this file, in dist/main.mjs, by `pageScript = () => Promise.resolve("<the bundle>")`, so
 * the program never needs esbuild at run time (it is a devDependency, absent from the Docker and add-on
 * images). From the sources (tsx: `npm start`, `npm run demo`; jest) it bundles with esbuild on first use
 * and keeps the result for the life of the process; restart to see an edit of client/.
 */
import { fileURLToPath } from 'node:url';
import { bundlePageScript } from './bundle-options.js';

let script: Promise<string> | undefined;

async function bundleFromSources(): Promise<string> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const esbuild = await import('esbuild').catch((error: unknown) => {
    throw new Error(
      'the status page script is not built and esbuild is not installed: run `npm run build` and start ' +
        `dist/main.mjs, or install the dev dependencies (${String(error)})`,
    );
  });
  return bundlePageScript(esbuild.build, root);
}

export async function pageScript(): Promise<string> {
  script ??= bundleFromSources();
  try {
    return await script;
  } catch (error) {
    script = undefined; // retried on the next request
    throw error;
  }
}
