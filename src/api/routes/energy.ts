/**
 * Stored readings of a PDL: daily energy and load curve (consumption and production) and daily maximum
 * power. Ranges are Paris days, `start` inclusive and `end` exclusive (see `parse-range.ts`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readingWh } from '../../domain/energy.js';
import { parisIso, parisMidnightUtc } from '../../domain/time.js';
import type { DateRange, Direction } from '../../domain/types.js';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { parseRange, type RangeLimits } from '../parse-range.js';

export const DAILY_LIMITS: RangeLimits = { defaultDays: 30, maxDays: 3700 };
export const CURVE_LIMITS: RangeLimits = { defaultDays: 7, maxDays: 400 };
export const MAX_POWER_LIMITS: RangeLimits = DAILY_LIMITS;

type PdlRequest = FastifyRequest<{ Params: { pdl: string } }>;

async function pdlAndRange(ctx: ApiContext, request: PdlRequest, limits: RangeLimits) {
  const point = await findPdl(ctx, request.params.pdl);
  return { pdl: point.pdl, range: parseRange(request.query, limits, ctx.clock.now()) };
}

async function curveRows(ctx: ApiContext, pdl: string, direction: Direction, range: DateRange) {
  const rows = await ctx.store.listCurve(pdl, direction, parisMidnightUtc(range.start), parisMidnightUtc(range.end));
  return rows.map((r) => ({ start: parisIso(r.start), minutes: r.minutes, w: r.w, wh: readingWh(r) }));
}

function registerDirection(app: FastifyInstance, ctx: ApiContext, direction: Direction): void {
  app.get<{ Params: { pdl: string } }>(`/api/pdls/:pdl/${direction}/daily`, async (request) => {
    const { pdl, range } = await pdlAndRange(ctx, request, DAILY_LIMITS);
    const rows = await ctx.store.listDaily(pdl, direction, range);
    return rows.map((r) => ({ date: r.date, wh: r.wh }));
  });
  app.get<{ Params: { pdl: string } }>(`/api/pdls/:pdl/${direction}/curve`, async (request) => {
    const { pdl, range } = await pdlAndRange(ctx, request, CURVE_LIMITS);
    return curveRows(ctx, pdl, direction, range);
  });
}

export function registerEnergyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  registerDirection(app, ctx, 'consumption');
  registerDirection(app, ctx, 'production');
  app.get<{ Params: { pdl: string } }>('/api/pdls/:pdl/max-power', async (request) => {
    const { pdl, range } = await pdlAndRange(ctx, request, MAX_POWER_LIMITS);
    const rows = await ctx.store.listMaxPower(pdl, range);
    return rows.map((r) => ({ date: r.date, va: r.va, at: parisIso(r.at) }));
  });
}
