/**
 * The `Authorization` header. Default: the client secret itself as Bearer (a complete, non-expiring
 * credential). Token mode: exchange it at `POST /accounts/token` for a JWT, cached for less than its
 * 30-day lifetime and renewed on demand (the caller renews once after a 401). Both are registered with
 * the redactor so they never reach a log line or an error.
 */
import type { Clock } from '../domain/clock.js';
import { AppError } from '../errors/app-error.js';
import { registerSecret } from '../log/redact.js';
import { interpretResponse } from './interpret-response.js';
import { TokenSchema } from './schemas.js';
import { type FetchLike, sendRequest } from './transport.js';

export type AuthMode = 'secret' | 'token';

/** Renew before the 30-day lifetime runs out. */
export const TOKEN_MAX_AGE_MS = 29 * 86_400_000;

export interface Credentials {
  header(signal?: AbortSignal): Promise<string>;
  /** Forgets the cached token and fetches a new one; false when there is nothing to renew. */
  renew(signal?: AbortSignal): Promise<boolean>;
}

export interface CredentialOptions {
  mode: AuthMode;
  clientId?: string;
  clientSecret: string;
  baseUrl: string;
  clock: Clock;
  fetchLike: FetchLike;
  headers: Record<string, string>;
  timeoutMs: number;
}

export function createCredentials(options: CredentialOptions): Credentials {
  registerSecret(options.clientSecret);
  if (options.mode === 'secret') {
    return { header: async () => `Bearer ${options.clientSecret}`, renew: async () => false };
  }
  if (!options.clientId) {
    throw new AppError(
      'CONFIG_CLIENT_ID',
      'token authentication needs CLIENT_ID: set it, or use the default secret mode',
    );
  }
  let cached: { token: string; at: number } | null = null;
  const fetchToken = async (signal?: AbortSignal): Promise<string> => {
    const endpoint = 'POST /accounts/token';
    const body = new URLSearchParams({ client_id: options.clientId!, client_secret: options.clientSecret });
    const headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
    const init = { method: 'POST' as const, headers, body: body.toString() };
    const url = `${options.baseUrl}/accounts/token`;
    const ex = await sendRequest(options.fetchLike, url, init, endpoint, options.timeoutMs, signal);
    const spec = { endpoint, schema: TokenSchema, enveloped: false, bucket: null };
    const token = interpretResponse(spec, ex, 0).data.access_token;
    registerSecret(token);
    cached = { token, at: options.clock.now() };
    return token;
  };
  return {
    async header(signal) {
      const fresh = cached && options.clock.now() - cached.at < TOKEN_MAX_AGE_MS ? cached.token : null;
      return `Bearer ${fresh ?? (await fetchToken(signal))}`;
    },
    async renew(signal) {
      cached = null;
      await fetchToken(signal);
      return true;
    },
  };
}
