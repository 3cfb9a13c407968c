/** `GET /api/exporters`: the state of each exporter, as in `GET /api/status` (same shape, redacted). */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { ApiContext } from '../context.js';
import type { Operation } from '../openapi/operation.js';
import { ExporterStatus } from '../openapi/status-shape.js';
import { statusJson } from '../status-json.js';

export const EXPORTER_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/exporters',
    tag: 'control',
    summary: 'Each exporter in start order: state, last run, last success, last result and last error',
    responses: { 200: { description: 'The exporters.', json: v.array(ExporterStatus) } },
  },
];

export function registerExporterRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/exporters', async () => {
    const status = await ctx.status.getStatus();
    return statusJson(status, { version: ctx.version, nowMs: ctx.clock.now() }).exporters;
  });
}
