/**
 * A small SVG bar chart: stacked segments per bar, an optional comparison tick per bar, a dashed
 * threshold line, hatched empty slots for missing buckets, dimmed bars of derived data, hatched
 * bars of incomplete data, and an optional second bar per slot (side by side). Sized by its viewBox;
 * colours are CSS.
 */
import { svg, type TemplateResult } from 'lit';

export interface BarSegment {
  value: number;
  colour: string;
  title: string;
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

const W = 600;
const H = 200;
const TOP = 8;
const BOTTOM = 22;
const LEFT = 40;

export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * p >= max)!;
  return step * p;
}

function axis(max: number, format: (v: number) => string): TemplateResult[] {
  const plot = H - TOP - BOTTOM;
  return [0, 0.5, 1].map((f) => {
    const y = TOP + plot * (1 - f);
    return svg`<line class="grid" x1=${LEFT} x2=${W} y1=${y} y2=${y}></line>
      <text class="axis" x=${LEFT - 4} y=${y + 3} text-anchor="end">${format(max * f)}</text>`;
  });
}

export function barChart(
  bars: readonly Bar[],
  opts: { threshold?: number; format: (v: number) => string },
): TemplateResult {
  const plot = H - TOP - BOTTOM;
  const values = bars.flatMap((b) => [b.total ?? 0, b.compare ?? 0, b.side?.value ?? 0]);
  const max = niceMax(Math.max(opts.threshold ?? 0, ...values));
  const slot = (W - LEFT) / Math.max(bars.length, 1);
  const paired = bars.some((b) => b.side);
  const bw = Math.max(slot * (paired ? 0.4 : 0.7), 1);
  const y = (v: number) => TOP + plot * (1 - v / max);
  const every = Math.ceil(bars.length / 12);
  const items = bars.map((b, i) => {
    const x = LEFT + i * slot + (paired ? slot * 0.08 : (slot - bw) / 2);
    let base = 0;
    const segs = b.segments.map((s) => {
      const top = y(base + s.value);
      const h = y(base) - top;
      base += s.value;
      return svg`<rect x=${x} y=${top} width=${bw} height=${Math.max(h, 0)} fill=${s.colour}><title>${s.title}</title></rect>`;
    });
    const missing =
      b.total === null || b.quality === 'incomplete'
        ? svg`<rect class="missing" x=${x} y=${TOP} width=${bw} height=${plot}><title>${b.title}</title></rect>`
        : null;
    const side = b.side
      ? svg`<rect class="side" x=${x + bw + slot * 0.04} y=${y(b.side.value)} width=${bw} height=${Math.max(y(0) - y(b.side.value), 0)} fill=${b.side.colour}><title>${b.side.title}</title></rect>`
      : null;
    const cmp =
      b.compare != null
        ? svg`<line class="compare" x1=${x - 1} x2=${x + bw + 1} y1=${y(b.compare)} y2=${y(b.compare)}></line>`
        : null;
    const strip = b.strip ? svg`<rect x=${x} y=${H - BOTTOM + 2} width=${bw} height="3" fill=${b.strip}></rect>` : null;
    const text =
      i % every === 0
        ? svg`<text class="axis" x=${LEFT + i * slot + slot / 2} y=${H - 6} text-anchor="middle">${b.label}</text>`
        : null;
    const cls = `bar${b.highlight ? ' over' : ''}${b.quality ? ` ${b.quality}` : ''}`;
    return svg`<g class=${cls}>${missing}<g class="main">${segs}</g>${side}${cmp}${strip}${text}</g>`;
  });
  const threshold =
    opts.threshold != null
      ? svg`<line class="threshold" x1=${LEFT} x2=${W} y1=${y(opts.threshold)} y2=${y(opts.threshold)}></line>`
      : null;
  return svg`<svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <line x1="0" y1="0" x2="0" y2="6" class="hatch"></line></pattern></defs>
    ${axis(max, opts.format)}${items}${threshold}</svg>`;
}
