/** The Exporters card: one row per running exporter, hidden when none runs. */
import type { ExporterView, StatusView } from './api-types.js';
import { byId, h } from './dom.js';
import { T, type WordKey, word } from './i18n.js';
import { table, whenNode } from './widgets.js';

const STATE_WORDS: Record<string, WordKey> = {
  idle: 'exporterIdle',
  running: 'exporterRunning',
  stopped: 'exporterStopped',
};

function exporterState(e: ExporterView): HTMLElement {
  if (e.state === 'ok') return h('td', { class: 'good' }, [`✓ ${T.ok}`]);
  if (e.state === 'error') return h('td', { class: 'err' }, [e.lastError || T.exporterError]);
  const key = STATE_WORDS[e.state];
  return h('td', { class: 'muted' }, [(key && T[key]) || e.state]);
}

/** The exporter's own counters ("states 24 · configsSent 3"): its plain values, without the reason. */
function exporterResult(r: Record<string, unknown> | null): string {
  if (!r) return '—';
  const shown = Object.entries(r).filter(
    ([k, v]) => k !== 'reason' && ['number', 'string', 'boolean'].includes(typeof v),
  );
  return shown.map(([k, v]) => `${k} ${String(v)}`).join(' · ') || '—';
}

export function renderExporters(s: StatusView, now: number): void {
  byId('exporters-card').hidden = s.exporters.length === 0;
  const rows = s.exporters.map((e) =>
    h('tr', { 'data-exporter': e.name }, [
      h('td', {}, [word(`exporter_${e.name.replace(/-/g, '_')}`) || e.name]),
      h('td', {}, [whenNode(e.lastRunAt, now)]),
      h('td', {}, [whenNode(e.lastSuccessAt, now)]),
      h('td', {}, [exporterResult(e.lastResult)]),
      exporterState(e),
    ]),
  );
  byId('exporters').replaceChildren(table([T.exporter, T.lastRun, T.lastSuccess, T.result, T.state], rows));
}
