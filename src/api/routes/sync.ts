/** `POST /api/sync`: starts a sync in the background; 202 when started, 409 while one runs. */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { errorBody } from '../http-error.js';

export function registerSyncRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/api/sync', async (_request, reply) => {
    const outcome = ctx.syncTrigger.start();
    if (outcome === 'started') {
      ctx.logger.info('sync started from the API');
      return reply.code(202).send({ status: 'started' });
    }
    return reply
      .code(409)
      .send(
        errorBody(
          409,
          'sync_running',
          'a sync is already running: wait for it to finish (follow it on GET /api/status)',
        ),
      );
  });
}
