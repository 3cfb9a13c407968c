/**
 * Per PDL an overview card (contract summary, yesterday / month / year) at the top, and a status card (the
 * data held per stream) lower down, then Tempo and EcoWatt.
 */
import type { PdlStatusView, PdlView, StatusView, StreamView } from './api-types.js';
import { byId, h } from './dom.js';
import { held } from './format.js';
import { T, t, word } from './i18n.js';
import { overviewOf } from './overview.js';
import { table, whenNode } from './widgets.js';

function streamRow(st: StreamView, now: number): HTMLElement {
  const extra: string[] = [];
  if (st.missingDays) extra.push(t('missing', { n: st.missingDays }));
  if (st.givenUpDays) extra.push(t('givenUp', { n: st.givenUpDays }));
  const state = st.lastError
    ? h('td', { class: 'err' }, [st.lastError])
    : h('td', { class: st.lastSuccessAt ? 'good' : 'muted' }, [st.lastSuccessAt ? `✓ ${T.ok}` : '—']);
  return h('tr', {}, [
    h('td', {}, [word(st.stream) || st.stream, extra.length ? h('small', {}, [extra.join(' · ')]) : null]),
    h('td', {}, [held(st)]),
    h('td', {}, [whenNode(st.lastSuccessAt, now)]),
    state,
  ]);
}

function streamTable(streams: StreamView[], now: number): HTMLElement {
  if (!streams.length) return h('p', { class: 'none' }, [T.noData]);
  const rows = streams.map((st) => streamRow(st, now));
  return table([T.stream, T.held, T.lastSuccess, T.state], rows);
}

/** "9 kVA · HC_HP · off-peak 22:00–06:00 · 75001 PARIS · SERVC", from `api/pdls`. */
function pdlMeta(m: PdlView | undefined): HTMLElement | null {
  if (!m) return null;
  const bits: string[] = [];
  if (m.subscribedPowerKva !== null) bits.push(`${m.subscribedPowerKva} kVA`);
  if (m.pricingOption) bits.push(m.pricingOption);
  if (m.offpeakHours.length) {
    bits.push(`${T.offpeak} ${m.offpeakHours.map((r) => `${r.start}–${r.end}`).join(', ')}`);
  }
  if (m.address && (m.address.city || m.address.postalCode)) {
    bits.push([m.address.postalCode, m.address.city].filter(Boolean).join(' '));
  }
  if (m.contractStatus) bits.push(m.contractStatus);
  return bits.length ? h('p', { class: 'meta' }, [bits.join(' · ')]) : null;
}

const badge = (on: boolean, text: string) => h('span', { class: on ? 'badge on' : 'badge' }, [text]);

interface Day {
  today: string;
  syncKey: string;
}

function pdlTitle(p: { pdl: string; name: string | null }): HTMLElement {
  return h('div', {}, [
    h('h2', {}, [p.name || `PDL ${p.pdl}`]),
    p.name ? h('span', { class: 'pdl-id' }, [p.pdl]) : null,
  ]);
}

/** The PDL's status: what is held per stream. */
function pdlCard(p: PdlStatusView, now: number): HTMLElement {
  const badges = [badge(p.isActive, p.isActive ? T.active : T.inactive)];
  if (p.hasConsumption) badges.push(badge(true, T.consumption));
  if (p.hasProduction) badges.push(badge(true, T.production));
  if (!p.selected) badges.push(badge(false, T.notSelected));
  return h('section', { class: 'card pdl', 'data-pdl': p.pdl }, [
    h('div', { class: 'card-head' }, [pdlTitle(p), h('div', { class: 'badges' }, badges)]),
    streamTable(p.streams, now),
  ]);
}

/** The PDL's contract summary and overview (yesterday, month, year), from `api/pdls`. */
function overviewCard(meta: PdlView, day: Day): HTMLElement {
  const energy = meta.hasConsumption || meta.hasProduction;
  return h('section', { class: 'card', 'data-overview-card': meta.pdl }, [
    pdlTitle(meta),
    pdlMeta(meta),
    energy ? overviewOf(meta, day.today, day.syncKey) : null,
  ]);
}

/** `metas` is null when `api/pdls` failed: there is then no overview, only the status cards. */
export function renderPdls(s: StatusView, metas: PdlView[] | null, now: number, day: Day): void {
  const selected = new Set(s.pdls.filter((p) => p.selected).map((p) => p.pdl));
  const overviews = (metas ?? []).filter((m) => selected.has(m.pdl)).map((m) => overviewCard(m, day));
  const cards = s.pdls.map((p) => pdlCard(p, now));
  if (s.global.length) {
    cards.push(h('section', { class: 'card' }, [h('h2', {}, [T.globalData]), streamTable(s.global, now)]));
  }
  if (!s.pdls.length) overviews.unshift(h('section', { class: 'card empty' }, [T.noPdl]));
  byId('overviews').replaceChildren(...overviews);
  byId('pdls').replaceChildren(...cards);
  byId('held-title').hidden = cards.length === 0;
}
