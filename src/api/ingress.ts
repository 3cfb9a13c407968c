/**
 * Home Assistant ingress: the Supervisor proxies the add-on's web UI from `172.30.32.2` and tells the page
 * where it lives with the `X-Ingress-Path` header. In ingress mode every other address gets 403, except
 * `GET /api/health` so the container's own health check keeps working, and requests carrying the Home
 * Assistant integration's token (announced through the Supervisor's discovery).
 */
import type { FastifyInstance } from 'fastify';
import { tokenMatches } from './guards/token-guard.js';
import { errorBody } from './http-error.js';

export interface IngressOptions {
  enabled: boolean;
  allowedAddresses: string[];
  /** The Home Assistant integration's token: a request carrying it passes from any address. */
  integrationToken?: string;
}

export const SUPERVISOR_ADDRESS = '172.30.32.2';

/** `::ffff:172.30.32.2` (IPv4 mapped in IPv6) and `172.30.32.2` are the same peer. */
export function normaliseAddress(address: string | undefined): string {
  if (!address) return '';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

const PREFIX_RE = /^\/[A-Za-z0-9._~/-]*$/;

/** The path prefix announced by `X-Ingress-Path`, without trailing slash; '' when absent or malformed. */
export function ingressPrefix(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !PREFIX_RE.test(value) || value.includes('//')) return '';
  return value.replace(/\/+$/, '');
}

export function registerIngressGuard(app: FastifyInstance, options: IngressOptions): void {
  if (!options.enabled) return;
  const allowed = new Set(
    (options.allowedAddresses.length ? options.allowedAddresses : [SUPERVISOR_ADDRESS]).map(normaliseAddress),
  );
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' && request.routeOptions.url === '/api/health') return;
    if (allowed.has(normaliseAddress(request.socket.remoteAddress))) return;
    const { integrationToken } = options;
    if (integrationToken && tokenMatches(request.headers.authorization, integrationToken)) return;
    return reply
      .code(403)
      .send(
        errorBody(
          403,
          'forbidden',
          'ingress mode: this server only answers the Home Assistant Supervisor; open it from the Home Assistant sidebar',
        ),
      );
  });
}
