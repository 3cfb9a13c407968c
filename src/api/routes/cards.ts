/**
 * `GET /cards/myelectricaldata-cards.js`: the Lovelace cards bundle, for standalone (Docker/Node) users
 * who add it to Home Assistant's dashboard resources by hand. Behind the same guards as every route.
 */
import type { FastifyInstance } from 'fastify';
import { CARDS_FILE } from '../../cards-delivery/bundle-options.js';
import { cardsScript } from '../../cards-delivery/cards-script.js';

export function registerCardsRoute(app: FastifyInstance): void {
  app.get(`/cards/${CARDS_FILE}`, async (_request, reply) => {
    const script = await cardsScript();
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script);
  });
}
