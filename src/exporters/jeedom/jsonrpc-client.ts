/**
 * Transport of Jeedom's JSON-RPC API (`POST {url}/core/api/jeeApi.php`, raw JSON body), with its quirks
 * (reference: exporters.md §4): always HTTP 200 with an `error` object on failure, the id of an error
 * possibly `null` or `99999` (never used to correlate: one request per HTTP exchange), the wrong key as
 * code -32001/-32002, and a banned address answered with a 404 page on every request.
 */
import { errorMessage } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';
import { JeedomError } from './jeedom-errors.js';

export interface RpcOptions {
  url: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

interface RpcAnswer {
  result?: unknown;
  error?: { code?: unknown; message?: unknown } | null;
}

/** Jeedom's "missing key" (1) and "wrong key" (2), thrown as -32000 - code. */
const AUTH_CODES = new Set([-32001, -32002]);

export class JsonRpcClient {
  private nextId = 1;
  /** Once Jeedom answered, a 404 means a ban rather than a wrong URL. */
  private reached = false;
  private readonly doFetch: typeof fetch;
  readonly endpoint: string;

  constructor(private readonly o: RpcOptions) {
    registerSecret(o.apiKey);
    this.doFetch = o.fetch ?? fetch;
    this.endpoint = `${o.url}/core/api/jeeApi.php`;
  }

  /** Calls `method`; returns its `result` as sent (the string "ok" included); throws a `JeedomError`. */
  async call(method: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<unknown> {
    const body = { jsonrpc: '2.0', id: this.nextId++, method, params: { apikey: this.o.apiKey, ...params } };
    const res = await this.post(body, signal);
    const answer = await this.read(res);
    this.reached = true;
    if (answer.error) throw this.rpcError(method, answer.error);
    return answer.result;
  }

  private async post(body: unknown, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    try {
      return await this.doFetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        // One request is short: stopping waits for it rather than combining signals (AbortSignal.any is
        // slow on Node 20 over thousands of requests); the push checks the run's signal between batches.
        signal: signal?.aborted ? signal : timeout,
      });
    } catch (err) {
      throw new JeedomError(
        'JEEDOM_UNREACHABLE',
        `Could not reach Jeedom at ${this.o.url} (${causeOf(err)}): check jeedom_url and that Jeedom runs.`,
        null,
        { cause: err },
      );
    }
  }

  private async read(res: Response): Promise<RpcAnswer> {
    const text = await res.text();
    if (res.status === 404) throw this.notFound();
    if (res.status !== 200) {
      throw new JeedomError(
        'JEEDOM_HTTP_ERROR',
        `Jeedom answered HTTP ${res.status} at ${this.endpoint}: check its log.`,
      );
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && ('result' in parsed || 'error' in parsed)) return parsed as RpcAnswer;
    } catch {
      // Not JSON: said below.
    }
    throw new JeedomError(
      'JEEDOM_NOT_JSON_RPC',
      `${this.endpoint} did not answer JSON-RPC: check that jeedom_url is the address of your Jeedom (e.g. http://jeedom.local).`,
    );
  }

  private notFound(): JeedomError {
    if (this.reached) {
      return new JeedomError(
        'JEEDOM_BANNED',
        `Jeedom now answers 404 to every request: it banned this address after failed logins (6 in 5 minutes bans for 10 minutes); check jeedom_api_key, then unban the address in Jeedom (Réglages → Système → Configuration → Réseaux) or wait.`,
      );
    }
    return new JeedomError(
      'JEEDOM_NOT_FOUND',
      `Jeedom answered 404 at ${this.endpoint}: check jeedom_url (the address of your Jeedom, without /core/api), or Jeedom banned this address after failed logins (it does for 10 minutes; unban it under Réglages → Système → Configuration → Réseaux).`,
    );
  }

  private rpcError(method: string, error: NonNullable<RpcAnswer['error']>): JeedomError {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const message = String(error.message ?? '');
    if (AUTH_CODES.has(code)) {
      return new JeedomError(
        'JEEDOM_AUTH_REJECTED',
        `Jeedom refused the API key (${message || code}): set jeedom_api_key to the core key shown in Jeedom under Réglages → Système → Configuration → API (« Clé API »), not a plugin key.`,
        code,
      );
    }
    if (/classe commande inexistante|virtualCmd/i.test(message)) return noVirtualPlugin();
    return new JeedomError('JEEDOM_RPC_ERROR', `Jeedom refused ${method}: ${message} (code ${code}).`, code);
  }
}

/** `ECONNREFUSED`, a time-out…: the network reason under fetch's "fetch failed". */
function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if ((err as { name?: unknown }).name === 'TimeoutError') return 'no answer in time';
  return typeof cause?.message === 'string' ? cause.message : errorMessage(err);
}

export function noVirtualPlugin(): JeedomError {
  return new JeedomError(
    'JEEDOM_NO_VIRTUAL_PLUGIN',
    'Jeedom has no active Virtual plugin: install and activate « Virtuel » from the Jeedom Market (Plugins → Gestion des plugins).',
  );
}
