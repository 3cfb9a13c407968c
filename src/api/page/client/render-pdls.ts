/** One card per PDL (its contract summary and the data held per stream), then Tempo and EcoWatt. */
import type { PdlStatusView, PdlView, StatusView, StreamView } from './api-types.js';
import { byId, h } from './dom.js';
import { held } from './format.js';
import { T, t, word } from './i18n.js';
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

function pdlCard(p: PdlStatusView, meta: PdlView | undefined, now: number): HTMLElement {
  const badges = [badge(p.isActive, p.isActive ? T.active : T.inactive)];
  if (p.hasConsumption) badges.push(badge(true, T.consumption));
  if (p.hasProduction) badges.push(badge(true, T.production));
  if (!p.selected) badges.push(badge(false, T.notSelected));
  const title = h('div', {}, [
    h('h2', {}, [p.name || `PDL ${p.pdl}`]),
    p.name ? h('span', { class: 'pdl-id' }, [p.pdl]) : null,
  ]);
  return h('section', { class: 'card pdl', 'data-pdl': p.pdl }, [
    h('div', { class: 'card-head' }, [title, h('div', { class: 'badges' }, badges)]),
    pdlMeta(meta),
    streamTable(p.streams, now),
  ]);
}

/** `metas` is null when `api/pdls` failed: the cards then show no contract summary. */
export function renderPdls(s: StatusView, metas: PdlView[] | null, now: number): void {
  const byPdl = new Map((metas ?? []).map((m) => [m.pdl, m]));
  const cards = s.pdls.map((p) => pdlCard(p, byPdl.get(p.pdl), now));
  if (s.global.length) {
    cards.push(h('section', { class: 'card' }, [h('h2', {}, [T.globalData]), streamTable(s.global, now)]));
  }
  if (!s.pdls.length) cards.unshift(h('section', { class: 'card empty' }, [T.noPdl]));
  byId('pdls').replaceChildren(...cards);
}
