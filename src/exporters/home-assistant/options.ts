/**
 * The Home Assistant statistics exporter's options: one valibot schema for the type, the defaults and
 * the checks. Options are injected: the settings supply the URL and the token (in the add-on, the
 * Supervisor proxy and `SUPERVISOR_TOKEN`, see `app/exporter-factories.ts`); nothing here reads the
 * environment.
 */
import * as v from 'valibot';
import { pricesSchema } from '../kit/prices-schema.js';

/** How long one Home Assistant command may wait for its answer before the run fails and is retried. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 120_000;

export const homeAssistantExporterOptionsSchema = v.object({
  /** `http://homeassistant.local:8123`, or `http://supervisor/core` in the add-on. */
  url: v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+$/, 'url must look like http://homeassistant.local:8123')),
  /** A long-lived access token of an administrator (or the add-on's SUPERVISOR_TOKEN). */
  token: v.pipe(v.string(), v.minLength(1, 'token is required: create a long-lived access token in HA')),
  /** Prices of the cost and compensation statistics; a direction without a price has none. */
  prices: v.optional(pricesSchema, {}),
  /** `auto` adds the statistics to the Energy Dashboard (never removes anything the user set). */
  energyDashboard: v.optional(v.picklist(['auto', 'off']), 'off'),
  /** Days before the last exported hour that every run compares with HA and re-imports if needed. */
  trailingDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366)), 14),
  /** Hours per import call (about one month). */
  chunkHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(24), v.maxValue(5000)), 744),
  /** Retry delays after a failed run (ms), the last one repeating. */
  retryDelaysMs: v.optional(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(10))),
    [30_000, 60_000, 120_000, 300_000, 900_000],
  ),
  /** How long one websocket command may wait for Home Assistant's answer before the run fails and is retried. */
  commandTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100)), DEFAULT_COMMAND_TIMEOUT_MS),
  /** How long to wait for an import to be readable (HA acknowledges before it writes). */
  readBackTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100)), 30_000),
});

export type HomeAssistantExporterOptionsInput = v.InferInput<typeof homeAssistantExporterOptionsSchema>;
export type HomeAssistantExporterOptions = v.InferOutput<typeof homeAssistantExporterOptionsSchema>;

export function parseHomeAssistantExporterOptions(input: unknown): HomeAssistantExporterOptions {
  return v.parse(homeAssistantExporterOptionsSchema, input);
}
