/**
 * Prints, as JSON, the npm packages the server bundle holds (`build.config.ts`, built in memory). Run with
 * `node --import tsx`: the build configuration awaits at its top level, which Jest's CommonJS cannot load.
 */
import { build } from 'esbuild';
import { inlineCardsScript, inlinePageScript, omitUnusedModules, serverBundle } from '../../build.config.js';

const result = await build({
  ...serverBundle,
  write: false,
  metafile: true,
  sourcemap: false,
  legalComments: 'none',
  plugins: [inlinePageScript('', () => {}), inlineCardsScript('', () => {}), omitUnusedModules()],
});
const names = Object.keys(result.metafile.inputs).map((p) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(p)?.[1]);
process.stdout.write(JSON.stringify([...new Set(names.filter((n) => n !== undefined))].sort()));
