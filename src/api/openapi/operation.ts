/**
 * One API operation, described once: the route file registers its handler at `path` and the OpenAPI
 * document (`document.ts`) is generated from the same description and the same valibot schemas.
 */
import type * as v from 'valibot';

export type Method = 'get' | 'post' | 'delete';

export interface Answer {
  description: string;
  /** The JSON body's shape. */
  json?: v.GenericSchema;
  /** Also answered as CSV (`Accept: text/csv` or `?format=csv`), one row per JSON array element. */
  csv?: boolean;
  /** A non-JSON content type (HTML page, Prometheus text). */
  text?: string;
  /** Answer headers, name → description. */
  headers?: Record<string, string>;
}

export interface QueryParam {
  schema: v.GenericSchema;
  description: string;
  required?: boolean;
}

export interface Operation {
  method: Method;
  /** OpenAPI form, `{name}` for a path parameter (`{pdl}` is described once for all, others in `pathParams`). */
  path: string;
  /** Path parameters other than `{pdl}`. */
  pathParams?: Record<string, { schema: v.GenericSchema; description: string }>;
  summary: string;
  description?: string;
  tag: string;
  query?: Record<string, QueryParam>;
  body?: { schema: v.GenericSchema; description: string };
  /** Answered without the token (the health check and the page shell). */
  public?: boolean;
  /** Kept in the answer cache (`answer-cache.ts`): `ETag` and `If-None-Match` → 304. */
  cached?: boolean;
  responses: Record<number, Answer>;
}

/** The Fastify route of an OpenAPI path: `/api/pdls/{pdl}` → `/api/pdls/:pdl`. */
export function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
