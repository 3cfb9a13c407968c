/** All state documents of a snapshot, per PDL and global (Tempo, EcoWatt). Pure. */
import { addDays } from '../../../domain/time.js';
import type { TempoColor } from '../../../domain/types.js';
import type { PdlSnapshot, Snapshot } from '../../../sensors/snapshot/snapshot-types.js';
import {
  addressPayload,
  contractPayload,
  directionMessages,
  ecowattPayload,
  lastHourPayload,
  maxPowerPayload,
  maxPowerRatioPayload,
  type StateMessage,
  syncPayload,
  tempoColorPayload,
  tempoRemainingPayload,
} from './state-payloads.js';

export const TEMPO_COLORS: readonly TempoColor[] = ['BLUE', 'WHITE', 'RED'];

export function pdlMessages(p: PdlSnapshot, today: string): StateMessage[] {
  const out: StateMessage[] = [];
  if (p.consumption) {
    out.push(...directionMessages(p.pdl, p.consumption));
    out.push({ topic: `${p.pdl}/consumption/last_hour`, payload: lastHourPayload(p) });
  }
  if (p.production) out.push(...directionMessages(p.pdl, p.production));
  out.push(
    { topic: `${p.pdl}/max_power`, payload: maxPowerPayload(p) },
    { topic: `${p.pdl}/max_power_ratio`, payload: maxPowerRatioPayload(p) },
    { topic: `${p.pdl}/contract`, payload: contractPayload(p, today) },
    { topic: `${p.pdl}/address`, payload: addressPayload(p, today) },
    { topic: `${p.pdl}/sync`, payload: syncPayload(p) },
  );
  return out;
}

export function globalMessages(s: Snapshot): StateMessage[] {
  return [
    { topic: 'tempo/today', payload: tempoColorPayload(s.tempo.today, s.today) },
    { topic: 'tempo/tomorrow', payload: tempoColorPayload(s.tempo.tomorrow, addDays(s.today, 1)) },
    ...TEMPO_COLORS.map((c) => ({ topic: `tempo/remaining/${c.toLowerCase()}`, payload: tempoRemainingPayload(s, c) })),
    ...s.ecowatt.map((signal, i) => ({ topic: `ecowatt/j${i}`, payload: ecowattPayload(signal, addDays(s.today, i)) })),
  ];
}

export function buildStateMessages(s: Snapshot): StateMessage[] {
  return [...s.pdls.flatMap((p) => pdlMessages(p, s.today)), ...globalMessages(s)];
}
