/**
 * `GET /api/health`: 200 when the store answers, 503 when it fails or does not answer within the timeout
 * (for Docker HEALTHCHECK and probes).
 */
import type { FastifyInstance } from 'fastify';
import { errorMessage } from '../../errors/app-error.js';
import { redactText } from '../../log/redact.js';
import type { ApiContext } from '../context.js';
import { isDamagedStore } from '../error-handler.js';
import { errorBody } from '../http-error.js';
import type { Operation } from '../openapi/operation.js';
import { Health } from '../openapi/shapes.js';

export const HEALTH_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    tag: 'system',
    summary: 'Whether the database answers (for probes; no token needed)',
    public: true,
    responses: {
      200: { description: 'The database answers.', json: Health },
      503: { description: 'The database fails or does not answer in time.', json: Health },
    },
  },
];

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Probes come every 30 s (Docker, the Supervisor): a failure is logged when it starts or its cause
 * changes, and the recovery once, instead of the same error line at every probe.
 */
export function registerHealthRoute(app: FastifyInstance, ctx: ApiContext, timeoutMs: number): void {
  let failing: string | null = null;
  app.get('/api/health', async (_request, reply) => {
    try {
      await withTimeout(ctx.store.listStreamStates(), timeoutMs);
      if (failing !== null) ctx.logger.info('health check: the database answers again');
      failing = null;
      return { status: 'ok' };
    } catch (err) {
      const cause = errorMessage(err);
      if (cause !== failing) ctx.logger.error({ err: cause }, 'health check: the database cannot be read');
      failing = cause;
      const error = isDamagedStore(err)
        ? errorBody(503, 'store_damaged', redactText(err.message)).error
        : errorBody(
            503,
            'store_unavailable',
            'the database cannot be read: check the data directory or database URL and the log',
          ).error;
      return reply.code(503).send({ status: 'unavailable', error });
    }
  });
}
