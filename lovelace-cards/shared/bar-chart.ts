/**
 * The small SVG bar chart of the cards, drawn with Lit from the shared geometry (`bar-layout.ts`, also
 * used by the local web page): stacked segments, comparison ticks, a dashed threshold, hatched missing
 * buckets, dimmed derived or incomplete bars, a second bar beside each one. Sized by its viewBox;
 * colours are CSS.
 */
import { svg, type TemplateResult } from 'lit';
import { type Bar, layoutBars, type PlacedBar } from './bar-layout.js';

export type { Bar, BarSegment } from './bar-layout.js';
export { niceMax } from './bar-layout.js';

function barTemplate(p: PlacedBar): TemplateResult {
  const { bar: b, x, width: bw } = p;
  const segs = p.segments.map(
    (s) =>
      svg`<rect x=${s.x} y=${s.y} width=${s.width} height=${s.height} fill=${s.segment.colour}><title>${s.segment.title}</title></rect>`,
  );
  const m = p.missing;
  const missing = m
    ? svg`<rect class="missing" x=${m.x} y=${m.y} width=${m.width} height=${m.height}><title>${b.title}</title></rect>`
    : null;
  const cmp =
    p.compareY !== null
      ? svg`<line class="compare" x1=${x - 1} x2=${x + bw + 1} y1=${p.compareY} y2=${p.compareY}></line>`
      : null;
  const st = p.strip;
  const strip = st
    ? svg`<rect x=${st.x} y=${st.y} width=${st.width} height=${st.height} fill=${b.strip}></rect>`
    : null;
  const l = p.label;
  const text = l ? svg`<text class="axis" x=${l.x} y=${l.y} text-anchor="middle">${l.text}</text>` : null;
  const sd = p.side;
  const side = sd
    ? svg`<rect class="side" x=${sd.x} y=${sd.y} width=${sd.width} height=${sd.height} fill=${sd.segment.colour}><title>${sd.segment.title}</title></rect>`
    : null;
  const cls = `bar${b.highlight ? ' over' : ''}${b.quality ? ` ${b.quality}` : ''}`;
  return svg`<g class=${cls}>${missing}<g class="main">${segs}</g>${side}${cmp}${strip}${text}</g>`;
}

export function barChart(
  bars: readonly Bar[],
  opts: { threshold?: number; format: (v: number) => string },
): TemplateResult {
  const l = layoutBars(bars, opts);
  const axis = l.ticks.map(
    (t) => svg`<line class="grid" x1=${l.left} x2=${l.width} y1=${t.y} y2=${t.y}></line>
      <text class="axis" x=${l.left - 4} y=${t.y + 3} text-anchor="end">${t.text}</text>`,
  );
  const threshold =
    l.thresholdY !== null
      ? svg`<line class="threshold" x1=${l.left} x2=${l.width} y1=${l.thresholdY} y2=${l.thresholdY}></line>`
      : null;
  return svg`<svg viewBox="0 0 ${l.width} ${l.height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <line x1="0" y1="0" x2="0" y2="6" class="hatch"></line></pattern></defs>
    ${axis}${l.bars.map(barTemplate)}${threshold}</svg>`;
}
