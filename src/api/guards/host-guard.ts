/**
 * DNS rebinding: a web page can point a name of its own at this machine's address and then read the API
 * as "same origin". The browser still sends that name in `Host`, so the API answers only IP literals,
 * `localhost` and the names the user listed in `api_allowed_hosts`. In ingress mode only the Supervisor
 * reaches the server (ingress guard) and it may forward the user's host name: no host check there.
 */
import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../http-error.js';

/** The host name of a `Host` header, lower case, without port or IPv6 brackets; '' when absent. */
export function hostName(header: string | undefined): string {
  const value = (header ?? '').trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') >>> 0);
  return value.replace(/:\d*$/, '').replace(/\.$/, '');
}

export function hostAllowed(header: string | undefined, allowedNames: ReadonlySet<string>): boolean {
  const name = hostName(header);
  return isIP(name) !== 0 || name === 'localhost' || allowedNames.has(name);
}

export function registerHostGuard(app: FastifyInstance, allowedHosts: readonly string[]): void {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (request, reply) => {
    if (hostAllowed(request.headers.host, allowed)) return;
    const name = JSON.stringify(hostName(request.headers.host).slice(0, 80));
    return reply
      .code(403)
      .send(
        errorBody(
          403,
          'host_not_allowed',
          `this server does not answer the host name ${name}: open it by its IP address or localhost, or add the name to api_allowed_hosts`,
        ),
      );
  });
}
