/**
 * Validates API answers against the served OpenAPI document with ajv (JSON Schema 2020-12): the status
 * must be documented for the operation, the content type listed, and a JSON body must match its schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { LightMyRequestResponse } from 'fastify';

type Json = Record<string, unknown>;

export interface Validator {
  /** Throws with the reason when `res` (an answer to `method` on the documented `path`) does not conform. */
  check(method: string, path: string, res: LightMyRequestResponse): void;
}

export function openApiValidator(doc: Json): Validator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  return {
    check(method, path, res) {
      const op = ((doc.paths as Json)[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
      if (!op) throw new Error(`${method} ${path} is not in the OpenAPI document`);
      const answer = (op.responses as Json)[String(res.statusCode)] as
        | { content?: Record<string, { schema: Json }> }
        | undefined;
      if (!answer)
        throw new Error(`${method} ${path}: status ${res.statusCode} is not documented (${res.body.slice(0, 200)})`);
      const type = String(res.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim();
      const media = answer.content?.[type];
      if (!media) throw new Error(`${method} ${path} ${res.statusCode}: content type ${type} is not documented`);
      if (type !== 'application/json' || path === '/api/openapi.json') return;
      const key = `${method} ${path} ${res.statusCode}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(media.schema);
        compiled.set(key, validate);
      }
      if (!validate(res.json())) throw new Error(`${key}: ${ajv.errorsText(validate.errors)}`);
    },
  };
}
