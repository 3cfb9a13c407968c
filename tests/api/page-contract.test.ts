/**
 * The status page's browser code (src/api/page/client/) has its own view of the API's JSON. These
 * functions only compile if the server's JSON fits that view: `npm run typecheck` fails when a field the
 * page reads is renamed, removed or retyped on the server side.
 */
import type { PdlView, StatusView } from '../../src/api/page/client/api-types.js';
import type { pdlJson } from '../../src/api/pdl-json.js';
import type { StatusJson } from '../../src/api/status-json.js';

const statusFits = (s: StatusJson): StatusView => s;
const pdlFits = (p: ReturnType<typeof pdlJson>): PdlView => p;

it('the page reads the JSON the API serves (checked by the type check)', () => {
  expect([typeof statusFits, typeof pdlFits]).toEqual(['function', 'function']);
});
