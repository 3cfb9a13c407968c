/**
 * The Charts card's hour view: one Paris day of the load curve per local hour, with previous/next day
 * buttons (default: the newest day the curve holds, from `api/status`'s held range), the HC/HP split
 * of consumption when the PDL has off-peak hours, and the CSV link of that day's curve.
 */
import { COLOURS } from '../../../../lovelace-cards/shared/colours.js';
import { getJson } from './api-fetch.js';
import type { CurveView, Direction, PdlStatusView, PdlView } from './api-types.js';
import { barChartSvg } from './chart-svg.js';
import { csvLink } from './csv-download.js';
import { addDays, type Day } from './dates.js';
import { h } from './dom.js';
import { periodWord } from './energy-bars.js';
import { axis, longDay } from './format.js';
import { hourBars, hourBuckets } from './hour-bars.js';
import { T } from './i18n.js';
import { legend, valuesTable } from './widgets.js';

export const curveUrl = (pdl: string, direction: Direction, day: Day) =>
  `api/pdls/${pdl}/${direction}/curve?start=${day}&end=${addDays(day, 1)}`;

/** The days the curve holds, `[start, end)`, from the status, or null. */
export function curveRange(pdls: PdlStatusView[], pdl: string, direction: Direction): { start: Day; end: Day } | null {
  const st = pdls.find((p) => p.pdl === pdl)?.streams.find((s) => s.stream === `${direction}_curve`);
  return st?.dataRange ?? null;
}

export interface HourView {
  pdl: string;
  direction: Direction;
  day: Day;
  /** The curve's held days, bounding the day buttons. */
  range: { start: Day; end: Day } | null;
  title: string;
  width: number | undefined;
  /** Moves the shown day by -1 or +1. */
  step(by: number): void;
}

function dayButtons(v: HourView): HTMLElement {
  const button = (by: number, text: string, off: boolean) => {
    const b = h('button', { type: 'button', class: 'seg-btn', 'data-day-step': String(by), 'aria-label': text }, [
      by < 0 ? '‹' : '›',
    ]) as HTMLButtonElement;
    b.disabled = off;
    b.addEventListener('click', () => v.step(by));
    return b;
  };
  const first = v.range?.start ?? v.day;
  const last = v.range ? addDays(v.range.end, -1) : v.day;
  return h('div', { class: 'seg', role: 'group', 'aria-label': T.hourDay, 'data-choice': 'day' }, [
    button(-1, T.previousDay, v.day <= first),
    h('span', { class: 'day-shown', 'data-day': v.day }, [longDay(v.day)]),
    button(1, T.nextDay, v.day >= last),
  ]);
}

export async function hourBlocks(v: HourView, meta: PdlView): Promise<HTMLElement[]> {
  const rows = await getJson<CurveView[]>(curveUrl(v.pdl, v.direction, v.day));
  // Off-peak hours price consumption only: production is never split.
  const offpeak = v.direction === 'consumption' ? meta.offpeakHours : [];
  const buckets = hourBuckets(rows, offpeak);
  const bars = hourBars(v.direction, v.day, buckets);
  const chart = barChartSvg(bars, {
    format: axis,
    width: v.width,
    label: `${v.title} (kWh)`,
    data: (i) => ({ 'data-start': buckets[i]!.start, 'data-wh': String(buckets[i]!.wh) }),
  });
  const base = v.direction === 'production' ? COLOURS.production! : COLOURS.total!;
  const items = offpeak.length
    ? ['hc', 'hp'].map((k) => ({ text: periodWord(k), colour: COLOURS[k] ?? base }))
    : [{ text: v.title, colour: base }];
  return [
    h('div', { class: 'chart-head' }, [h('h3', {}, [`${v.title} (kWh)`]), dayButtons(v)]),
    h(
      'div',
      {
        class: 'chart',
        id: 'energy-chart',
        'data-period': 'hour',
        'data-day': v.day,
        'data-chart-pdl': v.pdl,
        'data-direction': v.direction,
      },
      [rows.length ? chart : h('p', { class: 'muted' }, [T.noData])],
    ),
    legend(items, false),
    valuesTable(
      bars.map((b) => ({
        label: b.title.slice(0, b.title.indexOf(': ')),
        value: b.title.slice(b.title.indexOf(': ') + 2),
      })),
    ),
    h('p', { class: 'csv-links' }, [csvLink(curveUrl(v.pdl, v.direction, v.day), `${v.title} ${v.day}`)]),
  ];
}
