/** `npm run docs:config`: rewrites the configuration table of README.md from the settings schema. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withConfigTable } from './docs-table.js';

const path = new URL('../../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withConfigTable(before);
if (after !== before) writeFileSync(path, after);
process.stdout.write(
  after === before ? 'README.md configuration table is up to date\n' : 'README.md configuration table updated\n',
);
