/**
 * How the Lovelace cards (`lovelace-cards/`, Lit + SVG) become one ES module for Home Assistant's
 * dashboard resources: an esbuild bundle, minified, Lit included (never borrowed from HA's elements).
 * Used by the production build (build.config.ts writes `dist/myelectricaldata-cards.js` and inlines the
 * text into the server bundle) and by the development loader (cards-script.ts).
 */
import type { BuildOptions, build } from 'esbuild';

export const CARDS_ENTRY = 'lovelace-cards/index.ts';
export const CARDS_FILE = 'myelectricaldata-cards.js';

export function cardsBundleOptions(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [CARDS_ENTRY],
    tsconfig: 'lovelace-cards/tsconfig.json',
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2021',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  };
}

export async function bundleCards(esbuild: typeof build, root: string): Promise<string> {
  const result = await esbuild(cardsBundleOptions(root));
  const js = result.outputFiles?.[0]?.text;
  if (!js) throw new Error(`esbuild produced no output for ${CARDS_ENTRY}`);
  return js;
}
