/**
 * `GET /cards/myelectricaldata-cards.js`: the Lovelace cards bundle, for standalone (Docker/Node) users
 * who add it to Home Assistant's dashboard resources by hand. Behind the same guards as every route. The
 * bundle's text is imported at the first request, not at start-up.
 */
import type { FastifyInstance } from 'fastify';
import { CARDS_FILE } from '../../cards-delivery/bundle-options.js';

export function registerCardsRoute(app: FastifyInstance): void {
  app.get(`/cards/${CARDS_FILE}`, async (_request, reply) => {
    const { cardsScript } = await import('../../cards-delivery/cards-script.js');
    const script = await cardsScript();
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script);
  });
}
