/** Minimal Home Assistant REST client: post a state, read a state. The fetcher is injected. */
import { AppError } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';

export class HaRestError extends AppError {}

export interface HaRestClientOptions {
  /** `http://supervisor/core/api` in the add-on, `{ha_url}/api` standalone. */
  apiUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class HaRestClient {
  private readonly doFetch: typeof fetch;
  constructor(private readonly o: HaRestClientOptions) {
    registerSecret(o.token);
    this.doFetch = o.fetch ?? fetch;
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    try {
      return await this.doFetch(`${this.o.apiUrl.replace(/\/$/, '')}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.o.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new HaRestError(
        'HA_REST_UNREACHABLE',
        `Could not reach Home Assistant at ${this.o.apiUrl}: check ha_url and that Home Assistant runs.`,
        { cause: err },
      );
    }
  }

  private failure(res: Response, what: string): HaRestError {
    if (res.status === 401 || res.status === 403) {
      return new HaRestError(
        'HA_REST_UNAUTHORIZED',
        `Home Assistant refused the token (HTTP ${res.status}) while ${what}: create a long-lived access token in your Home Assistant profile and set ha_token.`,
      );
    }
    return new HaRestError(
      'HA_REST_FAILED',
      `Home Assistant answered HTTP ${res.status} while ${what}: check its log.`,
    );
  }

  async postState(entityId: string, body: unknown): Promise<void> {
    const res = await this.call('POST', `/states/${entityId}`, body);
    await res.body?.cancel();
    if (!res.ok) throw this.failure(res, `posting ${entityId}`);
  }

  /** True when the entity exists, false on 404. */
  async hasState(entityId: string): Promise<boolean> {
    const res = await this.call('GET', `/states/${entityId}`);
    await res.body?.cancel();
    if (res.status === 404) return false;
    if (!res.ok) throw this.failure(res, `reading ${entityId}`);
    return true;
  }
}
