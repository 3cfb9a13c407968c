/**
 * Whether the Home Assistant integration is in use: it follows `/api/events` with the header
 * `X-MyElectricalData-Integration`, and the API records when it last saw it. While it was seen in the
 * last `ACTIVE_WINDOW_MS`, the exporters that create the same Home Assistant entities step aside: MQTT
 * discovery clears its configs (the MQTT state topics stay) and the REST states are not posted. The mark
 * is in the store so that it survives restarts of either side.
 */
import type { Store } from '../../store/repository.js';

const OWNER = 'home-assistant-integration';
const KEY = 'last-seen';
/** A day: long enough for a Home Assistant restart or update, short enough to fall back after a removal. */
export const ACTIVE_WINDOW_MS = 24 * 3_600_000;

export async function markIntegrationSeen(store: Store, nowMs: number): Promise<void> {
  await store.setCursor(OWNER, KEY, String(nowMs));
}

export async function integrationActive(store: Store, nowMs: number): Promise<boolean> {
  const raw = await store.getCursor(OWNER, KEY);
  const seen = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seen) && nowMs - seen < ACTIVE_WINDOW_MS;
}
