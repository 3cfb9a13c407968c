/**
 * The "Last errors" card: the last run's error, the configuration warnings (a selected PDL the account
 * does not have), then every stream's error; shown only when there is one.
 */
import type { StatusView, StreamView } from './api-types.js';
import { byId, h } from './dom.js';
import { when } from './format.js';
import { word } from './i18n.js';

function streamErrors(who: string, streams: StreamView[]): HTMLElement[] {
  return streams
    .filter((st) => st.lastError)
    .map((st) => h('li', {}, [h('strong', {}, [`${who}${word(st.stream) || st.stream}: `]), st.lastError]));
}

export function renderErrors(s: StatusView, now: number): void {
  const items: HTMLElement[] = [];
  if (s.lastError) items.push(h('li', {}, [s.lastError.message, ' ', h('small', {}, [when(s.lastError.at, now)])]));
  for (const warning of s.warnings ?? []) items.push(h('li', {}, [warning]));
  for (const p of s.pdls) items.push(...streamErrors(`${p.name || p.pdl} · `, p.streams));
  items.push(...streamErrors('', s.global));
  byId('errors-card').hidden = items.length === 0;
  byId('errors').replaceChildren(...items);
}
