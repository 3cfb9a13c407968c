/** `GET /api/health`: 200 when the store answers, 503 when it does not (for Docker HEALTHCHECK and probes). */
import type { FastifyInstance } from 'fastify';
import { errorMessage } from '../../errors/app-error.js';
import type { ApiContext } from '../context.js';

export function registerHealthRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/health', async (_request, reply) => {
    try {
      await ctx.store.listStreamStates();
      return { status: 'ok' };
    } catch (err) {
      ctx.logger.error({ err: errorMessage(err) }, 'health check: the database cannot be read');
      return reply.code(503).send({
        status: 'unavailable',
        error: {
          status: 503,
          code: 'store_unavailable',
          message: 'the database cannot be read: check the data directory or database URL and the log',
        },
      });
    }
  });
}
