/**
 * The overview of one PDL: per direction, yesterday, this month and this year so far, with the cost when
 * a tariff applies and the same days last year. Kept per PDL and sync, so the 30 s status refresh moves
 * the same nodes instead of fetching again.
 */
import type { Direction, PdlView } from './api-types.js';
import { h } from './dom.js';
import * as api from './energy-api.js';
import { eur, kwh, longDay, percent, shortDay } from './format.js';
import { T, t } from './i18n.js';
import { change, overviewFigures, overviewRange, type SpanFigures } from './overview-data.js';

const SPAN_WORDS = { yesterday: T.yesterday, month: T.thisMonth, year: T.thisYear } as const;

function rangeText(f: SpanFigures): string {
  if (f.now.days === 0) return '—';
  const last = api.lastDay(f.range);
  return f.now.days === 1 ? longDay(last) : `${shortDay(f.range.start)} – ${shortDay(last)}`;
}

/** More consumption is worse, more production better; a change under 5 % is neither. */
function trend(direction: Direction, ratio: number | null): string {
  if (ratio === null || Math.abs(ratio) < 0.05) return '';
  return ratio > 0 === (direction === 'consumption') ? ' worse' : ' better';
}

function tile(direction: Direction, f: SpanFigures): HTMLElement {
  const ratio = change(f);
  const missing = f.now.missing;
  const attrs: Record<string, string> = {
    class: 'tile',
    'data-tile': `${direction}-${f.span}`,
    'data-wh': String(f.now.wh),
    'data-last-wh': String(f.lastYear.wh),
  };
  if (f.now.eur !== null) attrs['data-eur'] = String(f.now.eur);
  const compare = [`${T.lastYear} ${f.lastYear.days ? kwh(f.lastYear.wh) : '—'}`];
  if (ratio !== null) compare.push(percent(ratio));
  return h('div', attrs, [
    h('div', { class: 'tile-label' }, [SPAN_WORDS[f.span], ' ', h('small', {}, [rangeText(f)])]),
    h('div', { class: 'tile-value' }, [f.now.days ? kwh(f.now.wh) : '—']),
    f.now.eur !== null && f.now.days ? h('div', { class: 'tile-cost' }, [eur(f.now.eur)]) : null,
    h('div', { class: `tile-compare${trend(direction, ratio)}` }, [compare.join(' · ')]),
    missing ? h('div', { class: 'tile-note' }, [t('missing', { n: missing })]) : null,
    !missing && f.lastYear.missing && f.lastYear.days
      ? h('div', { class: 'tile-note' }, [t('lastYearPartial', { n: f.lastYear.missing })])
      : null,
  ]);
}

async function directionRow(pdl: string, direction: Direction, today: string): Promise<HTMLElement> {
  const range = overviewRange(today);
  const [daily, cost] = await Promise.all([
    api.aggregate(pdl, direction, 'day', range),
    api.cost(pdl, direction, range),
  ]);
  const tiles = overviewFigures(today, daily, cost).map((f) => tile(direction, f));
  return h('div', { class: 'overview-row' }, [
    h('h3', {}, [direction === 'consumption' ? T.consumptionTitle : T.productionTitle]),
    h('div', { class: 'tiles' }, tiles),
  ]);
}

const cache = new Map<string, { key: string; el: HTMLElement }>();

/** The overview of `p` as of `today` after the sync that finished at `syncKey` (built once per key). */
export function overviewOf(p: PdlView, today: string, syncKey: string): HTMLElement {
  const key = `${today}|${syncKey}`;
  const hit = cache.get(p.pdl);
  if (hit && hit.key === key) return hit.el;
  const el =
    hit?.el ?? h('div', { class: 'overview', 'data-overview': p.pdl }, [h('p', { class: 'none' }, [T.loading])]);
  cache.set(p.pdl, { key, el });
  const directions = api.directionsOf(p);
  Promise.all(directions.map((d) => directionRow(p.pdl, d, today)))
    .then((rows) => {
      el.replaceChildren(...rows);
      el.dataset.ready = key;
    })
    .catch((err: unknown) => {
      el.replaceChildren(h('p', { class: 'err' }, [err instanceof Error ? err.message : String(err)]));
    });
  return el;
}
