/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document, generated from the operations the route files
 * declare and their valibot schemas (nothing written by hand twice). Checks without a JSON Schema
 * equivalent (a calendar date's validity) are left out of the schemas and covered by the 400 answers.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import type { Answer, Operation } from './operation.js';
import { ErrorBody } from './shapes.js';

export const API_VERSION = '1';

type Json = Record<string, unknown>;

function schemaOf(schema: v.GenericSchema): Json {
  const { $schema: _drop, ...rest } = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore' }) as Json;
  return rest;
}

const error = (description: string): Answer => ({ description, json: ErrorBody });

function content(a: Answer): Json | undefined {
  const out: Json = {};
  if (a.json) out['application/json'] = { schema: schemaOf(a.json) };
  if (a.csv) out['text/csv'] = { schema: { type: 'string' } };
  if (a.text) out[a.text] = { schema: { type: 'string' } };
  return Object.keys(out).length ? out : undefined;
}

function responses(op: Operation, secured: boolean): Json {
  const all: Record<number, Answer> = { ...op.responses };
  if (op.query || op.body || op.path.includes('{'))
    all[400] ??= error('A parameter is malformed; the message names it and the fix.');
  if (op.body) all[415] ??= error('The body is not sent as Content-Type: application/json.');
  if (op.path.includes('{pdl}')) all[404] ??= error('The PDL is unknown to this client.');
  if (secured && !op.public) all[401] ??= error('The token set in api_token is missing or wrong.');
  all[503] ??= error('The database is damaged or unavailable; the message says what to do.');
  if (op.cached && all[200]) {
    const again = 'On an answer served again while the stored data has not changed';
    all[200] = {
      ...all[200],
      headers: { ...all[200].headers, etag: `${again}: its tag.`, 'cache-control': `${again}: private, no-cache.` },
    };
    all[304] = { description: 'If-None-Match names the tag of the answer: it has not changed, no body.' };
  }
  return Object.fromEntries(
    Object.entries(all).map(([code, a]) => {
      const headers = a.headers
        ? Object.fromEntries(
            Object.entries(a.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }]),
          )
        : undefined;
      return [code, { description: a.description, content: content(a), headers }];
    }),
  );
}

function parameters(op: Operation): Json[] {
  const out: Json[] = [];
  if (op.path.includes('{pdl}')) {
    out.push({
      name: 'pdl',
      in: 'path',
      required: true,
      description: 'The 14-digit usage point number (GET /api/pdls lists them).',
      schema: { type: 'string', pattern: '^\\d{14}$' },
    });
  }
  for (const [name, p] of Object.entries(op.pathParams ?? {})) {
    out.push({ name, in: 'path', required: true, description: p.description, schema: schemaOf(p.schema) });
  }
  if (op.cached) {
    out.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'The ETag of an answer already held: 304 while it is still the answer.',
      schema: { type: 'string' },
    });
  }
  for (const [name, p] of Object.entries(op.query ?? {})) {
    out.push({
      name,
      in: 'query',
      required: p.required ?? false,
      description: p.description,
      schema: schemaOf(p.schema),
    });
  }
  return out;
}

function operationJson(op: Operation, secured: boolean): Json {
  const out: Json = {
    operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: op.summary,
    tags: [op.tag],
    parameters: parameters(op),
    responses: responses(op, secured),
  };
  if (op.description) out.description = op.description;
  if (op.public) out.security = [];
  if (op.body) {
    out.requestBody = {
      description: op.body.description,
      required: true,
      content: { 'application/json': { schema: schemaOf(op.body.schema) } },
    };
  }
  return out;
}

export interface DocumentOptions {
  version: string;
  /** True when api_token is set: operations then need the bearer token. */
  secured: boolean;
}

export function openApiDocument(operations: readonly Operation[], options: DocumentOptions): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    (paths[op.path] as Json)[op.method] = operationJson(op, options.secured);
  }
  const doc: Json = {
    openapi: '3.1.0',
    info: {
      title: 'MyElectricalData Client Local API',
      version: `${API_VERSION}.0 (program ${options.version})`,
      description:
        'Linky data stored by this client, its sync and its exporters. Paths are versioned by the `/api` prefix: ' +
        'within it, fields and endpoints are only added; a removal or a change of meaning gets a new prefix (`/api/v2`). ' +
        'Dates are Paris days, ranges `start` inclusive and `end` exclusive; instants carry the Paris offset.',
    },
    paths,
  };
  if (options.secured) {
    doc.components = {
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'The api_token setting.' } },
    };
    doc.security = [{ token: [] }];
  }
  return doc;
}
