/**
 * `api_token`: when set, every request needs `Authorization: Bearer <token>`, except the health check (the
 * container's probe) and the page shell, which holds no data and asks for the token once (kept in the
 * browser). The comparison takes the same time whatever the guess.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../http-error.js';

/** Routes answered without a token (GET only). */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['/api/health', '/', '/api/openapi.json', '/api/docs']);

const digest = (text: string) => createHash('sha256').update(text).digest();

export function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!.trim()), digest(token));
}

export function registerTokenGuard(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  app.addHook('onRequest', async (request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && PUBLIC_ROUTES.has(request.routeOptions.url ?? ''))
      return;
    if (tokenMatches(request.headers.authorization, token)) return;
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="myelectricaldata"')
      .send(
        errorBody(
          401,
          'unauthorized',
          'this API needs the token set in api_token: send Authorization: Bearer <token> (the status page asks for it)',
        ),
      );
  });
}
