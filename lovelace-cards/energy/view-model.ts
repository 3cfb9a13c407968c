/**
 * Everything the energy card draws, computed from the statistics results without the DOM: bars (with
 * their stacked segments, comparison value, Tempo strip, data quality and production bar), legend,
 * totals and the missing buckets.
 */
import type { StatResult } from '../shared/aggregate.js';
import type { Bar } from '../shared/bar-chart.js';
import type { Period, Window } from '../shared/periods.js';
import { COLOURS } from '../shared/styles.js';
import type { EnergyCardConfig } from './config.js';
import type { BarQuality } from './quality.js';
import { barTotals, buildSeries, chooseLayout, type Layout, type Series } from './stacking.js';
import { tempoColourAt } from './tempo-colour.js';

export interface LegendItem {
  key: string;
  colour: string;
  pdl: string;
}

export interface EnergyView {
  layout: Layout;
  bars: Bar[];
  legend: LegendItem[];
  total: number;
  compareTotal: number | null;
  missing: number;
  totals: (number | null)[];
  /** Per bar: its long label (`Mon 2 March 2026`) and its quality note (` · missing: 1 day`, or ''). */
  labels: string[];
  notes: string[];
  /** `both`: production per bar (beside consumption) and its total; else null. */
  production: (number | null)[] | null;
  productionTotal: number | null;
  /** From the local API (null without it): PDL-days derived from the load curve, and missing. */
  derivedDays: number | null;
  missingDays: number | null;
}

/** The direction of the main bars (`both`: consumption, production beside them). */
export const mainDirection = (config: EnergyCardConfig) =>
  config.direction === 'both' ? 'consumption' : config.direction;

const PDL_COLOURS = ['#488fc2', '#ff9800', '#8e24aa', '#43a047'];

function colourOf(s: Series, config: EnergyCardConfig): string {
  if (s.key !== 'total') return COLOURS[s.key]!;
  if (config.pdls.length > 1) return PDL_COLOURS[config.pdls.indexOf(s.pdl) % PDL_COLOURS.length]!;
  return config.direction === 'production' ? COLOURS.production! : COLOURS.total!;
}

export interface ViewInput {
  config: EnergyCardConfig;
  window: Window;
  result: StatResult;
  compareWindow: Window | null;
  compareResult: StatResult | null;
  /** Series and bucket names in the user's language, values formatted. */
  name: (s: Series) => string;
  format: (v: number) => string;
  bucketLabel: (ms: number, period: Period, long: boolean) => string;
  /** Per bar, from the local API; null when not asked or not reachable. */
  quality: BarQuality[] | null;
  /** The PDL-days of the whole window derived or missing (the totals' note). */
  qualityDays: BarQuality | null;
  /** ` · 2 days derived from the load curve` for a bar's tooltip. */
  qualityText: (q: BarQuality) => string;
  productionName: string;
}

function barQuality(q: BarQuality | undefined, total: number | null): Bar['quality'] {
  if (!q || total === null) return null;
  return q.missing ? 'incomplete' : q.derived ? 'derived' : null;
}

export function energyView(input: ViewInput): EnergyView {
  const { config, window: w, result } = input;
  const layout = chooseLayout(result, config.pdls, config.metric, config.stack);
  const direction = mainDirection(config);
  const series = buildSeries(result, w, config.pdls, direction, config.metric, config.stack);
  const production =
    config.direction === 'both'
      ? barTotals(buildSeries(result, w, config.pdls, 'production', config.metric, 'none'), w.starts.length)
      : null;
  const totals = barTotals(series, w.starts.length);
  let compare: (number | null)[] | null = null;
  if (input.compareWindow && input.compareResult) {
    const cs = buildSeries(input.compareResult, input.compareWindow, config.pdls, direction, config.metric, 'none');
    compare = barTotals(cs, w.starts.length);
  }
  const bars: Bar[] = w.starts.map((start, i) => {
    const segments = series.flatMap((s) => {
      const v = s.values[i];
      return v != null && v > 0
        ? [{ value: v, colour: colourOf(s, config), title: `${input.name(s)}: ${input.format(v)}` }]
        : [];
    });
    const t = totals[i] ?? null;
    const tempo = layout === 'tempo' && w.period !== 'year' ? tempoColourAt(series, i) : null;
    const when = input.bucketLabel(start, w.period, true);
    const q = input.quality?.[i];
    const p = production?.[i] ?? null;
    return {
      label: input.bucketLabel(start, w.period, false),
      title: `${t === null ? when : `${when}: ${input.format(t)}`}${q ? input.qualityText(q) : ''}`,
      segments,
      total: t,
      compare: compare?.[i] ?? null,
      strip: tempo ? COLOURS[tempo]! : null,
      quality: barQuality(q, t),
      side:
        p === null
          ? null
          : { value: p, colour: COLOURS.production!, title: `${input.productionName}: ${input.format(p)}` },
    };
  });
  const seen = new Set<string>();
  const legend: LegendItem[] = [];
  for (const s of series) {
    const key = `${s.pdl}|${s.key}`;
    if (seen.has(key) || !s.values.some((v) => v != null && v > 0)) continue;
    seen.add(key);
    legend.push({ key: input.name(s), colour: colourOf(s, config), pdl: s.pdl });
  }
  if (production?.some((v) => v != null))
    legend.push({ key: input.productionName, colour: COLOURS.production!, pdl: '' });
  const sum = (vs: (number | null)[]) => vs.reduce<number>((a, v) => a + (v ?? 0), 0);
  return {
    layout,
    bars,
    legend,
    total: sum(totals),
    compareTotal: compare ? sum(compare) : null,
    missing: totals.filter((v) => v === null).length,
    totals,
    labels: w.starts.map((start) => input.bucketLabel(start, w.period, true)),
    notes: w.starts.map((_, i) => {
      const q = input.quality?.[i];
      return q ? input.qualityText(q) : '';
    }),
    production,
    productionTotal: production ? sum(production) : null,
    derivedDays: input.qualityDays?.derived ?? null,
    missingDays: input.qualityDays?.missing ?? null,
  };
}
