/**
 * The hour view's bars: the curve readings of one Paris day summed per local hour (23 or 25 hours on
 * DST days: the repeated 02:00 of the fall-back day is two hours, told apart by their UTC offset), split
 * HC/HP when the PDL has off-peak hours, each reading going by its local start time (the engine's rule,
 * `inRange` of the domain).
 */
import type { Bar } from '../../../../lovelace-cards/shared/bar-layout.js';
import { COLOURS } from '../../../../lovelace-cards/shared/colours.js';
import { inRange } from '../../../domain/offpeak-time.js';
import type { CurveView, Direction } from './api-types.js';
import { periodWord } from './energy-bars.js';
import { kwh, longDay } from './format.js';

export interface HourBucket {
  /** The hour's local start with its offset, `2026-10-25T02:00:00+01:00`. */
  start: string;
  wh: number;
  /** Off-peak and peak energy, null when the PDL has no off-peak hours. */
  split: { hc: number; hp: number } | null;
}

type Ranges = readonly { start: string; end: string }[];

/** The readings summed per local hour, in time order. */
export function hourBuckets(rows: readonly CurveView[], offpeak: Ranges): HourBucket[] {
  const out = new Map<string, HourBucket>();
  for (const r of rows) {
    const start = `${r.start.slice(0, 13)}:00:00${r.start.slice(-6)}`;
    const b = out.get(start) ?? { start, wh: 0, split: offpeak.length ? { hc: 0, hp: 0 } : null };
    out.set(start, b);
    b.wh += r.wh;
    if (!b.split) continue;
    const minute = Number(r.start.slice(11, 13)) * 60 + Number(r.start.slice(14, 16));
    if (offpeak.some((range) => inRange(minute, range))) b.split.hc += r.wh;
    else b.split.hp += r.wh;
  }
  return [...out.values()];
}

const hour = (start: string) => start.slice(11, 16);

export function hourBars(direction: Direction, day: string, buckets: readonly HourBucket[]): Bar[] {
  const base = direction === 'production' ? COLOURS.production! : COLOURS.total!;
  const repeated = new Set(buckets.map((b) => hour(b.start)).filter((x, i, all) => all.indexOf(x) !== i));
  return buckets.map((b) => {
    const at = repeated.has(hour(b.start)) ? `${hour(b.start)} (UTC${b.start.slice(-6)})` : hour(b.start);
    const keys = b.split ? (['hc', 'hp'] as const).filter((k) => b.split![k] > 0) : [];
    const segments = b.split
      ? keys.map((k) => ({
          value: b.split![k] / 1000,
          colour: COLOURS[k] ?? base,
          title: `${periodWord(k)} ${kwh(b.split![k])}`,
          key: k,
        }))
      : [{ value: b.wh / 1000, colour: base, title: kwh(b.wh), key: 'total' }];
    const parts = [`${longDay(day)} ${at}: ${kwh(b.wh)}`];
    if (segments.length > 1) parts.push(segments.map((s) => s.title).join(', '));
    return { label: hour(b.start).slice(0, 2), title: parts.join(' · '), segments, total: b.wh / 1000 };
  });
}
