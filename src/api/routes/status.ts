/** `GET /api/status`: the sync engine's view (progress, last run, quota, per PDL and stream state). */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import type { Operation } from '../openapi/operation.js';
import { Status } from '../openapi/status-shape.js';
import { statusJson } from '../status-json.js';

export const STATUS_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/status',
    tag: 'system',
    summary: "The sync engine's view: progress, last run, quota, schedule, streams and exporters",
    responses: { 200: { description: 'The status.', json: Status } },
  },
];

export function registerStatusRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/status', async () => {
    const status = await ctx.status.getStatus();
    return statusJson(status, { version: ctx.version, nowMs: ctx.clock.now() });
  });
}
