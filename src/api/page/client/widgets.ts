/** Small pieces shared by the sections: an instant, a quota, a fact, a table. */
import { type Child, h } from './dom.js';
import { relative, time } from './format.js';
import { T } from './i18n.js';

/** An instant with its relative time underneath, or `none` (default "never") in grey. */
export function whenNode(iso: string | null, now: number, none?: string): HTMLElement {
  if (!iso) return h('span', { class: 'muted' }, [none || T.never]);
  const ms = Date.parse(iso);
  return h('span', {}, [time(ms), ' ', h('small', {}, [relative(ms, now)])]);
}

export function quota(used: number | null, limit: number | null, label: string): HTMLElement {
  const value = used === null && limit === null ? T.unknown : `${used ?? '?'} / ${limit ?? '?'}`;
  return h('span', { class: 'nowrap' }, [`${value} ${label}`]);
}

export function fact(label: string, value: Child): HTMLElement {
  return h('div', {}, [h('dt', {}, [label]), h('dd', {}, [value])]);
}

export function table(headings: string[], rows: HTMLElement[]): HTMLElement {
  const head = h(
    'tr',
    {},
    headings.map((x) => h('th', {}, [x])),
  );
  return h('div', { class: 'table' }, [h('table', {}, [h('thead', {}, [head]), h('tbody', {}, rows)])]);
}

/** A chart legend: coloured squares, then the comparison tick and the missing-data hatch. */
export function legend(items: { text: string; colour: string }[], compare: boolean): HTMLElement {
  const li = items.map((x) => {
    const swatch = h('i', {});
    swatch.style.background = x.colour;
    return h('li', {}, [swatch, x.text]);
  });
  if (compare) li.push(h('li', {}, [h('i', { class: 'tick' }), T.lastYear]));
  li.push(h('li', {}, [h('i', { class: 'hatched' }), T.noData]));
  return h('ul', { class: 'legend' }, li);
}

/** The values of a chart as a table, folded under "Values" (for the keyboard and screen readers). */
export function valuesTable(rows: { label: string; value: string }[]): HTMLElement {
  const body = rows.map((r) => h('tr', {}, [h('td', {}, [r.label]), h('td', {}, [r.value])]));
  return h('details', { class: 'values' }, [h('summary', {}, [T.values]), table([T.period, T.value], body)]);
}
