/**
 * `npm run build` (tsx build.config.ts): the server bundle `dist/main.mjs` (ESM, Node 20, runnable as the
 * `med-local` bin) and the drizzle migrations next to it in `dist/drizzle/`. The status page's browser
 * script is bundled first and inlined into `dist/main.mjs` as a string (`inlinePageScript`), so the
 * program needs no esbuild at run time.
 *
 * Native and optional modules stay external: ship `node_modules/better-sqlite3` (with its compiled
 * `.node` file) next to the bundle. The Lovelace cards bundle plugs into `cardBundles` (later issue).
 */
import { chmod, cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { bundlePageScript } from './src/api/page/bundle-options.js';

const OUT_DIR = 'dist';

/** Modules never bundled: native addons and optional drivers loaded only when present. */
export const EXTERNAL_MODULES = [
  'better-sqlite3',
  'pg-native', // optional native binding probed by `pg`
  'bufferutil', // optional native speed-ups of `ws`
  'utf-8-validate',
];

export const serverBundle: BuildOptions = {
  entryPoints: { main: 'src/main.ts' },
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  // Dynamically imported parts (database engines) become chunks. Without splitting, esbuild wraps them in
  // lazy initialisers whose order breaks drizzle's mysql-core at start-up ("… is not a constructor").
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  external: EXTERNAL_MODULES,
  // The shebang makes the bundle the `med-local` bin; the banner gives CJS dependencies (mqtt) a `require`.
  banner: {
    js: "#!/usr/bin/env node\nimport{createRequire}from'module';const require=createRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

/** The development loader of the page script (bundles with esbuild on first use), replaced in the build. */
const PAGE_SCRIPT_LOADER = /[\\/]src[\\/]api[\\/]page[\\/]page-script\.ts$/;

/** Replaces `src/api/page/page-script.ts` by a module returning the prebuilt `script`. */
export function inlinePageScript(script: string, loaded: () => void): Plugin {
  return {
    name: 'inline-page-script',
    setup(b) {
      b.onLoad({ filter: PAGE_SCRIPT_LOADER }, () => {
        loaded();
        return {
          contents: `export const pageScript = () => Promise.resolve(${JSON.stringify(script)});`,
          loader: 'js',
        };
      });
    },
  };
}

async function buildServer(): Promise<void> {
  const script = await bundlePageScript(build, fileURLToPath(new URL('.', import.meta.url)));
  let inlined = false;
  await build({ ...serverBundle, plugins: [inlinePageScript(script, () => (inlined = true))] });
  // Without the replacement the bundle would embed esbuild itself and fail at run time.
  if (!inlined) throw new Error('the page script loader (src/api/page/page-script.ts) was not replaced');
}

/** Browser bundles (Lovelace cards) are added here; each is built with the server bundle. */
export const cardBundles: BuildOptions[] = [];

async function main(): Promise<void> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  await Promise.all([buildServer(), ...cardBundles.map((options) => build(options))]);
  await chmod(`${OUT_DIR}/main.mjs`, 0o755);
  await cp('drizzle', `${OUT_DIR}/drizzle`, { recursive: true });
  process.stdout.write(`built ${OUT_DIR}/main.mjs and ${OUT_DIR}/drizzle/\n`);
}

await main();
