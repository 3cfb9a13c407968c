/** `npm run addon:generate`: rewrites addon/config.yaml from the configuration schema and package.json. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderAddonConfig } from './addon/addon-config.js';

const root = new URL('../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
const target = new URL('addon/config.yaml', root);
const before = (() => {
  try {
    return readFileSync(target, 'utf8');
  } catch {
    return '';
  }
})();
const after = renderAddonConfig(version);
if (after !== before) writeFileSync(target, after);
process.stdout.write(after === before ? 'addon/config.yaml is up to date\n' : 'addon/config.yaml updated\n');
