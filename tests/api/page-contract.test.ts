/**
 * The page's browser code (src/api/page/client/) has its own view of the API's JSON. These functions only
 * compile if the server's JSON fits that view: `npm run typecheck` fails when a field the page reads is
 * renamed, removed or retyped on the server side (status, PDLs, and the schemas of the energy routes).
 */
import type * as v from 'valibot';
import type { Cost, CurveRow, MaxPowerRow, TempoRow } from '../../src/api/openapi/shapes.js';
import type {
  AggregateView,
  CostView,
  CurveView,
  MaxPowerView,
  PdlView,
  StatusView,
  TempoView,
} from '../../src/api/page/client/api-types.js';
import type { pdlJson } from '../../src/api/pdl-json.js';
import type { Aggregate } from '../../src/api/routes/aggregate.js';
import type { StatusJson } from '../../src/api/status-json.js';

const statusFits = (s: StatusJson): StatusView => s;
const pdlFits = (p: ReturnType<typeof pdlJson>): PdlView => p;
const aggregateFits = (a: v.InferOutput<typeof Aggregate>): AggregateView => a;
const costFits = (c: v.InferOutput<typeof Cost>): CostView => c;
const maxPowerFits = (m: v.InferOutput<typeof MaxPowerRow>): MaxPowerView => m;
const tempoFits = (t: v.InferOutput<typeof TempoRow>): TempoView => t;
const curveFits = (c: v.InferOutput<typeof CurveRow>): CurveView => c;

it('the page reads the JSON the API serves (checked by the type check)', () => {
  const fits = [statusFits, pdlFits, aggregateFits, costFits, maxPowerFits, tempoFits, curveFits];
  expect(fits.map((f) => typeof f)).toEqual(Array(7).fill('function'));
});
