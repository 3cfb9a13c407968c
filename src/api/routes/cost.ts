/**
 * Cost of consumption / compensation of production per Paris day, priced by the one tariff engine
 * (`domain/tariff.ts`) from the configured prices: the same amounts as the Home Assistant cost statistic
 * and the MQTT cost sensors. 404 with the settings to set when no price applies to the PDL.
 */
import type { FastifyInstance } from 'fastify';
import type { DayCost } from '../../domain/day-cost.js';
import type { Tariff } from '../../domain/pricing.js';
import { tariffFor } from '../../domain/tariff.js';
import type { Direction } from '../../domain/types.js';
import { loadTariffContext } from '../../store/tariff-history.js';
import type { ApiContext } from '../context.js';
import { csvFormat, wantsCsv } from '../csv.js';
import { dayCosts, eurOf as eur, whOf as wh } from '../day-costs.js';
import { findPdl } from '../find-pdl.js';
import { HttpError } from '../http-error.js';
import type { Operation } from '../openapi/operation.js';
import { Cost, ErrorBody } from '../openapi/shapes.js';
import { parseRange, type RangeLimits, rangeParams } from '../parse-range.js';

/** Priced a month of curve at a time (`dayCosts`): memory holds a month of readings and one amount per day, so no cap. */
export const COST_LIMITS: RangeLimits = { defaultDays: 30, maxDays: Number.POSITIVE_INFINITY };

const DAY_CSV = csvFormat(Cost.entries.days.item);

const costOperation = (direction: Direction): Operation => ({
  method: 'get',
  cached: true,
  path: `/api/pdls/{pdl}/${direction}/cost`,
  tag: 'costs',
  summary:
    direction === 'consumption'
      ? 'Cost of the consumption per Paris day (EUR), from the configured prices'
      : 'Value of the production per Paris day (EUR), from the configured price',
  query: rangeParams(COST_LIMITS, true),
  responses: {
    200: { description: 'The total and the days (CSV: the days).', json: Cost, csv: true },
    404: { description: 'Unknown PDL, or no price applies to it (the message names the setting).', json: ErrorBody },
  },
});

export const COST_OPERATIONS: Operation[] = [costOperation('consumption'), costOperation('production')];

const NO_PRICE: Record<Direction, string> = {
  consumption:
    'no price applies to this PDL: set price_base_kwh, or price_hc_kwh and price_hp_kwh for a contract with off-peak hours',
  production: 'no production price is set: set price_production_kwh',
};

/** `{hc: {wh, eur}, hp: {…}}` over the given days, in the tariff's period order (periods without energy left out). */
function periodsJson(tariff: Tariff, days: readonly DayCost[]): Record<string, { wh: number; eur: number }> {
  const out: Record<string, { wh: number; eur: number }> = {};
  for (const period of tariff.periods) {
    let wattMinutes = 0;
    let micro = 0;
    let seen = false;
    for (const d of days) {
      const p = d.periods[period];
      if (!p) continue;
      seen = true;
      wattMinutes += p.wattMinutes;
      micro += p.microEur;
    }
    if (seen) out[period] = { wh: wh(wattMinutes), eur: eur(micro) };
  }
  return out;
}

function registerCost(app: FastifyInstance, ctx: ApiContext, direction: Direction): void {
  app.get<{ Params: { pdl: string } }>(
    `/api/pdls/:pdl/${direction}/cost`,
    { config: { answerCache: true } },
    async (request, reply) => {
      const point = await findPdl(ctx, request.params.pdl);
      const range = parseRange(request.query, COST_LIMITS, ctx.clock.now());
      const context = await loadTariffContext(ctx.store, point.pdl);
      const tariff = tariffFor(ctx.prices ?? {}, point, direction, context);
      if (!tariff) throw new HttpError(404, 'no_price', NO_PRICE[direction]);
      const days = await dayCosts(ctx.store, point.pdl, direction, range, tariff);
      if (wantsCsv(range.format, request.headers.accept)) {
        const lines = days.map((d) => DAY_CSV.row({ date: d.date, eur: eur(d.microEur) }));
        return reply.type('text/csv; charset=utf-8').send(DAY_CSV.header + lines.join(''));
      }
      return {
        pdl: point.pdl,
        direction,
        start: range.start,
        end: range.end,
        currency: 'EUR',
        tariff: tariff.fingerprint,
        tariff_kind: tariff.kind,
        total_eur: eur(days.reduce((n, d) => n + d.microEur, 0)),
        periods: periodsJson(tariff, days),
        days: days.map((d) => ({ date: d.date, eur: eur(d.microEur), periods: periodsJson(tariff, [d]) })),
      };
    },
  );
}

export function registerCostRoutes(app: FastifyInstance, ctx: ApiContext): void {
  registerCost(app, ctx, 'consumption');
  registerCost(app, ctx, 'production');
}
