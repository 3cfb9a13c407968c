/**
 * A known path asked with the wrong method answers 405 with `Allow` (not 404), so a client learns that
 * the endpoint exists. The routes are recorded as they are registered; their `:param` parts match any
 * one path segment.
 */
import type { FastifyInstance } from 'fastify';

export interface RouteIndex {
  /** Methods registered for the path (without query), empty when no route has it. */
  methodsFor(path: string): string[];
}

const toRegExp = (url: string) =>
  new RegExp(
    `^${url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}$`,
  );

export function recordRoutes(app: FastifyInstance): RouteIndex {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    routes.push({ pattern: toRegExp(route.url), methods });
  });
  return {
    methodsFor: (path) => [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))].sort(),
  };
}
