/**
 * `GET /metrics`: Prometheus text format (current gauges, process metrics, counters). Behind the API's
 * token guard like every route but the health check; a Prometheus job sets `authorization.credentials`.
 */
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics/metrics-registry.js';
import type { Operation } from '../openapi/operation.js';

export const METRICS_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/metrics',
    tag: 'system',
    summary: 'Prometheus metrics (text exposition format)',
    responses: { 200: { description: 'The metrics.', text: 'text/plain' } },
  },
];

export function registerMetricsRoute(app: FastifyInstance, metrics: Metrics): void {
  app.get('/metrics', async (_request, reply) => {
    const { text, contentType } = await metrics.render();
    return reply.header('content-type', contentType).send(text);
  });
  app.addHook('onClose', async () => metrics.close());
}
