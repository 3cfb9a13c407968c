/**
 * The bar chart of the page: the geometry shared with the Lovelace cards (`lovelace-cards/shared/
 * bar-layout.ts`) drawn as SVG nodes. Every bar carries `data-*` attributes given by the caller (its
 * bucket and value), and a `<title>` the browser shows on hover. The bars are reachable from the
 * keyboard: Tab enters the chart on its newest bar, the arrow keys, Home and End move between bars, and
 * the focused bar's text is read out (its `aria-label`) and shown under the chart.
 */
import { type Bar, type BarLayout, layoutBars, type PlacedBar } from '../../../../lovelace-cards/shared/bar-layout.js';

const NS = 'http://www.w3.org/2000/svg';

function node(tag: string, attrs: Record<string, string | number>, kids: (Node | string)[] = []): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...kids);
  return el;
}

const title = (text: string) => node('title', {}, [text]);

function bar(p: PlacedBar, data: Record<string, string>, focusable: boolean): SVGElement {
  const g = node('g', {
    class: p.bar.highlight ? 'bar over' : 'bar',
    role: 'img',
    'aria-label': p.bar.title,
    tabindex: focusable ? 0 : -1,
    ...data,
  });
  g.append(title(p.bar.title));
  const m = p.missing;
  if (m) g.append(node('rect', { class: 'missing', x: m.x, y: m.y, width: m.width, height: m.height }));
  for (const r of p.segments) {
    const attrs: Record<string, string | number> = {
      x: r.x,
      y: r.y,
      width: r.width,
      height: r.height,
      fill: r.segment.colour,
    };
    if (r.segment.key) Object.assign(attrs, { 'data-key': r.segment.key, 'data-value': r.segment.value });
    g.append(node('rect', attrs, [title(r.segment.title)]));
  }
  if (p.compareY !== null) {
    const y = p.compareY;
    g.append(node('line', { class: 'compare', x1: p.x - 1, x2: p.x + p.width + 1, y1: y, y2: y }));
  }
  const st = p.strip;
  if (st) g.append(node('rect', { x: st.x, y: st.y, width: st.width, height: st.height, fill: p.bar.strip ?? '' }));
  const l = p.label;
  if (l) g.append(node('text', { class: 'axis', x: l.x, y: l.y, 'text-anchor': 'middle' }, [l.text]));
  return g;
}

function axis(l: BarLayout): SVGElement[] {
  return l.ticks.flatMap((t) => [
    node('line', { class: 'grid', x1: l.left, x2: l.width, y1: t.y, y2: t.y }),
    node('text', { class: 'axis', x: l.left - 4, y: t.y + 3, 'text-anchor': 'end' }, [t.text]),
  ]);
}

let hatches = 0;

const MOVES: Record<string, (at: number, last: number) => number> = {
  ArrowRight: (at, last) => Math.min(last, at + 1),
  ArrowLeft: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_at, last) => last,
};

/** Arrow keys, Home and End move the focus between the bars (one of them in the Tab order at a time). */
function roving(svgEl: SVGElement, readout: HTMLElement): void {
  const bars = () => [...svgEl.querySelectorAll<SVGGElement>('g.bar')];
  svgEl.addEventListener('keydown', (e) => {
    const all = bars();
    const at = all.indexOf(document.activeElement as SVGGElement);
    const move = MOVES[e.key];
    if (at < 0 || !move) return;
    e.preventDefault();
    const next = all[move(at, all.length - 1)]!;
    for (const b of all) b.setAttribute('tabindex', b === next ? '0' : '-1');
    next.focus();
  });
  svgEl.addEventListener('focusin', (e) => {
    readout.textContent = (e.target as Element).getAttribute('aria-label') ?? '';
  });
  svgEl.addEventListener('focusout', () => {
    readout.textContent = '';
  });
}

/**
 * The chart (an `<svg role="group">` labelled `label`, and the line showing the focused bar);
 * `data(i)` gives the attributes of bar `i`.
 */
export function barChartSvg(
  bars: readonly Bar[],
  opts: {
    threshold?: number;
    format: (v: number) => string;
    label: string;
    /** The viewBox width (default: the cards' 600). */
    width?: number;
    data: (i: number) => Record<string, string>;
  },
): HTMLElement {
  const l = layoutBars(bars, opts);
  const id = `hatch-${++hatches}`;
  const svgEl = node('svg', { viewBox: `0 0 ${l.width} ${l.height}`, preserveAspectRatio: 'none', role: 'group' });
  svgEl.setAttribute('aria-label', opts.label);
  const pattern = node(
    'pattern',
    { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    [node('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch' })],
  );
  svgEl.append(node('defs', {}, [pattern]), ...axis(l));
  l.bars.forEach((p, i) => {
    const g = bar(p, opts.data(i), i === l.bars.length - 1);
    for (const m of g.querySelectorAll('.missing')) m.setAttribute('fill', `url(#${id})`);
    svgEl.append(g);
  });
  if (l.thresholdY !== null) {
    const y = l.thresholdY;
    svgEl.append(node('line', { class: 'threshold', x1: l.left, x2: l.width, y1: y, y2: y }));
  }
  const readout = document.createElement('p');
  readout.className = 'readout';
  readout.setAttribute('aria-hidden', 'true');
  roving(svgEl, readout);
  const frame = document.createElement('div');
  frame.className = 'bar-chart';
  frame.append(svgEl, readout);
  return frame;
}
