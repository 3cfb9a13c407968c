/**
 * A client id that is unique per installation and stable across restarts: a random suffix persisted
 * in the store (two installations on one broker never kick each other off, V1 #513).
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/repository.js';

export const MQTT_CURSOR_EXPORTER = 'mqtt';
const CLIENT_ID_KEY = 'client-id';

export async function stableClientId(
  store: Store,
  random: () => string = () => randomBytes(6).toString('hex'),
): Promise<string> {
  const existing = await store.getCursor(MQTT_CURSOR_EXPORTER, CLIENT_ID_KEY);
  if (existing) return existing;
  const id = `myelectricaldata-${random()}`;
  await store.setCursor(MQTT_CURSOR_EXPORTER, CLIENT_ID_KEY, id);
  return id;
}
