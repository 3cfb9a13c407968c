/**
 * Typed Home Assistant commands over home-assistant-js-websocket's `Connection` (id correlation and
 * automatic reconnection come from the library). Library failures (numbers, `{code, message}`) become
 * `HomeAssistantError`s with a sentence that says what to fix.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { AppError } from '../../errors/app-error.js';
import type { StatisticMetadata, StatisticRow } from './build-statistic-rows.js';
import { DEFAULT_COMMAND_TIMEOUT_MS } from './options.js';

export class HomeAssistantError extends AppError {}

// The library's error numbers (its `errors.js`), kept here so that the library and `ws` are loaded only
// when a connection is opened (a run with the exporter off never loads them).
const ERR_CANNOT_CONNECT = 1;
const ERR_INVALID_AUTH = 2;
const ERR_CONNECTION_LOST = 3;

export interface HaStatRow {
  /** UTC epoch ms of the hour start. */
  start: number;
  sum: number | null;
}

export interface HaStatMetadata {
  statistic_id: string;
  source: string;
  name: string | null;
  has_sum: boolean;
  statistics_unit_of_measurement: string | null;
  unit_class?: string | null;
}

export type EnergyPrefs = Record<string, unknown> & { energy_sources?: Record<string, unknown>[] };

export interface HaApi {
  readonly haVersion: string;
  importStatistics(metadata: StatisticMetadata, stats: StatisticRow[]): Promise<void>;
  /** Hourly sums of `[startMs, endMs)`, per statistic id (ids without rows are absent). */
  hourlySums(ids: string[], startMs: number, endMs: number): Promise<Record<string, HaStatRow[]>>;
  getStatisticsMetadata(ids: string[]): Promise<HaStatMetadata[]>;
  clearStatistics(ids: string[]): Promise<void>;
  getEnergyPrefs(): Promise<EnergyPrefs | null>;
  saveEnergyPrefs(prefs: EnergyPrefs): Promise<void>;
  close(): void;
}

/** Dashboard resources (`lovelace/resources*`, admin); used to deliver the Lovelace cards. */
export interface LovelaceApi {
  listResources(): Promise<{ id: string; url: string; type?: string }[]>;
  createResource(url: string): Promise<void>;
  updateResource(id: string, url: string): Promise<void>;
  deleteResource(id: string): Promise<void>;
}

/**
 * The library reports a lost connection as the number 3, as `{code: 3}`, or — for commands in flight
 * when the socket closed — as `{error: {code: 3, message: 'Connection lost'}}`.
 */
function isLost(err: unknown): boolean {
  const e = err as { code?: unknown; error?: { code?: unknown } } | null;
  return err === ERR_CONNECTION_LOST || e?.code === ERR_CONNECTION_LOST || e?.error?.code === ERR_CONNECTION_LOST;
}

/** A readable text for whatever the library rejected with: never `[object Object]`. */
function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object') {
    const e = err as { message?: unknown; error?: { message?: unknown } };
    if (typeof e.message === 'string') return e.message;
    if (typeof e.error?.message === 'string') return e.error.message;
    try {
      return JSON.stringify(err);
    } catch {
      return 'an unreadable error';
    }
  }
  return String(err);
}

/** Turns what the library rejects with into a `HomeAssistantError`. */
export function mapHaError(err: unknown, url: string, what: string): Error {
  if (err instanceof AppError) return err;
  if (err === ERR_INVALID_AUTH) {
    return new HomeAssistantError(
      'HA_AUTH_REJECTED',
      `Home Assistant at ${url} refused the access token: create a long-lived access token (profile → Security) for an administrator and set it as the exporter's token.`,
    );
  }
  if (err === ERR_CANNOT_CONNECT) {
    return new HomeAssistantError(
      'HA_UNREACHABLE',
      `Home Assistant cannot be reached at ${url}: check the URL (for example http://homeassistant.local:8123) and that Home Assistant is running.`,
    );
  }
  if (isLost(err)) {
    return new HomeAssistantError(
      'HA_CONNECTION_LOST',
      `the connection to Home Assistant at ${url} was lost during ${what}: it will be retried.`,
    );
  }
  const e = err as { code?: unknown; message?: unknown };
  if (e?.code === 'unknown_command') {
    // e.g. lovelace/resources/create when the dashboards keep their resources in YAML
    return new HomeAssistantError('HA_UNKNOWN_COMMAND', `Home Assistant does not know ${what}: ${String(e.message)}`);
  }
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    const hint = e.code === 'unauthorized' ? ' The token must belong to an administrator.' : '';
    return new HomeAssistantError('HA_COMMAND_FAILED', `Home Assistant rejected ${what}: ${String(e.message)}.${hint}`);
  }
  return new HomeAssistantError('HA_COMMAND_FAILED', `Home Assistant failed during ${what}: ${describe(err)}`);
}

function toMs(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

function timedOut(url: string, what: string, ms: number): HomeAssistantError {
  return new HomeAssistantError(
    'HA_TIMEOUT',
    `Home Assistant at ${url} did not answer ${what} within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}: the connection is dropped and the export retried.`,
  );
}

/**
 * `promise`, or a rejection with `HA_TIMEOUT` once `ms` have passed without an answer (a command Home
 * Assistant never answers would otherwise hold the exporter's serial runs for ever).
 */
function answerWithin<T>(promise: Promise<T>, ms: number, timeout: () => HomeAssistantError): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout()), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export class ConnectionApi implements HaApi, LovelaceApi {
  constructor(
    private readonly conn: Connection,
    private readonly url: string,
    private readonly timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
  ) {}

  /** One command, answered within the timeout. */
  private answer<T>(message: Record<string, unknown>): Promise<T> {
    const what = String(message.type);
    const sent = this.conn.sendMessagePromise<T>(message as { type: string });
    return answerWithin(sent, this.timeoutMs, () => timedOut(this.url, what, this.timeoutMs));
  }

  get haVersion(): string {
    return this.conn.haVersion;
  }

  private async send<T>(message: Record<string, unknown>): Promise<T> {
    try {
      return await this.answer<T>(message);
    } catch (err) {
      throw mapHaError(err, this.url, String(message.type));
    }
  }

  async importStatistics(metadata: StatisticMetadata, stats: StatisticRow[]): Promise<void> {
    await this.send({ type: 'recorder/import_statistics', metadata, stats });
  }

  async hourlySums(ids: string[], startMs: number, endMs: number): Promise<Record<string, HaStatRow[]>> {
    const raw = await this.send<Record<string, { start: number | string; sum?: number | null }[]>>({
      type: 'recorder/statistics_during_period',
      start_time: new Date(startMs).toISOString(),
      end_time: new Date(endMs).toISOString(),
      statistic_ids: ids,
      period: 'hour',
      types: ['sum'],
    });
    const out: Record<string, HaStatRow[]> = {};
    for (const [id, rows] of Object.entries(raw)) {
      out[id] = rows.map((r) => ({ start: toMs(r.start), sum: r.sum ?? null }));
    }
    return out;
  }

  getStatisticsMetadata(ids: string[]): Promise<HaStatMetadata[]> {
    return this.send({ type: 'recorder/get_statistics_metadata', statistic_ids: ids });
  }

  async clearStatistics(ids: string[]): Promise<void> {
    await this.send({ type: 'recorder/clear_statistics', statistic_ids: ids });
  }

  async getEnergyPrefs(): Promise<EnergyPrefs | null> {
    try {
      return await this.answer<EnergyPrefs>({ type: 'energy/get_prefs' });
    } catch (err) {
      if ((err as { code?: unknown } | null)?.code === 'not_found') return null;
      throw mapHaError(err, this.url, 'energy/get_prefs');
    }
  }

  async saveEnergyPrefs(prefs: EnergyPrefs): Promise<void> {
    await this.send({ type: 'energy/save_prefs', ...prefs });
  }

  listResources(): Promise<{ id: string; url: string; type?: string }[]> {
    return this.send({ type: 'lovelace/resources' });
  }

  async createResource(url: string): Promise<void> {
    await this.send({ type: 'lovelace/resources/create', res_type: 'module', url });
  }

  async updateResource(id: string, url: string): Promise<void> {
    await this.send({ type: 'lovelace/resources/update', resource_id: id, res_type: 'module', url });
  }

  async deleteResource(id: string): Promise<void> {
    await this.send({ type: 'lovelace/resources/delete', resource_id: id });
  }

  close(): void {
    this.conn.close();
  }
}

export interface ConnectOptions {
  url: string;
  token: string;
  /** How long a command may wait for its answer (the exporter options' default when absent). */
  commandTimeoutMs?: number;
}

/** Opens an authenticated connection (one attempt; the exporter retries with back-off). */
export async function connectHomeAssistant(options: ConnectOptions): Promise<HaApi & LovelaceApi> {
  const [{ createConnection, createLongLivedTokenAuth }, { WebSocket }] = await Promise.all([
    import('home-assistant-js-websocket'),
    import('ws'),
  ]);
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;
  const url = options.url.replace(/\/+$/, '');
  try {
    const conn = await createConnection({ auth: createLongLivedTokenAuth(url, options.token), setupRetry: 0 });
    return new ConnectionApi(conn, url, options.commandTimeoutMs);
  } catch (err) {
    throw mapHaError(err, url, 'connecting');
  }
}
