/**
 * How the status page's browser code (client/, type-checked with tsconfig.page.json) becomes the one
 * inline script of the page: an esbuild IIFE bundle for browsers. Used by the production build
 * (build.config.ts, which inlines it into dist/main.mjs) and by the development loader (page-script.ts).
 * Not minified: it stays readable in the browser's developer tools (~43 KB, 13 KB gzipped; the whole first
 * load with HTML, CSS and words is ~19 KB gzipped, checked by tests/api/page.test.ts).
 */
import type { BuildOptions, build } from 'esbuild';

/** The entry point, relative to the repository root. */
export const PAGE_ENTRY = 'src/api/page/client/main.ts';

export function pageBundleOptions(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  };
}

/** The bundle as text, checked safe to place inside `<script>…</script>`. */
export async function bundlePageScript(esbuild: typeof build, root: string): Promise<string> {
  const result = await esbuild(pageBundleOptions(root));
  const js = result.outputFiles?.[0]?.text;
  if (!js) throw new Error(`esbuild produced no output for ${PAGE_ENTRY}`);
  if (/<\/script|<!--/i.test(js)) throw new Error(`${PAGE_ENTRY}: the bundle contains "</script" or "<!--"`);
  return js;
}
