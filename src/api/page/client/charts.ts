/**
 * The Charts card: for the chosen PDL and direction, energy per day, month or year (from the aggregate
 * route, split by tariff period when a tariff applies, against last year), the maximum power against the
 * subscribed power, and CSV links of the series shown. Controls are buttons (Tab, Enter, Space).
 */
import type { AggregateView, Direction, PdlStatusView, PdlView } from './api-types.js';
import { barChartSvg } from './chart-svg.js';
import { CHART_PERIODS, type ChartPeriod, chartWindow } from './chart-windows.js';
import { csvLink } from './csv-download.js';
import { addDays } from './dates.js';
import { byId, h } from './dom.js';
import * as api from './energy-api.js';
import { energyBars, periodWord } from './energy-bars.js';
import { axis } from './format.js';
import { curveRange, hourBlocks } from './hour-view.js';
import { T } from './i18n.js';
import { powerBars, powerBuckets } from './power-bars.js';
import { legend, valuesTable } from './widgets.js';

const dirWord = (d: Direction) => (d === 'consumption' ? T.consumptionTitle : T.productionTitle);

interface State {
  pdl: string;
  direction: Direction;
  period: ChartPeriod;
  /** The hour view's day; null: the newest day the curve holds. */
  day: string | null;
}

let state: State | null = null;
let metas: PdlView[] = [];
let held: PdlStatusView[] = [];
let today = '';
let syncKey = '';
let loaded = '';
let controlsShown = '';
let sequence = 0;

function choices<V extends string>(name: string, options: [V, string][], current: V, pick: (v: V) => void) {
  const buttons = options.map(([value, text]) => {
    const b = h(
      'button',
      { type: 'button', class: 'seg-btn', 'aria-pressed': String(value === current), 'data-value': value },
      [text],
    );
    b.addEventListener('click', () => pick(value));
    return b;
  });
  return h('div', { class: 'seg', role: 'group', 'aria-label': name, 'data-choice': name }, buttons);
}

function set(change: Partial<State>): void {
  if (!state) return;
  state = { ...state, day: null, ...change };
  const meta = metas.find((m) => m.pdl === state!.pdl);
  if (meta && !api.directionsOf(meta).includes(state.direction)) state.direction = api.directionsOf(meta)[0]!;
  render(true);
}

function controls(s: State, meta: PdlView): HTMLElement {
  const withData = metas.filter((m) => api.directionsOf(m).length);
  const dirs = api.directionsOf(meta);
  return h('div', { class: 'controls' }, [
    withData.length > 1
      ? choices(
          'pdl',
          withData.map((m) => [m.pdl, m.name || m.pdl]),
          s.pdl,
          (pdl) => set({ pdl }),
        )
      : null,
    dirs.length > 1
      ? choices(
          'direction',
          dirs.map((d) => [d, dirWord(d)]),
          s.direction,
          (direction) => set({ direction }),
        )
      : null,
    choices(
      'period',
      CHART_PERIODS.map((p) => [p, T[`per_${p}`]]),
      s.period,
      (period) => set({ period }),
    ),
  ]);
}

/** A bar's title ("27 Nov 2026: 49.7 kWh · …") as a row of the values table. */
function row(b: { title: string }): { label: string; value: string } {
  const i = b.title.indexOf(': ');
  return i < 0 ? { label: b.title, value: '' } : { label: b.title.slice(0, i), value: b.title.slice(i + 2) };
}

/** The year view starts at the first year holding data. */
function trimmed(agg: AggregateView, period: ChartPeriod): AggregateView {
  if (period !== 'year') return agg;
  const first = agg.buckets.findIndex((b) => b.quality.daily + b.quality.curve > 0);
  return { ...agg, buckets: first < 0 ? agg.buckets.slice(-1) : agg.buckets.slice(first) };
}

/** The hour view's blocks, the focus kept on the day button pressed. */
async function loadHours(s: State, meta: PdlView, seq: number, width: number | undefined): Promise<void> {
  const range = curveRange(held, s.pdl, s.direction);
  const day = s.day ?? (range ? api.lastDay(range) : addDays(today, -1));
  const focused = document.activeElement?.getAttribute('data-day-step');
  const step = (by: number) => set({ day: addDays(day, by) });
  const blocks = await hourBlocks({ ...s, day, range, title: dirWord(s.direction), width, step }, meta);
  if (seq !== sequence) return;
  byId('chart-body').replaceChildren(...blocks);
  if (focused) byId('chart-body').querySelector<HTMLButtonElement>(`[data-day-step="${focused}"]`)?.focus();
  byId('charts-card').dataset.ready = `${s.pdl}|${s.direction}|hour|${day}`;
}

async function load(s: State, meta: PdlView, seq: number): Promise<void> {
  // The viewBox as wide as the drawn chart (220 px tall for 200 units), so that its text is not stretched.
  const width = Math.round((byId('charts-card').clientWidth - 40) * (200 / 220)) || undefined;
  if (s.period === 'hour') return loadHours(s, meta, seq, width);
  const w = chartWindow(s.period, today);
  const power = s.direction === 'consumption';
  const [raw, cost, compare, maxRows] = await Promise.all([
    api.aggregate(s.pdl, s.direction, w.period, w.range),
    api.cost(s.pdl, s.direction, w.range),
    w.compare ? api.aggregate(s.pdl, s.direction, w.period, w.compare) : null,
    power ? api.maxPower(s.pdl, w.range) : null,
  ]);
  if (seq !== sequence) return;
  const agg = trimmed(raw, s.period);
  const bars = energyBars(s.direction, agg, cost, compare);
  const energy = barChartSvg(bars, {
    format: axis,
    width,
    label: `${dirWord(s.direction)} (kWh)`,
    data: (i) => ({ 'data-start': agg.buckets[i]!.start, 'data-wh': String(agg.buckets[i]!.wh) }),
  });
  const keys = [...new Set(bars.flatMap((b) => b.segments.map((x) => x.key ?? '')))];
  const items = keys.map((k) => ({
    key: k,
    text: k === 'total' ? dirWord(s.direction) : k === 'rest' ? T.notSplit : periodWord(k),
  }));
  const colours = new Map(bars.flatMap((b) => b.segments.map((x) => [x.key ?? '', x.colour] as const)));
  const blocks: HTMLElement[] = [
    h('div', { class: 'chart-head' }, [h('h3', {}, [`${dirWord(s.direction)} (kWh)`])]),
    h(
      'div',
      {
        class: 'chart',
        id: 'energy-chart',
        'data-period': s.period,
        'data-chart-pdl': s.pdl,
        'data-direction': s.direction,
      },
      [energy],
    ),
    legend(
      items.map((x) => ({ text: x.text, colour: colours.get(x.key) ?? '' })),
      Boolean(compare),
    ),
    valuesTable(bars.map(row)),
  ];
  const links = [csvLink(api.aggregateUrl(s.pdl, s.direction, w.period, w.range), dirWord(s.direction))];
  if (cost) links.push(csvLink(api.costUrl(s.pdl, s.direction, w.range), T.cost));
  if (maxRows) {
    const buckets = powerBuckets(agg, maxRows, s.period);
    const kva = meta.subscribedPowerKva;
    const pBars = powerBars(buckets, s.period, kva);
    const chart = barChartSvg(pBars, {
      format: axis,
      width,
      label: `${T.max_power} (kVA)`,
      ...(kva !== null ? { threshold: kva } : {}),
      data: (i) => ({ 'data-start': buckets[i]!.start, 'data-va': String(buckets[i]!.max?.va ?? '') }),
    });
    const head = h('div', { class: 'chart-head' }, [
      h('h3', {}, [`${T.max_power} (kVA)`]),
      kva !== null
        ? h('span', { class: 'muted', 'data-subscribed': String(kva) }, [`${T.subscribed} ${kva} kVA`])
        : null,
    ]);
    blocks.push(head, h('div', { class: 'chart', id: 'power-chart' }, [chart]), valuesTable(pBars.map(row)));
    links.push(csvLink(api.maxPowerUrl(s.pdl, w.range), T.max_power));
  }
  blocks.push(h('p', { class: 'csv-links' }, links));
  byId('chart-body').replaceChildren(...blocks);
  byId('charts-card').dataset.ready = `${s.pdl}|${s.direction}|${s.period}`;
}

function render(force = false): void {
  const card = byId('charts-card');
  const meta = state && metas.find((m) => m.pdl === state!.pdl);
  if (!state || !meta) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  // The controls are rebuilt only when they change, so a refresh never moves the keyboard focus.
  const shown = `${JSON.stringify(state)}|${metas.map((m) => `${m.pdl}:${m.name}`).join(',')}`;
  if (shown !== controlsShown) {
    const focused = document.activeElement?.closest<HTMLElement>('[data-choice]')?.dataset.choice;
    controlsShown = shown;
    byId('chart-controls').replaceChildren(controls(state, meta));
    if (focused)
      byId('chart-controls').querySelector<HTMLElement>(`[data-choice="${focused}"] [aria-pressed="true"]`)?.focus();
  }
  const key = `${JSON.stringify(state)}|${today}|${syncKey}`;
  if (!force && key === loaded) return;
  loaded = key;
  delete card.dataset.ready;
  const seq = ++sequence;
  load(state, meta, seq).catch((err: unknown) => {
    if (seq === sequence)
      byId('chart-body').replaceChildren(h('p', { class: 'err' }, [err instanceof Error ? err.message : String(err)]));
  });
}

/** Called at each status refresh: loads again only when the PDLs, the day or the last sync changed. */
export function updateCharts(list: PdlView[] | null, day: string, sync: string, status: PdlStatusView[]): void {
  metas = list ?? [];
  held = status;
  today = day;
  syncKey = sync;
  const first = metas.find((m) => api.directionsOf(m).length);
  if (!state || !metas.some((m) => m.pdl === state!.pdl)) {
    state = first ? { pdl: first.pdl, direction: api.directionsOf(first)[0]!, period: 'day', day: null } : null;
  }
  render();
}
