/** `custom:myelectricaldata-status-card`: its options and their checks. */
import * as v from 'valibot';
import { API_URL, PDL, parseConfig } from '../shared/validate.js';

export const STATUS_CARD = 'myelectricaldata-status-card';

export const StatusCardSchema = v.strictObject({
  type: v.string(),
  title: v.optional(v.string()),
  pdl: PDL,
  /** The program's local API as the browser reaches it, e.g. http://192.168.1.20:8099 (same origin for "sync now"). */
  api_url: v.optional(API_URL),
});

export type StatusCardConfig = v.InferOutput<typeof StatusCardSchema>;

export const parseStatusConfig = (input: unknown): StatusCardConfig =>
  parseConfig(StatusCardSchema, STATUS_CARD, input);

/** The PDL's sync sensors (src/sensors/kinds/sync.ts). */
export const syncEntities = (pdl: string) => ({
  lastSync: `sensor.linky_${pdl}_last_sync`,
  status: `sensor.linky_${pdl}_sync_status`,
});
