/**
 * Cross-site requests: a page the user visits can make the browser send `POST /api/sync` here (a "simple"
 * request with `text/plain` needs no CORS preflight). Every mutating request must therefore come from
 * the same origin — `Sec-Fetch-Site` (sent by current browsers) and `Origin`, when present, must say so —
 * and carry a JSON body (`Content-Type: application/json`), which a cross-site page cannot send without a
 * preflight that this server never grants. Clients that are not browsers (curl, scripts) send neither
 * header and are not affected beyond the content type.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../http-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SAME_SITE_FETCH = new Set(['same-origin', 'none']);

/** True when `origin` names the host the request was sent to (default ports normalised). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    const from = new URL(origin);
    return from.host === new URL(`${from.protocol}//${host ?? ''}`).host;
  } catch {
    return false;
  }
}

/** Why a mutating request is refused, or null when it may go on. */
export function crossSiteReason(request: FastifyRequest, checkOrigin: boolean): string | null {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && !SAME_SITE_FETCH.has(site)) return `the browser marked it ${site}`;
  const origin = request.headers.origin;
  if (checkOrigin && typeof origin === 'string') {
    if (!sameHost(origin, request.headers.host)) return `it comes from ${JSON.stringify(origin.slice(0, 80))}`;
  }
  return null;
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send(errorBody(status, code, message));
}

/** `checkOrigin` is off in ingress mode, where the Supervisor proxy may rewrite `Host`. */
export function registerCrossSiteGuard(app: FastifyInstance, options: { checkOrigin: boolean }): void {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    // No route (404/405 follow): nothing would act on the request.
    if (request.routeOptions.url === undefined) return;
    const reason = crossSiteReason(request, options.checkOrigin);
    if (reason) {
      return refuse(
        reply,
        403,
        'cross_site',
        `cross-site request refused (${reason}): use the status page of this server`,
      );
    }
    if (!isJson(request.headers['content-type'])) {
      return refuse(
        reply,
        415,
        'unsupported_media_type',
        `${request.method} requests need Content-Type: application/json (e.g. curl -X POST -H 'Content-Type: application/json' http://127.0.0.1:8080/api/sync)`,
      );
    }
  });
  // An empty JSON body is a JSON request with nothing to say (`POST /api/sync`): read it as {}.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      const err = Object.assign(new Error('the body is not valid JSON: send {} or leave it empty'), {
        statusCode: 400,
      });
      done(err, undefined);
    }
  });
}
