/**
 * Fixtures of the cards' browser tests: daily statistics rows of two PDLs (one on Tempo, one on HP/HC
 * with a missing day), the sensor states the program publishes, and a max-power history. The stub
 * `hass` (stub-hass.ts) answers `callWS` from them.
 */
import { localDate, startOfDay } from '../../../lovelace-cards/shared/zoned-time.js';

export const ZONE = 'Europe/Paris';
export const NOW = Date.parse('2026-03-15T10:00:00Z');
export const TEMPO_PDL = '12345678901234';
export const HPHC_PDL = '98765432109876';
export const MISSING_DAY = '2026-03-10';
const DAY = 86_400_000;

export interface Row {
  start: number;
  end: number;
  change: number;
}
export type Rows = Record<string, Row[]>;

const colourOf = (n: number) => (n % 5 === 0 ? 'red' : n % 3 === 0 ? 'white' : 'blue');
const id = (pdl: string, suffix: string) => `myelectricaldata:${pdl}_${suffix}`;

/** Daily rows from `first` to `last` (Paris days) for both PDLs. */
export function dailyRows(first = '2024-12-01', last = '2026-03-14'): Rows {
  const rows: Rows = {};
  const push = (key: string, start: number, end: number, change: number) => {
    rows[key] ??= [];
    rows[key].push({ start, end, change });
  };
  for (let t = startOfDay(Date.parse(`${first}T12:00:00Z`), ZONE); localDate(t, ZONE) <= last; ) {
    const end = startOfDay(t + DAY + 3 * 3_600_000, ZONE);
    const n = Math.round(t / DAY);
    // This winter uses more than the last one, so the comparison with last year differs.
    const hp = 10 + (n % 7) + 0.125 + (localDate(t, ZONE) >= '2026-01-01' ? 1.5 : 0);
    const hc = 4 + (n % 3) * 0.5;
    const c = colourOf(n);
    push(id(TEMPO_PDL, 'consumption'), t, end, hp + hc);
    push(id(TEMPO_PDL, `consumption_${c}_hp`), t, end, hp);
    push(id(TEMPO_PDL, `consumption_${c}_hc`), t, end, hc);
    push(id(TEMPO_PDL, 'consumption_cost'), t, end, (hp + hc) * 0.25);
    push(id(TEMPO_PDL, 'production'), t, end, 3 + (n % 4));
    if (localDate(t, ZONE) !== MISSING_DAY) {
      push(id(HPHC_PDL, 'consumption'), t, end, 2 * hp + hc);
      push(id(HPHC_PDL, 'consumption_hp'), t, end, 2 * hp);
      push(id(HPHC_PDL, 'consumption_hc'), t, end, hc);
      push(id(HPHC_PDL, 'consumption_hp_cost'), t, end, 2 * hp * 0.27);
      push(id(HPHC_PDL, 'consumption_hc_cost'), t, end, hc * 0.2);
      push(id(HPHC_PDL, 'consumption_cost'), t, end, 2 * hp * 0.27 + hc * 0.2);
    }
    t = end;
  }
  return rows;
}

/** The sum of `id`'s rows over the Paris days `[from, to]`. */
export function sumDays(rows: Rows, key: string, from: string, to: string): number {
  return (rows[key] ?? [])
    .filter((r) => localDate(r.start, ZONE) >= from && localDate(r.start, ZONE) <= to)
    .reduce((a, r) => a + r.change, 0);
}

export function dayValue(rows: Rows, key: string, date: string): number | null {
  return (rows[key] ?? []).find((r) => localDate(r.start, ZONE) === date)?.change ?? null;
}

export const STATES = {
  'sensor.myelectricaldata_tempo_today': { state: 'BLUE', attributes: {} },
  'sensor.myelectricaldata_tempo_tomorrow': { state: 'unknown', attributes: {} },
  'sensor.myelectricaldata_tempo_days_blue': { state: '187', attributes: {} },
  'sensor.myelectricaldata_tempo_days_white': { state: '31', attributes: {} },
  'sensor.myelectricaldata_tempo_days_red': { state: '9', attributes: {} },
  [`sensor.linky_${TEMPO_PDL}_max_power_ratio`]: { state: '81.2', attributes: { subscribed_power_kva: 6 } },
  [`sensor.linky_${TEMPO_PDL}_last_sync`]: { state: '2026-03-15T08:12:00+01:00', attributes: {} },
  [`sensor.linky_${TEMPO_PDL}_sync_status`]: {
    state: 'error',
    attributes: { error: 'the gateway answered 503 for the load curve' },
  },
};

/** 14 days of max-power states (VA), published the morning after the day they measure. */
export function maxPowerHistory(): { s: string; a: Record<string, unknown>; lu: number }[] {
  return Array.from({ length: 14 }, (_, i) => {
    const date = localDate(NOW - (14 - i) * DAY, ZONE);
    const va = 3000 + ((i * 431) % 2900);
    return { s: String(va), a: { date, unit_of_measurement: 'VA' }, lu: (NOW - (13 - i) * DAY) / 1000 - 7200 };
  });
}
