/**
 * The dated values of each command, read from the store (history) or the catalog's reading (current
 * values), in Jeedom's wall-time format and in chronological order:
 * - daily energy (kWh) at the day's local midnight;
 * - the 30-min curve as the interval's average power (W) at its local start. On the autumn change the
 *   repeated hour's readings share a wall time, and Jeedom keeps one row per (command, datetime): they are
 *   sent as their mean power;
 * - the daily max power (VA) at its instant; Tempo colours and EcoWatt levels at their day's midnight;
 * - any other sensor: its current reading at its document's date (midnight) or its start instant (the
 *   last metered hour), else at the run's time.
 */
import { parisMidnightUtc, parisNaive } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import type { EntityReading } from '../../sensors/types.js';
import type { Store, StoredUsagePoint } from '../../store/repository.js';
import type { DatedValue } from './build-requests.js';
import type { CommandDef } from './commands.js';

const END = '9999-12-31';
const midnight = (date: string): string => `${date} 00:00:00`;
const kwh = (wh: number): number => Math.round(wh) / 1000;

/** Curve readings grouped by wall time (the repeated autumn hour averaged), ascending. */
export function curveValues(readings: readonly { start: number; w: number }[]): DatedValue[] {
  const byTime = new Map<string, number[]>();
  for (const r of readings) {
    const t = parisNaive(r.start);
    byTime.set(t, [...(byTime.get(t) ?? []), r.w]);
  }
  return [...byTime]
    .map(([datetime, ws]) => ({ datetime, value: ws.reduce((a, b) => a + b, 0) / ws.length }))
    .sort(byDatetime);
}

export const byDatetime = (a: DatedValue, b: DatedValue): number =>
  a.datetime < b.datetime ? -1 : a.datetime > b.datetime ? 1 : 0;

export interface ValueContext {
  store: Store;
  /** The PDL, or null for the global equipment. */
  point: StoredUsagePoint | null;
  reading: EntityReading | undefined;
  nowMs: number;
  /** First local day needed (what the cursor and the changed days reach back to); null: everything. */
  since: LocalDate | null;
}

/** Every dated value of a command, oldest first. */
export async function commandValues(c: CommandDef, ctx: ValueContext): Promise<DatedValue[]> {
  const { store } = ctx;
  const pdl = ctx.point?.pdl ?? '';
  const s = c.source;
  const range = { start: ctx.since ?? '1970-01-01', end: END };
  const from = ctx.since ? parisMidnightUtc(ctx.since) : 0;
  switch (s.kind) {
    case 'daily':
      return (await store.listDaily(pdl, s.direction, range)).map((d) => ({
        datetime: midnight(d.date),
        value: kwh(d.wh),
      }));
    case 'curve':
      return curveValues(await store.listCurve(pdl, s.direction, from, Number.MAX_SAFE_INTEGER));
    case 'max-power':
      return (await store.listMaxPower(pdl, range))
        .map((m) => ({ datetime: parisNaive(m.at), value: m.va }))
        .sort(byDatetime);
    case 'tempo':
      // A Tempo day's colour is in force from 06:00 Paris (domain/tempo-day.ts).
      return (await store.listTempo(range)).map((t) => ({ datetime: `${t.date} 06:00:00`, value: t.color }));
    case 'ecowatt':
      return (await store.listEcoWatt(range)).map((e) => ({ datetime: midnight(e.date), value: e.level }));
    case 'current':
      return currentValue(c, ctx);
  }
}

function currentValue(c: CommandDef, ctx: ValueContext): DatedValue[] {
  const r = ctx.reading;
  if (!r || r.value === null || r.value === undefined) return [];
  const value = c.subType === 'numeric' ? Number(r.value) : String(r.value);
  if (typeof value === 'number' && !Number.isFinite(value)) return [];
  return [{ datetime: readingTime(r, ctx.nowMs), value }];
}

/** A reading's wall time: its `start` instant when it has one (the last metered hour), else its date's midnight. */
function readingTime(r: EntityReading, nowMs: number): string {
  const { start, date } = r.attributes;
  if (typeof start === 'string' && start.includes('T')) return parisNaive(Date.parse(start));
  return typeof date === 'string' ? midnight(date) : parisNaive(nowMs);
}
