/**
 * `GET /api/openapi.json` and `GET /api/docs`: the API described, generated once per server at the first
 * request for either (not at start: turning the valibot shapes into JSON Schemas is most of that work).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { OPERATIONS } from '../openapi/catalog.js';

interface Described {
  text: string;
  docsPage(nonce: string): string;
}

async function describe(version: string, secured: boolean): Promise<Described> {
  const [{ openApiDocument }, { renderDocsPage }] = await Promise.all([
    import('../openapi/document.js'),
    import('../openapi/docs-page.js'),
  ]);
  const doc = openApiDocument(OPERATIONS, { version, secured });
  return { text: JSON.stringify(doc), docsPage: (nonce) => renderDocsPage(doc, nonce) };
}

export function registerOpenApiRoutes(app: FastifyInstance, ctx: ApiContext, secured: boolean): void {
  let described: Promise<Described> | undefined;
  const describedOnce = () => {
    described ??= describe(ctx.version, secured);
    return described;
  };
  app.get('/api/openapi.json', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send((await describedOnce()).text),
  );
  app.get('/api/docs', async (_request, reply) => {
    const page = await describedOnce();
    const nonce = randomBytes(16).toString('base64');
    return reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`,
      )
      .send(page.docsPage(nonce));
  });
}
