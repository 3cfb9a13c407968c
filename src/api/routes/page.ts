/**
 * `GET /`: the status page. Inline assets only, allowed by a per-response CSP nonce. Its script (about
 * 55 kB of text in the build) is imported at the first request, not at start-up.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { ingressPrefix } from '../ingress.js';
import type { Operation } from '../openapi/operation.js';
import { renderStatusPage } from '../page/status-page.js';

export const PAGE_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/',
    tag: 'page',
    summary: 'The status page (HTML; asks for the token in the browser when one is set)',
    public: true,
    responses: { 200: { description: 'The page.', text: 'text/html' } },
  },
];

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    'img-src data:',
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export function registerPageRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/', async (request, reply) => {
    const { pageScript } = await import('../page/page-script.js');
    const script = await pageScript();
    const nonce = randomBytes(16).toString('base64');
    const prefix = ingressPrefix(request.headers['x-ingress-path']);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', contentSecurityPolicy(nonce))
      .send(renderStatusPage({ version: ctx.version, prefix, nonce, script }));
  });
}
