/**
 * `npm run build` (tsx build.config.ts): the server bundle `dist/main.mjs` (ESM, Node 20, runnable as the
 * `med-local` bin) and the drizzle migrations next to it in `dist/drizzle/`. See toolchain.md 3.1.
 *
 * Native and optional modules stay external: ship `node_modules/better-sqlite3` (with its compiled
 * `.node` file) next to the bundle. The Lovelace cards bundle plugs into `cardBundles` (later issue).
 */
import { chmod, cp, mkdir, rm } from 'node:fs/promises';
import { type BuildOptions, build } from 'esbuild';

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

/** Browser bundles (Lovelace cards) are added here; each is built with the server bundle. */
export const cardBundles: BuildOptions[] = [];

async function main(): Promise<void> {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  await Promise.all([build(serverBundle), ...cardBundles.map((options) => build(options))]);
  await chmod(`${OUT_DIR}/main.mjs`, 0o755);
  await cp('drizzle', `${OUT_DIR}/drizzle`, { recursive: true });
  process.stdout.write(`built ${OUT_DIR}/main.mjs and ${OUT_DIR}/drizzle/\n`);
}

await main();
