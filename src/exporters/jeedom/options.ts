/**
 * The Jeedom exporter's options. The settings supply them (`jeedom_url`, `jeedom_api_key`,
 * `jeedom_object`, `jeedom_history`, mapped in `app/exporter-factories.ts`); nothing here reads the
 * environment. The fetcher is injected for tests.
 */
import type { Prices } from '../../domain/tariff.js';

export interface JeedomExporterOptions {
  /** Jeedom's base URL (`http://jeedom.local`); the JSON-RPC endpoint is `{url}/core/api/jeeApi.php`. */
  url: string;
  /** The core API key (a plugin-scoped key would need `params.plugin`). */
  apiKey: string;
  /** The object (room) for the equipment, by name or id; unset: no object. */
  object?: string;
  /** true: the whole stored history with its real dates; false: only each command's latest value. */
  history: boolean;
  /** Pauses before retrying a failed run (ms), the last one repeating. Also the failed-login back-off. */
  retryDelaysMs: readonly number[];
  /** `cmd::event` calls in flight at once (the newest value of each batch is always sent last, alone). */
  concurrency: number;
  /** Values pushed between two cursor saves: what a crash mid-push sends again. */
  batchSize: number;
  /** Per-request time-out (ms). */
  timeoutMs: number;
  /** Prices of the catalog's cost commands (EUR per kWh); without them there are none. */
  prices?: Prices;
  fetch?: typeof fetch;
}

export const JEEDOM_DEFAULTS = {
  history: true,
  retryDelaysMs: [30_000, 60_000, 120_000, 300_000, 900_000],
  concurrency: 4,
  batchSize: 200,
  timeoutMs: 15_000,
} as const;

export type JeedomOptionsInput = Pick<JeedomExporterOptions, 'url' | 'apiKey'> & Partial<JeedomExporterOptions>;

export function jeedomOptions(input: JeedomOptionsInput): JeedomExporterOptions {
  return { ...JEEDOM_DEFAULTS, ...input, url: input.url.replace(/\/+$/, '') };
}
