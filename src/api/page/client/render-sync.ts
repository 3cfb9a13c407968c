/** The Synchronisation card: the pill, the last run or the progress, the button and the schedule facts. */
import type { StatusView } from './api-types.js';
import { byId, h } from './dom.js';
import { duration, when } from './format.js';
import { T, t, word } from './i18n.js';
import { fact, quota, whenNode } from './widgets.js';

function pill(s: StatusView): void {
  const p = s.progress;
  const el = byId('pill');
  el.className = `pill ${s.running ? 'busy' : s.lastRun.ok === false ? 'bad' : s.lastRun.ok ? 'ok' : ''}`;
  el.textContent = s.running
    ? T.pillRunning + (p ? ` ${p.percent} %` : '')
    : s.lastRun.ok === false
      ? T.pillFailed
      : s.lastRun.ok
        ? T.pillOk
        : T.pillNever;
}

function state(s: StatusView, now: number): string {
  if (s.running) return s.progress?.message || T.syncing;
  if (!s.lastRun.finishedAt) return T.noRunYet;
  return `${T.lastFinished} ${when(s.lastRun.finishedAt, now)} · ${t('calls', { n: s.lastRun.calls })}`;
}

function progress(s: StatusView): void {
  const p = s.progress;
  byId('progress').hidden = !s.running;
  if (!s.running || !p) return;
  byId('bar-fill').style.width = `${p.percent}%`;
  const parts = [`${p.done} / ${p.total}`, `${p.percent} %`];
  if (p.etaMs !== null) parts.push(t('eta', { t: duration(p.etaMs) }));
  if (p.pdl) parts.push(p.pdl + (p.stream ? ` · ${word(p.stream) || p.stream}` : ''));
  byId('progress-text').textContent = parts.join(' · ');
}

function facts(s: StatusView, now: number): HTMLElement[] {
  const q = s.quota;
  const list = [
    fact(T.nextSync, whenNode(s.schedule.nextDailySync, now, T.notScheduled)),
    fact(T.nextTempo, whenNode(s.schedule.nextTempo, now, T.notScheduled)),
    fact(T.nextEcoWatt, whenNode(s.schedule.nextEcoWatt, now, T.notScheduled)),
    fact(
      T.quota,
      h('span', {}, [
        quota(q.cachedUsed, q.cachedLimit, T.cached),
        ' · ',
        quota(q.noCacheUsed, q.noCacheLimit, T.live),
      ]),
    ),
  ];
  if (q.pausedUntil) list.push(fact(T.pausedUntil, whenNode(q.pausedUntil, now)));
  return list;
}

export function renderSync(s: StatusView, now: number): void {
  pill(s);
  byId('sync-state').textContent = state(s, now);
  progress(s);
  const button = byId<HTMLButtonElement>('sync-now');
  button.disabled = s.running;
  button.textContent = s.running ? T.syncing : T.syncNow;
  byId('facts').replaceChildren(...facts(s, now));
}
