/**
 * The VictoriaMetrics transport: import lines, delete a series, read the flags and export samples back.
 * The fetcher is injected. Errors are `VictoriaMetricsError`s with a code and the fix in the message.
 */
import { AppError } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';

export class VictoriaMetricsError extends AppError {}

export interface VmClientOptions {
  url: string;
  username?: string;
  password?: string;
  token?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** One series as `/api/v1/export` returns it (a JSON line). */
export interface ExportedSeries {
  metric: Record<string, string>;
  values: number[];
  timestamps: number[];
}

function inRange(s: ExportedSeries, from: number, to: number): ExportedSeries {
  const keep = s.timestamps.map((t, i) => [t, i] as const).filter(([t]) => t >= from && t <= to);
  return { metric: s.metric, timestamps: keep.map(([t]) => t), values: keep.map(([, i]) => s.values[i]!) };
}

export class VmClient {
  private readonly doFetch: typeof fetch;
  private readonly auth: string | null;

  constructor(private readonly o: VmClientOptions) {
    this.doFetch = o.fetch ?? fetch;
    if (o.password) registerSecret(o.password);
    if (o.token) registerSecret(o.token);
    if (o.token) this.auth = `Bearer ${o.token}`;
    else if (o.username) this.auth = `Basic ${Buffer.from(`${o.username}:${o.password ?? ''}`).toString('base64')}`;
    else this.auth = null;
  }

  private async call(path: string, init: RequestInit, what: string): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (this.auth) headers.authorization = this.auth;
    let res: Response;
    try {
      res = await this.doFetch(`${this.o.url}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 60_000),
      });
    } catch (err) {
      throw new VictoriaMetricsError(
        'VM_UNREACHABLE',
        `Could not reach VictoriaMetrics at ${this.o.url} while ${what}: check victoriametrics_url and that it runs.`,
        { cause: err },
      );
    }
    if (res.ok) return res;
    const body = (await res.text().catch(() => '')).slice(0, 300);
    if (res.status === 401 || res.status === 403) {
      throw new VictoriaMetricsError(
        'VM_AUTH_REJECTED',
        `VictoriaMetrics refused our credentials (HTTP ${res.status}) while ${what}: check victoriametrics_username/password or victoriametrics_token.`,
      );
    }
    throw new VictoriaMetricsError(
      'VM_FAILED',
      `VictoriaMetrics answered HTTP ${res.status} while ${what}: ${body || 'see its log'}`,
    );
  }

  /** Prometheus text lines with millisecond timestamps (`/api/v1/import/prometheus`, answers 204). */
  async importLines(lines: string): Promise<void> {
    const res = await this.call(
      '/api/v1/import/prometheus',
      { method: 'POST', body: lines, headers: { 'content-type': 'text/plain' } },
      'importing samples',
    );
    await res.body?.cancel();
  }

  /** Deletes every sample of the series matching `selector` (VictoriaMetrics takes no time range). */
  async deleteSeries(selector: string): Promise<void> {
    const body = new URLSearchParams({ 'match[]': selector });
    const res = await this.call('/api/v1/admin/tsdb/delete_series', { method: 'POST', body }, 'deleting a series');
    await res.body?.cancel();
  }

  /** Asks the server to make what it buffered searchable now (`/internal/force_flush`; missing: ignored). */
  async forceFlush(): Promise<void> {
    try {
      await (await this.call('/internal/force_flush', { method: 'GET' }, 'flushing')).body?.cancel();
    } catch (err) {
      if ((err as { code?: string }).code !== 'VM_FAILED') throw err;
    }
  }

  /** The server's command-line flags (`/flags`), or null when the page is not there (a proxy, a cluster). */
  async flags(): Promise<string | null> {
    try {
      return await (await this.call('/flags', { method: 'GET' }, 'reading its flags')).text();
    } catch (err) {
      if ((err as { code?: string }).code === 'VM_FAILED') return null;
      throw err;
    }
  }

  /** Raw samples of the series matching `selector` with `startMs <= t <= endMs` (`/api/v1/export`). */
  async exportSeries(selector: string, startMs: number, endMs: number): Promise<ExportedSeries[]> {
    // Whole seconds on the wire (no float rounding at the edges), the exact millisecond range kept here.
    const start = String(Math.floor(startMs / 1000));
    const end = String(Math.ceil(endMs / 1000));
    const q = new URLSearchParams({ 'match[]': selector, start, end });
    const text = await (await this.call(`/api/v1/export?${q}`, { method: 'GET' }, 'exporting samples')).text();
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => inRange(JSON.parse(l) as ExportedSeries, startMs, endMs));
  }
}
