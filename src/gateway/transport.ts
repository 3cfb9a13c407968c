/**
 * One HTTP exchange with a timeout, through an injectable seam: an undici `Dispatcher` (used with
 * undici's `fetch`) or any fetch-like function. Network failures become `GatewayNetworkError`s; the
 * body is read inside the timeout so a stalled or truncated body fails like a timeout or a reset.
 */
import type { Dispatcher } from 'undici';
import { errorMessage } from '../errors/app-error.js';
import { GatewayNetworkError, GatewayTruncatedError } from './errors.js';

export interface HttpResponseLike {
  status: number;
  text(): Promise<string>;
}

export interface HttpRequestInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponseLike>;

export type Fetcher = Dispatcher | FetchLike;

/**
 * Without a dispatcher the request goes through Node's own `fetch` (undici built into Node), so the
 * undici package (half a megabyte of code) is loaded only when a dispatcher is injected (tests, proxies).
 */
export function toFetchLike(fetcher?: Fetcher): FetchLike {
  if (typeof fetcher === 'function') return fetcher;
  const dispatcher = fetcher;
  if (!dispatcher) return (url, init) => globalThis.fetch(url, init);
  return async (url, init) => {
    // undici is CommonJS: from the bundle its exports arrive under `default`, from the sources by name.
    const mod = (await import('undici')) as typeof import('undici') & { default?: typeof import('undici') };
    const undiciFetch = mod.fetch ?? mod.default?.fetch;
    return undiciFetch(url, { ...init, dispatcher });
  };
}

export interface HttpExchange {
  status: number;
  body: string;
}

function describe(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? errorMessage(err);
}

export async function sendRequest(
  fetchLike: FetchLike,
  url: string,
  init: Omit<HttpRequestInit, 'signal'>,
  endpoint: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HttpExchange> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  let status: number | null = null;
  try {
    const response = await fetchLike(url, { ...init, signal: combined });
    status = response.status;
    return { status, body: await response.text() };
  } catch (err) {
    if (signal?.aborted) throw signal.reason ?? err;
    const detail = timeout.signal.aborted ? `no answer within ${timeoutMs} ms` : describe(err);
    if (status !== null) throw new GatewayTruncatedError(endpoint, `HTTP ${status}, ${detail}`, { cause: err });
    throw new GatewayNetworkError(endpoint, detail, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}
