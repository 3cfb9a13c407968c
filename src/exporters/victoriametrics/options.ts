/** The VictoriaMetrics exporter's options; mapped from the settings in `src/app/exporter-factories.ts`. */
import type { Prices } from '../../domain/tariff.js';

export interface VictoriaMetricsOptions {
  /** Server root, e.g. `http://127.0.0.1:8428` (no trailing slash). */
  url: string;
  username?: string;
  password?: string;
  token?: string;
  /** The configured prices: the daily cost series of each direction that has one (`cost-series.ts`). */
  prices?: Prices;
  /** Added to every series (`victoriametrics_extra_labels`). */
  extraLabels?: Record<string, string>;
  /** Samples per import request: bounded so a 3-year backfill never builds one huge body. */
  batchSize?: number;
  /** Pauses before retrying a failed push (ms), the last repeating. */
  retryDelaysMs?: readonly number[];
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5_000, 30_000, 120_000, 600_000];

/** `home=paris, site=main` → `{ home: 'paris', site: 'main' }` (the setting's regex already checked it). */
export function parseExtraLabels(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}
