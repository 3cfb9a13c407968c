/**
 * Headers on every answer: no MIME sniffing, no referrer, and no framing by other sites — except Home
 * Assistant's ingress in add-on mode, which shows the page in an iframe of the Home Assistant frontend on
 * the same origin (`frame-ancestors 'self'`).
 */
import type { FastifyInstance } from 'fastify';

export function registerSecurityHeaders(app: FastifyInstance, options: { allowSameOriginFrames: boolean }): void {
  const ancestors = options.allowSameOriginFrames ? "frame-ancestors 'self'" : "frame-ancestors 'none'";
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', options.allowSameOriginFrames ? 'SAMEORIGIN' : 'DENY');
    const csp = reply.getHeader('content-security-policy');
    reply.header('content-security-policy', csp ? `${String(csp)}; ${ancestors}` : ancestors);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
