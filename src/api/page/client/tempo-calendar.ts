/**
 * The Tempo calendar of the current season (1 September to 31 August): one row per month, one cell per
 * day in its colour from `api/tempo` (tomorrow's too once published), with the days of each colour
 * against the season's allowance, and the season as CSV.
 */
import type { TempoView } from './api-types.js';
import { csvLink } from './csv-download.js';
import { addDays, addMonths, addYears, type Day } from './dates.js';
import { byId, h } from './dom.js';
import * as api from './energy-api.js';
import { longDay, monthName } from './format.js';
import { T } from './i18n.js';

/** Days of each colour in a season (RTE's rules). */
const ALLOWANCE = { BLUE: 300, WHITE: 43, RED: 22 } as const;
const WORD = { BLUE: 'tempoBlue', WHITE: 'tempoWhite', RED: 'tempoRed' } as const;

export function seasonOf(today: Day): api.Range {
  const y = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0);
  const start = `${String(y).padStart(4, '0')}-09-01`;
  return { start, end: addYears(start, 1) };
}

function monthRow(first: Day, colours: Map<string, TempoView['color']>, today: Day): HTMLElement {
  const next = addMonths(first, 1);
  const cells: HTMLElement[] = [h('th', { scope: 'row' }, [monthName(first)])];
  for (let d = first, i = 0; i < 31; i++, d = addDays(d, 1)) {
    if (d >= next) {
      cells.push(h('td', { class: 'void' }));
      continue;
    }
    const c = colours.get(d);
    const text = `${longDay(d)}: ${c ? T[WORD[c]] : T.unknown}`;
    const attrs: Record<string, string> = {
      class: `d ${c ?? 'none'}${d === today ? ' today' : ''}`,
      title: text,
      'data-date': d,
    };
    if (c) attrs['data-color'] = c;
    cells.push(h('td', attrs, [h('span', { class: 'sr-only' }, [text])]));
  }
  return h('tr', {}, cells);
}

function counts(rows: readonly TempoView[]): HTMLElement {
  const n = { BLUE: 0, WHITE: 0, RED: 0 };
  for (const r of rows) n[r.color]++;
  const items = (Object.keys(n) as (keyof typeof n)[]).map((c) =>
    h('li', { 'data-count': c }, [h('i', { class: `d ${c}` }), `${T[WORD[c]]} ${n[c]} / ${ALLOWANCE[c]}`]),
  );
  return h('ul', { class: 'legend tempo-counts' }, items);
}

let loaded = '';

export async function renderTempo(today: Day, syncKey: string): Promise<void> {
  const key = `${today}|${syncKey}`;
  if (key === loaded) return;
  loaded = key;
  const season = seasonOf(today);
  const rows = await api.tempo(season);
  const card = byId('tempo-card');
  card.hidden = rows.length === 0;
  const colours = new Map(rows.map((r) => [r.date, r.color]));
  const months: HTMLElement[] = [];
  for (let m = season.start; m < season.end; m = addMonths(m, 1)) months.push(monthRow(m, colours, today));
  const title = `${T.tempo} ${season.start.slice(0, 4)}–${season.end.slice(0, 4)}`;
  byId('tempo-title').textContent = title;
  byId('tempo-body').replaceChildren(
    counts(rows),
    h('div', { class: 'table' }, [h('table', { class: 'tempo' }, [h('tbody', {}, months)])]),
    h('p', { class: 'csv-links' }, [csvLink(api.tempoUrl(season), T.tempo)]),
  );
  card.dataset.ready = key;
}
