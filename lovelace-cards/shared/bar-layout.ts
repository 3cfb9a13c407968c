/**
 * The geometry of the small bar chart, without any framework: stacked segments per bar, an optional
 * comparison tick per bar, a dashed threshold line, hatched slots for missing buckets, dimmed bars of
 * derived data, hatched bars of incomplete data, an optional second bar per slot (side by side), a
 * value axis. The
 * Lovelace cards draw it with Lit (`bar-chart.ts`), the local web page with DOM nodes
 * (`src/api/page/client/chart-svg.ts`), so both show the same chart from the same numbers.
 */

export interface BarSegment {
  value: number;
  colour: string;
  title: string;
  /** Extra identifying key (e.g. the tariff period), kept on the drawn segment. */
  key?: string;
}

export interface Bar {
  label: string;
  title: string;
  segments: BarSegment[];
  /** null: no data for this bucket (drawn as a hatched slot). */
  total: number | null;
  compare?: number | null;
  highlight?: boolean;
  /** Colour of the small strip under the bar (Tempo day colour). */
  strip?: string | null;
  /** `derived`: drawn dimmed; `incomplete` (some of its days are missing): dimmed on a hatched slot. */
  quality?: 'derived' | 'incomplete' | null;
  /** A second bar drawn next to this one (e.g. production beside consumption). */
  side?: BarSegment | null;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedBar {
  bar: Bar;
  /** The bar's slot (x, width of the bar itself). */
  x: number;
  width: number;
  segments: (Rect & { segment: BarSegment })[];
  /** The full-height hatched slot of a missing bucket (or of an incomplete one). */
  missing: Rect | null;
  /** The second bar beside this one. */
  side: (Rect & { segment: BarSegment }) | null;
  /** y of the comparison tick. */
  compareY: number | null;
  strip: Rect | null;
  /** The label under the bar, when this bar carries one (about one per 50 units of width). */
  label: { x: number; y: number; text: string } | null;
}

export interface BarLayout {
  width: number;
  height: number;
  left: number;
  /** Grid lines with their axis text (0, half, max). */
  ticks: { y: number; text: string }[];
  bars: PlacedBar[];
  /** y of the threshold line. */
  thresholdY: number | null;
  max: number;
}

/** The default width of the viewBox (the cards'); the page passes its own so that text is not stretched. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 200;
const TOP = 8;
const BOTTOM = 22;
const LEFT = 40;

/** The smallest of 1, 2, 2.5, 5, 10 × a power of ten that is at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * p >= max)!;
  return step * p;
}

interface Slots {
  slot: number;
  bw: number;
  paired: boolean;
  every: number;
  y: (v: number) => number;
}

function sideOf(b: Bar, x: number, s: Slots): PlacedBar['side'] {
  if (!b.side) return null;
  const top = s.y(b.side.value);
  return { x: x + s.bw + s.slot * 0.04, y: top, width: s.bw, height: Math.max(s.y(0) - top, 0), segment: b.side };
}

function placeBar(b: Bar, i: number, s: Slots): PlacedBar {
  const { slot, bw, y, every } = s;
  const plot = CHART_HEIGHT - TOP - BOTTOM;
  const x = LEFT + i * slot + (s.paired ? slot * 0.08 : (slot - bw) / 2);
  let base = 0;
  const segments = b.segments.map((segment) => {
    const top = y(base + segment.value);
    const height = Math.max(y(base) - top, 0);
    base += segment.value;
    return { x, y: top, width: bw, height, segment };
  });
  return {
    bar: b,
    x,
    width: bw,
    segments,
    missing: b.total === null || b.quality === 'incomplete' ? { x, y: TOP, width: bw, height: plot } : null,
    side: sideOf(b, x, s),
    compareY: b.compare != null ? y(b.compare) : null,
    strip: b.strip ? { x, y: CHART_HEIGHT - BOTTOM + 2, width: bw, height: 3 } : null,
    label: i % every === 0 ? { x: LEFT + i * slot + slot / 2, y: CHART_HEIGHT - 6, text: b.label } : null,
  };
}

export function layoutBars(
  bars: readonly Bar[],
  opts: { threshold?: number; format: (v: number) => string; width?: number },
): BarLayout {
  const width = Math.max(opts.width ?? CHART_WIDTH, LEFT + 60);
  const plot = CHART_HEIGHT - TOP - BOTTOM;
  const values = bars.flatMap((b) => [b.total ?? 0, b.compare ?? 0, b.side?.value ?? 0]);
  const max = niceMax(Math.max(opts.threshold ?? 0, ...values));
  const slot = (width - LEFT) / Math.max(bars.length, 1);
  const paired = bars.some((b) => b.side);
  const bw = Math.max(slot * (paired ? 0.4 : 0.7), 1);
  const y = (v: number) => TOP + plot * (1 - v / max);
  // About one label per 50 units of width (12 on the cards' 600).
  const every = Math.ceil(bars.length / Math.max(2, Math.floor(width / 50)));
  return {
    width,
    height: CHART_HEIGHT,
    left: LEFT,
    max,
    ticks: [0, 0.5, 1].map((f) => ({ y: TOP + plot * (1 - f), text: opts.format(max * f) })),
    bars: bars.map((b, i) => placeBar(b, i, { slot, bw, paired, every, y })),
    thresholdY: opts.threshold != null ? y(opts.threshold) : null,
  };
}
