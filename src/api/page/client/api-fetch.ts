/**
 * Every request of the page goes through here: with `api_token` set on the server, it sends the token
 * kept in this browser (asked once with a prompt on the first 401, then stored in localStorage) and
 * forgets a token the server refuses. Mutating requests are JSON, as the server requires.
 */
import { T } from './i18n.js';

const KEY = 'myelectricaldata.apiToken';

/** Thrown when the server needs a token and the user gave none: the page says so instead of "offline". */
export class TokenMissing extends Error {}

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(token: string | null): void {
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // storage disabled: the token is asked again on the next load
  }
}

function send(url: string, init: RequestInit, token: string | null): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(url, { ...init, headers, cache: 'no-store' });
}

/** One prompt for the requests that are refused together (the page loads status and PDLs at once). */
let asking: Promise<string | null> | null = null;

function askToken(): Promise<string | null> {
  asking ??= Promise.resolve(window.prompt(T.tokenPrompt)?.trim() || null).finally(() => {
    setTimeout(() => {
      asking = null;
    }, 0);
  });
  return asking;
}

export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const first = await send(url, init, stored());
  if (first.status !== 401) return first;
  remember(null);
  const token = await askToken();
  if (!token) throw new TokenMissing(T.tokenNeeded);
  const second = await send(url, init, token);
  if (second.status !== 401) remember(token);
  return second;
}

export function postJson(url: string): Promise<Response> {
  return apiFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}

/** The server answered with an error it explains (e.g. a damaged database): shown as it says. */
export class ServerError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const r = await apiFetch(url, { headers: { accept: 'application/json' } });
  if (!r.ok) {
    const body = (await r.json().catch(() => null)) as { error?: { message?: string; code?: string } } | null;
    if (body?.error?.message) throw new ServerError(body.error.message, r.status, body.error.code);
    throw new Error(`${url}: HTTP ${r.status}`);
  }
  return (await r.json()) as T;
}
