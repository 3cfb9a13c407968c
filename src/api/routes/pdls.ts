/** `GET /api/pdls` and `GET /api/pdls/{pdl}`: usage points with their contract, address and last sync. */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { pdlJson } from '../pdl-json.js';

export function registerPdlRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/pdls', async () => {
    const [points, states] = await Promise.all([ctx.store.listUsagePoints(), ctx.store.listStreamStates()]);
    return [...points].sort((a, b) => a.pdl.localeCompare(b.pdl)).map((p) => pdlJson(p, states));
  });

  app.get<{ Params: { pdl: string } }>('/api/pdls/:pdl', async (request) => {
    const point = await findPdl(ctx, request.params.pdl);
    return pdlJson(point, await ctx.store.listStreamStates());
  });
}
