/**
 * `GET /api/tempo` and `GET /api/ecowatt`: the account-wide days stored by the sync (Tempo colours,
 * EcoWatt signals), by Paris day, as JSON or CSV like the readings.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import type { DateRange } from '../../domain/types.js';
import type { ApiContext } from '../context.js';
import { csvFormat, wantsCsv } from '../csv.js';
import type { Operation } from '../openapi/operation.js';
import { EcoWattRow, TempoRow } from '../openapi/shapes.js';
import { parseRange, type RangeLimits, rangeParams } from '../parse-range.js';
import { jsonArrayStream } from '../stream-json.js';

const LIMITS: RangeLimits = { defaultDays: 30, maxDays: Number.POSITIVE_INFINITY };

type Row = Record<string, unknown>;

interface GridRoute {
  path: string;
  summary: string;
  shape: v.StrictObjectSchema<v.ObjectEntries, undefined>;
  read(ctx: ApiContext, range: DateRange): Promise<Row[]>;
}

const ROUTES: GridRoute[] = [
  {
    path: '/api/tempo',
    summary: 'Tempo colour per day (a Tempo day runs from 06:00 to 06:00 the next day, Paris time)',
    shape: TempoRow,
    read: async (ctx, range) => (await ctx.store.listTempo(range)).map((d) => ({ date: d.date, color: d.color })),
  },
  {
    path: '/api/ecowatt',
    summary: 'EcoWatt signal per day: level 1 green, 2 orange, 3 red, and the level of each Paris hour 0..23',
    shape: EcoWattRow,
    read: async (ctx, range) =>
      (await ctx.store.listEcoWatt(range)).map((s) => ({
        date: s.date,
        level: s.level,
        message: s.message,
        hourly: [...s.hourly],
      })),
  },
];

export const GRID_OPERATIONS: Operation[] = ROUTES.map((r) => ({
  method: 'get',
  cached: true,
  path: r.path,
  tag: 'grid',
  summary: r.summary,
  query: rangeParams(LIMITS, true),
  responses: { 200: { description: 'The stored days of the range.', json: v.array(r.shape), csv: true } },
}));

function handler(ctx: ApiContext, route: GridRoute) {
  const csv = csvFormat(route.shape);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const range = parseRange(request.query, LIMITS, ctx.clock.now());
    const asCsv = wantsCsv(range.format, request.headers.accept);
    const body = await jsonArrayStream(
      range,
      (piece) => route.read(ctx, piece),
      (row) => row,
      asCsv ? csv : undefined,
    );
    return reply.type(asCsv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8').send(body);
  };
}

export function registerGridRoutes(app: FastifyInstance, ctx: ApiContext): void {
  for (const route of ROUTES) app.get(route.path, { config: { answerCache: true } }, handler(ctx, route));
}
