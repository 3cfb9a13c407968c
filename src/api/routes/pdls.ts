/** `GET /api/pdls` and `GET /api/pdls/{pdl}`: usage points with their contract, address and last sync. */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { compareText } from '../../domain/compare-text.js';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import type { Operation } from '../openapi/operation.js';
import { Pdl } from '../openapi/shapes.js';
import { pdlJson } from '../pdl-json.js';

export const PDL_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/pdls',
    tag: 'pdls',
    summary: 'Usage points known to this client, sorted by PDL, with contract and address',
    responses: { 200: { description: 'Every PDL.', json: v.array(Pdl) } },
  },
  {
    method: 'get',
    path: '/api/pdls/{pdl}',
    tag: 'pdls',
    summary: 'One usage point with its contract, address and last sync',
    responses: { 200: { description: 'The PDL.', json: Pdl } },
  },
];

export function registerPdlRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/pdls', async () => {
    const [points, states] = await Promise.all([ctx.store.listUsagePoints(), ctx.store.listStreamStates()]);
    return [...points].sort((a, b) => compareText(a.pdl, b.pdl)).map((p) => pdlJson(p, states));
  });

  app.get<{ Params: { pdl: string } }>('/api/pdls/:pdl', async (request) => {
    const point = await findPdl(ctx, request.params.pdl);
    return pdlJson(point, await ctx.store.listStreamStates());
  });
}
