/**
 * The MQTT state messages of a snapshot: each document of the sensor catalog (src/sensors) as JSON on its
 * topic (relative to the prefix), per PDL then global (Tempo, EcoWatt). Pure.
 */
import { documentsForSnapshot } from '../../../sensors/entities.js';
import type { Snapshot } from '../../../sensors/snapshot/snapshot-types.js';
import type { StatePayload } from '../../../sensors/types.js';

/** A state document and its topic relative to the prefix (`12345678901234/consumption/yesterday`). */
export interface StateMessage {
  topic: string;
  payload: StatePayload;
}

export function buildStateMessages(s: Snapshot): StateMessage[] {
  return documentsForSnapshot(s).map((d) => ({ topic: d.topic, payload: d.payload }));
}
