/** The Synchronisation card's history: the last runs the API keeps (newest first) as a small table. */
import type { RunView, StatusView } from './api-types.js';
import { byId, h } from './dom.js';
import { time } from './format.js';
import { T, word } from './i18n.js';
import { table } from './widgets.js';

let shown = '';

const scopeText = (scope: string) => word(`scope_${scope}`) ?? scope;

function row(r: RunView): HTMLElement {
  const outcome = word(`outcome_${r.outcome}`) ?? r.outcome;
  const detail = r.error ? `${outcome}: ${r.error.message} (${r.error.code})` : outcome;
  return h('tr', { 'data-run': r.startedAt, 'data-outcome': r.outcome }, [
    h('td', {}, [h('time', { datetime: r.finishedAt }, [time(Date.parse(r.finishedAt))])]),
    h('td', {}, [scopeText(r.scope)]),
    h('td', { class: r.outcome === 'ok' ? '' : 'err' }, [detail]),
    h('td', { 'data-calls': String(r.calls) }, [String(r.calls)]),
  ]);
}

export function renderHistory(s: StatusView): void {
  const key = JSON.stringify(s.history);
  if (key === shown) return;
  shown = key;
  byId('history-count').textContent = String(s.history.length);
  byId('sync-history').replaceChildren(
    s.history.length
      ? table([T.runWhen, T.runScope, T.runOutcome, T.runCalls], s.history.map(row))
      : h('p', { class: 'muted' }, [T.noRunYet]),
  );
}
