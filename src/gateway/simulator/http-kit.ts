/**
 * Response shapes of the gateway: the `APIResponse` envelope (naive UTC timestamp, HTTP 200 business errors),
 * FastAPI `{"detail": ...}` errors and 422 validation errors, and the query-parameter parsing behind them.
 */
import type { Bucket } from './quota.js';

export interface Reply {
  status: number;
  body: unknown;
  /** Envelope error code, for the request log. */
  code: string | null;
  /** Bucket the call was counted in. */
  bucket: Bucket | null;
}

/** `datetime.utcnow().isoformat()`: naive UTC with microseconds, no `Z`. */
export function naiveUtcTimestamp(nowMs: number): string {
  return `${new Date(nowMs).toISOString().slice(0, 23)}000`;
}

export interface ApiError {
  code: string;
  message: string;
  field: string | null;
}

export function envelope(
  nowMs: number,
  data: unknown,
  error: ApiError | null = null,
  bucket: Bucket | null = null,
): Reply {
  const body = { success: error === null || data !== null, data, error, timestamp: naiveUtcTimestamp(nowMs) };
  return { status: 200, body, code: error?.code ?? null, bucket };
}

export function businessError(nowMs: number, code: string, message: string, bucket: Bucket | null = null): Reply {
  const body = {
    success: false,
    data: null,
    error: { code, message, field: null },
    timestamp: naiveUtcTimestamp(nowMs),
  };
  return { status: 200, body, code, bucket };
}

/** `success:true` with a non-null error (`PARTIAL_DATA`). */
export function partial(nowMs: number, data: unknown, message: string, bucket: Bucket | null): Reply {
  return envelope(nowMs, data, { code: 'PARTIAL_DATA', message, field: null }, bucket);
}

export function internalError(nowMs: number, message: string): Reply {
  const body = {
    success: false,
    data: null,
    error: { code: 'INTERNAL_ERROR', message, field: null },
    timestamp: naiveUtcTimestamp(nowMs),
  };
  return { status: 500, body, code: 'INTERNAL_ERROR', bucket: null };
}

export function detail(status: number, text: unknown): Reply {
  return { status, body: { detail: text }, code: null, bucket: null };
}

export function raw(body: unknown, status = 200, bucket: Bucket | null = null): Reply {
  return { status, body, code: null, bucket };
}

interface ValidationIssue {
  type: string;
  loc: string[];
  msg: string;
  input: unknown;
}

export function validationError(issues: ValidationIssue[]): Reply {
  return detail(422, issues);
}

export function missing(name: string): ValidationIssue {
  return { type: 'missing', loc: ['query', name], msg: 'Field required', input: null };
}

const TRUE = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'off', 'f', 'n']);

/** FastAPI boolean query parameter: value, or a 422 issue. */
export function parseBool(query: URLSearchParams, name: string, fallback: boolean): boolean | ValidationIssue {
  const v = query.get(name);
  if (v === null) return fallback;
  const lower = v.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return {
    type: 'bool_parsing',
    loc: ['query', name],
    msg: 'Input should be a valid boolean, unable to interpret input',
    input: v,
  };
}

export function parseIntParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number | ValidationIssue {
  const v = query.get(name);
  if (v === null) return fallback;
  if (!/^-?\d+$/.test(v)) {
    return {
      type: 'int_parsing',
      loc: ['query', name],
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: v,
    };
  }
  const n = Number(v);
  if (n < min)
    return {
      type: 'greater_than_equal',
      loc: ['query', name],
      msg: `Input should be greater than or equal to ${min}`,
      input: v,
    };
  if (n > max)
    return {
      type: 'less_than_equal',
      loc: ['query', name],
      msg: `Input should be less than or equal to ${max}`,
      input: v,
    };
  return n;
}

export function isIssue(v: unknown): v is ValidationIssue {
  return typeof v === 'object' && v !== null && 'loc' in v;
}
