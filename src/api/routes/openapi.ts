/** `GET /api/openapi.json` and `GET /api/docs`: the API described, generated once per server. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { OPERATIONS } from '../openapi/catalog.js';
import { renderDocsPage } from '../openapi/docs-page.js';
import { openApiDocument } from '../openapi/document.js';

export function registerOpenApiRoutes(app: FastifyInstance, ctx: ApiContext, secured: boolean): void {
  const doc = openApiDocument(OPERATIONS, { version: ctx.version, secured });
  const text = JSON.stringify(doc);
  app.get('/api/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(text));
  app.get('/api/docs', async (_request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`,
      )
      .send(renderDocsPage(doc, nonce));
  });
}
