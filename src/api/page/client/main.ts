/**
 * Browser code of the page, bundled by esbuild into one inline script (bundle-options.ts). It renders
 * `api/status` and `api/pdls`, then per PDL its overview, the charts and the Tempo calendar from the
 * energy routes, with DOM nodes and text only (no HTML from data), refreshes every
 * 2 s while a sync runs and every 30 s otherwise, and posts `api/sync` for "Sync now" (through
 * `api-fetch.ts`, which adds the API token when the server asks for one). Every URL is
 * relative, so the page works behind any path prefix.
 */
import { getJson, postJson, ServerError, TokenMissing } from './api-fetch.js';
import type { PdlView, StatusView } from './api-types.js';
import { updateCharts } from './charts.js';
import { parisDay } from './dates.js';
import { byId } from './dom.js';
import { fr, lang, switchLanguage, T, word } from './i18n.js';
import { renderConfig } from './render-config.js';
import { renderErrors } from './render-errors.js';
import { renderExporters } from './render-exporters.js';
import { renderHistory } from './render-history.js';
import { renderPdls } from './render-pdls.js';
import { renderSync } from './render-sync.js';
import { renderTempo } from './tempo-calendar.js';

let timer: ReturnType<typeof setTimeout> | undefined;

function notice(text: string, kind: string): void {
  const el = byId('notice');
  el.textContent = text;
  el.dataset.kind = kind;
}

function schedule(ms: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void refresh(), ms);
}

async function refresh(): Promise<void> {
  try {
    const [s, metas] = await Promise.all([
      getJson<StatusView>('api/status'),
      getJson<PdlView[]>('api/pdls').catch(() => null),
    ]);
    const now = Date.parse(s.now);
    document.body.dataset.state = s.running ? 'running' : 'idle';
    renderSync(s, now);
    renderHistory(s);
    renderErrors(s, now);
    renderExporters(s, now);
    const day = { today: parisDay(s.now), syncKey: s.lastRun.finishedAt ?? '' };
    renderPdls(s, metas, now, day);
    updateCharts(metas, day.today, day.syncKey, s.pdls);
    renderTempo(day.today, day.syncKey).catch(() => {
      byId('tempo-card').hidden = true;
    });
    byId('version').textContent = `v${s.version}`;
    if (byId('notice').dataset.kind === 'offline') notice('', '');
    schedule(s.running ? 2000 : 30_000);
  } catch (err) {
    const pill = byId('pill');
    pill.className = 'pill bad';
    pill.textContent = err instanceof TokenMissing ? T.pillLocked : T.pillOffline;
    if (err instanceof TokenMissing || err instanceof ServerError) {
      notice(err.message, 'error');
      if (err instanceof ServerError) schedule(30_000);
      return;
    }
    notice(T.offline, 'offline');
    schedule(5000);
  }
}

async function syncNow(): Promise<void> {
  byId<HTMLButtonElement>('sync-now').disabled = true;
  try {
    const r = await postJson('api/sync');
    if (r.status === 202) notice(T.started, 'ok');
    else if (r.status === 409) notice(T.alreadyRunning, 'info');
    else {
      const body = (await r.json()) as { error?: { message: string } };
      notice(body.error ? body.error.message : `HTTP ${r.status}`, 'error');
    }
  } catch (err) {
    notice(err instanceof TokenMissing ? err.message : T.offline, err instanceof TokenMissing ? 'error' : 'offline');
  }
  await refresh();
}

if (!location.pathname.endsWith('/')) {
  history.replaceState(null, '', `${location.pathname}/${location.search}${location.hash}`);
}
byId('sync-now').addEventListener('click', () => void syncNow());
const langButton = byId('lang');
langButton.addEventListener('click', () => switchLanguage(lang === 'fr' ? 'en' : 'fr'));
document.documentElement.lang = fr ? 'fr' : 'en';
for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = word(el.dataset.t ?? '') ?? '';
langButton.setAttribute('aria-label', T.languageName);
langButton.setAttribute('lang', fr ? 'en' : 'fr');
void refresh();
void renderConfig();
