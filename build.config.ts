/**
 * `npm run build` (tsx build.config.ts): the server bundle `dist/main.mjs` (ESM, Node 20, runnable as the
 * `med-local` bin) and the drizzle migrations next to it in `dist/drizzle/`. The status page's browser
 * script is bundled first and inlined into `dist/main.mjs` as a string (`inlinePageScript`), so the
 * program needs no esbuild at run time.
 *
 * Native and optional modules stay external: ship `node_modules/better-sqlite3` (with its compiled
 * `.node` file) next to the bundle. The Lovelace cards (lovelace-cards/) are bundled too, written to
 * `dist/myelectricaldata-cards.js` (attached to releases) and inlined for the add-on and the local API.
 */
import { chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { bundlePageScript } from './src/api/page/bundle-options.js';
import { bundleCards, CARDS_FILE } from './src/cards-delivery/bundle-options.js';

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

/** The development loader of the cards bundle, replaced the same way. */
const CARDS_SCRIPT_LOADER = /[\\/]src[\\/]cards-delivery[\\/]cards-script\.ts$/;

/**
 * Modules the program never loads, left out of the bundle (smaller to parse at every start): Fastify's
 * schema compilers (ajv, fast-json-stringify), replaced by stand-ins in `src/api/server.ts` because no
 * route declares a Fastify schema, and pino with what only it needs (60 KB of code), which Fastify requires
 * only when it is given a logger (`src/api/server.ts` gives none: we log ourselves). Should one ever be
 * required, it fails with its name.
 */
const OMITTED_MODULES = /^(@fastify\/(ajv-compiler|fast-json-stringify-compiler)|pino)$/;

export function omitUnusedModules(): Plugin {
  return {
    name: 'omit-unused-modules',
    setup(b) {
      b.onResolve({ filter: OMITTED_MODULES }, (args) => ({ path: args.path, namespace: 'omitted' }));
      b.onLoad({ filter: /.*/, namespace: 'omitted' }, (args) => ({
        contents: `module.exports = () => { throw new Error(${JSON.stringify(`${args.path} is not in this bundle (build.config.ts)`)}); };`,
        loader: 'js',
      }));
    },
  };
}

/** The Lovelace cards must stay small: Home Assistant loads them on every dashboard. */
export const CARDS_GZIP_LIMIT = 30 * 1024;

function inlineModule(name: string, filter: RegExp, exported: string, text: string, loaded: () => void): Plugin {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, () => {
        loaded();
        return { contents: `export const ${exported} = () => Promise.resolve(${JSON.stringify(text)});`, loader: 'js' };
      });
    },
  };
}

/** Replaces `src/api/page/page-script.ts` by a module returning the prebuilt `script`. */
export function inlinePageScript(script: string, loaded: () => void): Plugin {
  return inlineModule('inline-page-script', PAGE_SCRIPT_LOADER, 'pageScript', script, loaded);
}

/** Replaces `src/cards-delivery/cards-script.ts` by a module returning the prebuilt cards bundle. */
export function inlineCardsScript(cards: string, loaded: () => void): Plugin {
  return inlineModule('inline-cards-script', CARDS_SCRIPT_LOADER, 'cardsScript', cards, loaded);
}

/** The cards bundle, checked against its size budget. */
export async function buildCards(root: string): Promise<{ js: string; gzipBytes: number }> {
  const js = await bundleCards(build, root);
  const gzipBytes = gzipSync(js).length;
  if (gzipBytes > CARDS_GZIP_LIMIT) {
    throw new Error(`${CARDS_FILE} is ${gzipBytes} bytes gzipped, over the ${CARDS_GZIP_LIMIT}-byte budget`);
  }
  return { js, gzipBytes };
}

async function buildServer(cards: string): Promise<void> {
  const script = await bundlePageScript(build, fileURLToPath(new URL('.', import.meta.url)));
  let inlined = 0;
  const plugins = [
    inlinePageScript(script, () => inlined++),
    inlineCardsScript(cards, () => inlined++),
    omitUnusedModules(),
  ];
  await build({ ...serverBundle, plugins });
  // Without the replacements the bundle would embed esbuild itself and fail at run time.
  if (inlined !== 2)
    throw new Error('the page script or cards loader (page-script.ts, cards-script.ts) was not replaced');
}

async function main(): Promise<void> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  const cards = await buildCards(fileURLToPath(new URL('.', import.meta.url)));
  await writeFile(`${OUT_DIR}/${CARDS_FILE}`, cards.js);
  await buildServer(cards.js);
  await chmod(`${OUT_DIR}/main.mjs`, 0o755);
  await cp('drizzle', `${OUT_DIR}/drizzle`, { recursive: true });
  process.stdout.write(
    `built ${OUT_DIR}/main.mjs, ${OUT_DIR}/drizzle/ and ${OUT_DIR}/${CARDS_FILE} (${cards.gzipBytes} bytes gzipped)\n`,
  );
}

// Built when run (`npm run build`); imported (the benchmarks bundle with `serverBundle`), it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
