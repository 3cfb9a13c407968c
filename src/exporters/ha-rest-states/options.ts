/**
 * The REST-states exporter's options. Where Home Assistant is and the token come from the settings
 * (`ha_url`, `ha_token`; in the add-on the Supervisor proxy and `SUPERVISOR_TOKEN`, resolved by
 * `app/exporter-factories.ts`), so this exporter has one way to connect.
 */
import type { Prices } from '../../domain/tariff.js';

export interface HaRestStatesOptions {
  /** Home Assistant's base URL: `http://homeassistant.local:8123`, or `http://supervisor/core` in the add-on. */
  haUrl: string;
  /** A long-lived access token (or the add-on's `SUPERVISOR_TOKEN`). */
  haToken: string;
  /** How often one of our states is read back to notice that Home Assistant restarted (default 60 s). */
  probeIntervalMs?: number;
  /** The configured prices (EUR per kWh): the cost and Tempo price sensors; none: no cost published. */
  prices?: Prices;
  /** Injected fetcher (tests). */
  fetch?: typeof fetch;
}

export const DEFAULT_PROBE_INTERVAL_MS = 60_000;

/** `{haUrl}/api`, whatever the trailing slash. */
export function restApiUrl(o: HaRestStatesOptions): string {
  return `${o.haUrl.replace(/\/$/, '')}/api`;
}
