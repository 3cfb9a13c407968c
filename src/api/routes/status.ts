/** `GET /api/status`: the sync engine's view (progress, last run, quota, per PDL and stream state). */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { statusJson } from '../status-json.js';

export function registerStatusRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/status', async () => {
    const status = await ctx.status.getStatus();
    return statusJson(status, { version: ctx.version, nowMs: ctx.clock.now() });
  });
}
