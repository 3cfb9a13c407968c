/**
 * The HTML of `GET /`: a shell the browser script (client/, bundled: page-script.ts) fills from
 * `api/status`, `api/pdls` and the energy routes. Everything is inline (CSS, JS, icon) and every link is relative; with a
 * known prefix (`X-Ingress-Path`) a `<base>` makes those links absolute under it.
 */
import { LABELS } from './labels.js';
import { STYLE } from './style.js';
import { CHART_STYLE } from './style-charts.js';

export interface PageOptions {
  version: string;
  /** Path prefix the page is served under, without trailing slash ('' for none). */
  prefix: string;
  /** CSP nonce of the inline style and script. */
  nonce: string;
  /** The bundled browser script (`pageScript()`); it reads `LABELS`, set by the script before it. */
  script: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON safe to embed in a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderStatusPage(o: PageOptions): string {
  const nonce = escapeHtml(o.nonce);
  const base = o.prefix ? `<base href="${escapeHtml(o.prefix)}/">` : '';
  const en = LABELS.en;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MyElectricalData · ${en.subtitle}</title>
${base}
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ctext y='14' font-size='14'%3E%E2%9A%A1%3C/text%3E%3C/svg%3E">
<style nonce="${nonce}">${STYLE}${CHART_STYLE}</style>
</head>
<body data-state="loading">
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true">⚡</span>
    <div><h1>MyElectricalData</h1><p class="sub" data-t="subtitle">${en.subtitle}</p></div></div>
  <div class="top-right"><button id="lang" type="button" class="ghost" data-t="language">${en.language}</button>
  <span id="pill" class="pill">…</span></div>
</header>
<main>
  <section class="card" id="sync-card">
    <div class="card-head"><h2 data-t="sync">${en.sync}</h2>
      <button id="sync-now" type="button" data-t="syncNow">${en.syncNow}</button></div>
    <p id="sync-state" class="state"></p>
    <div id="progress" class="progress" hidden><div class="bar"><span id="bar-fill"></span></div><p id="progress-text"></p></div>
    <dl id="facts" class="facts"></dl>
    <details id="history-box" class="values"><summary><span data-t="runHistory">${en.runHistory}</span> (<span id="history-count">0</span>)</summary><div id="sync-history"></div></details>
    <p id="notice" role="status" aria-live="polite"></p>
  </section>
  <section class="card errors" id="errors-card" hidden><h2 data-t="errors">${en.errors}</h2><ul id="errors"></ul></section>
  <div id="overviews" class="pdls"></div>
  <section class="card" id="charts-card" hidden><div class="card-head"><h2 data-t="charts">${en.charts}</h2>
    <div id="chart-controls"></div></div><div id="chart-body"><p class="none" data-t="loading">${en.loading}</p></div></section>
  <section class="card" id="tempo-card" hidden><h2 id="tempo-title" data-t="tempo">${en.tempo}</h2><div id="tempo-body"></div></section>
  <h2 id="held-title" class="section-title" data-t="dataHeld">${en.dataHeld}</h2>
  <div id="pdls" class="pdls"></div>
  <section class="card" id="exporters-card" hidden><h2 data-t="exporters">${en.exporters}</h2><div id="exporters"></div></section>
  <section class="card" id="config-card" hidden><details><summary><h2 data-t="configuration">${en.configuration}</h2></summary>
    <p class="muted" data-t="configNote">${en.configNote}</p><div id="config"></div></details></section>
</main>
<footer><span id="version">v${escapeHtml(o.version)}</span> · <a href="api/status">api/status</a> ·
  <a href="api/pdls">api/pdls</a> · <a href="api/health">api/health</a></footer>
<noscript><p class="card">This page needs JavaScript; the JSON is at <a href="api/status">api/status</a>.</p></noscript>
<script nonce="${nonce}">var LABELS = ${scriptJson(LABELS)};</script>
<script nonce="${nonce}">${o.script}</script>
</body>
</html>
`;
}
