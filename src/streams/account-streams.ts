/**
 * Account-wide streams, stored under `GLOBAL_PDL`: Tempo colours (a free gateway call for any span) and
 * the EcoWatt forecast (replaced as a whole, refreshed once a day).
 */
import { tempoPublishedEnd } from '../domain/tempo-day.js';
import { addDays, addYears } from '../domain/time.js';
import type { DateRange, EcoWattSignal, TempoDay } from '../domain/types.js';
import { ECOWATT_CODEC, TEMPO_CODEC } from '../store/stream-codecs.js';
import type { DayHorizon, DayStreamSpec, SnapshotStreamSpec } from './spec.js';

/**
 * Tempo: three seasons back (plenty for pricing), through tomorrow's colour once RTE can have published it;
 * one call for any span.
 */
const TEMPO_HISTORY_YEARS = 3;
const TEMPO_MAX_SPAN_DAYS = 3650;

const TEMPO_HORIZON: DayHorizon = {
  endpoint: null,
  reachable: (today) => ({ start: addYears(today, -TEMPO_HISTORY_YEARS), end: addDays(today, 2) }),
  maxSpanDays: TEMPO_MAX_SPAN_DAYS,
  recheckRecent: false,
  // Today's colour was published yesterday; tomorrow's from 10:30 Paris (RTE), polled until it comes.
  published: { end: tempoPublishedEnd, pollDays: 2 },
};

export const TEMPO: DayStreamSpec<TempoDay, DayHorizon, 'tempo'> = {
  name: 'tempo',
  kind: 'tempo',
  unit: 'day',
  owner: 'account',
  energy: null,
  horizon: TEMPO_HORIZON,
  codec: TEMPO_CODEC,
  derives: null,
  api: null,
  // One free call without chunks: delivered as a single chunk.
  fetch: (client, _pdl, range, options) =>
    client.getTempoDays(range, options).then((data) => options.onChunk?.({ range, data, partial: false })),
  write: (store, _pdl, rows) => store.upsertTempo(rows),
  read: (store, _pdl, range) => store.listTempo(range),
  completeDays: async (store, _pdl, range) => new Set((await store.listTempo(range)).map((r) => r.date)),
};

/** The local days a set of dated rows spans (end exclusive), or null when empty. */
export function spanOf(rows: readonly { date: string }[]): DateRange | null {
  const dates = rows.map((r) => r.date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  return first && last ? { start: first, end: addDays(last, 1) } : null;
}

export const ECOWATT: SnapshotStreamSpec<EcoWattSignal[], EcoWattSignal, 'ecowatt'> = {
  name: 'ecowatt',
  kind: 'ecowatt',
  unit: 'snapshot',
  owner: 'account',
  energy: null,
  codec: ECOWATT_CODEC,
  fetch: (client, _pdl, options) => client.getEcoWattForecast(undefined, options),
  async write(store, signals) {
    await store.upsertEcoWatt(signals);
    return spanOf(signals);
  },
};
