/**
 * Turns one HTTP exchange into validated data or a typed error: HTTP status, JSON, the `APIResponse`
 * envelope (business errors come back with HTTP 200 and `success:false`), `PARTIAL_DATA`, the
 * passthrough quirk `success:true` + `data.error`, and the payload schema.
 */
import * as v from 'valibot';
import { redactText } from '../log/redact.js';
import {
  GatewayAccessDeniedError,
  GatewayAuthError,
  GatewayDateTooOldError,
  GatewayEnedisError,
  GatewayEnedisUnavailableError,
  type GatewayError,
  GatewayHttpError,
  GatewayInvalidDateError,
  GatewayNoDataError,
  GatewayNotActivatedError,
  GatewayPayloadError,
  GatewayQuotaError,
  GatewayUnknownError,
} from './errors.js';
import { EnvelopeSchema } from './schemas.js';
import type { HttpExchange } from './transport.js';
import type { QuotaBucket } from './types.js';

export interface ResponseSpec<T> {
  endpoint: string;
  schema: v.GenericSchema<unknown, T>;
  /** The route answers with the `APIResponse` envelope. */
  enveloped: boolean;
  bucket: QuotaBucket | null;
}

export interface Interpreted<T> {
  data: T;
  partial: boolean;
}

function snippet(body: string): string {
  const text = redactText(body.replace(/\s+/g, ' ').trim());
  return text.length > 160 ? `${text.slice(0, 160)}…` : text || '(empty body)';
}

/** What came where a field was expected, short and without secrets. */
function sample(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return snippet(text);
}

/** Maps a gateway (or Enedis) error code to its typed error. */
export function errorForCode(
  endpoint: string,
  code: string,
  message: string,
  bucket: QuotaBucket | null,
  quotaResetAt: number,
): GatewayError {
  const detail = `${code}: ${message}`;
  if (code === 'RATE_LIMIT_EXCEEDED') return new GatewayQuotaError(endpoint, bucket ?? 'cached', quotaResetAt);
  if (code === 'ACCESS_DENIED') return new GatewayAccessDeniedError(endpoint, message);
  if (code === 'NO_DATA' || /no_data_found/i.test(message)) return new GatewayNoDataError(endpoint, detail);
  if (code === 'ENEDIS_UNAVAILABLE') return new GatewayEnedisUnavailableError(endpoint, message);
  if (code === 'ADAM-ERR0123' || /ADAM-ERR0123/.test(message)) return new GatewayNotActivatedError(endpoint, detail);
  if (code === 'ENEDIS_ERROR') return new GatewayEnedisError(endpoint, message);
  if (code === 'DATE_TOO_OLD') return new GatewayDateTooOldError(endpoint, message);
  if (code === 'INVALID_DATE_FORMAT') return new GatewayInvalidDateError(endpoint, message);
  if (code === 'INTERNAL_ERROR') return new GatewayHttpError(endpoint, 500, detail);
  return new GatewayUnknownError(endpoint, code, message);
}

function statusError(endpoint: string, ex: HttpExchange, bucket: QuotaBucket | null, resetAt: number): GatewayError {
  if (ex.status === 401 || ex.status === 403) return new GatewayAuthError(endpoint, ex.status);
  if (ex.status === 429) return new GatewayQuotaError(endpoint, bucket ?? 'noCache', resetAt);
  return new GatewayHttpError(endpoint, ex.status, snippet(ex.body));
}

function parseJson(endpoint: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new GatewayPayloadError(endpoint, '(body)', `not valid JSON (cut off, or not JSON): ${snippet(body)}`, {
      retryable: true,
    });
  }
}

function validate<T>(endpoint: string, schema: v.GenericSchema<unknown, T>, value: unknown, prefix: string): T {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = [prefix, v.getDotPath(issue)].filter(Boolean).join('.');
  throw new GatewayPayloadError(endpoint, path, `${issue.message}; it came as ${sample(issue.input)}`);
}

/** The passthrough quirk: `success:true` with `data = {"error": "ADAM-ERR0123", ...}`. */
function embeddedError(data: unknown): { code: string; message: string } | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const { error, error_description, message } = data as Record<string, unknown>;
  if (typeof error !== 'string' || !error) return null;
  const text = typeof error_description === 'string' ? error_description : typeof message === 'string' ? message : '';
  return { code: error, message: text || error };
}

export function interpretResponse<T>(spec: ResponseSpec<T>, ex: HttpExchange, quotaResetAt: number): Interpreted<T> {
  const { endpoint } = spec;
  if (ex.status !== 200) throw statusError(endpoint, ex, spec.bucket, quotaResetAt);
  const json = parseJson(endpoint, ex.body);
  if (!spec.enveloped) return { data: validate(endpoint, spec.schema, json, ''), partial: false };
  const envelope = validate(endpoint, EnvelopeSchema, json, '');
  if (!envelope.success) {
    const code = envelope.error?.code ?? 'UNKNOWN';
    throw errorForCode(endpoint, code, envelope.error?.message ?? '', spec.bucket, quotaResetAt);
  }
  const embedded = embeddedError(envelope.data);
  if (embedded) {
    const code = /ADAM-ERR0123/.test(embedded.code) ? 'ADAM-ERR0123' : 'ENEDIS_ERROR';
    throw errorForCode(endpoint, code, `${embedded.code}: ${embedded.message}`, spec.bucket, quotaResetAt);
  }
  return {
    data: validate(endpoint, spec.schema, envelope.data, 'data'),
    partial: envelope.error?.code === 'PARTIAL_DATA',
  };
}
