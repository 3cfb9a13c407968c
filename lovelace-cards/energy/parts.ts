/** Pieces of the energy card around its chart: totals, legend, data-quality notes, the hidden table. */
import { html, nothing, type TemplateResult } from 'lit';
import type { LabelKey } from '../shared/labels.js';
import type { EnergyCardConfig } from './config.js';
import type { BarQuality } from './quality.js';
import type { EnergyView } from './view-model.js';

type T = (key: LabelKey, vars?: Record<string, string | number>) => string;
type Fmt = (x: number) => string;

export const daysText = (t: T, n: number): string => (n === 1 ? t('one_day') : t('n_days', { n }));

/** ` · derived from the load curve: 2 days · missing: 1 day` (empty when every day is measured). */
export function qualityText(t: T, q: BarQuality): string {
  const parts = [
    q.derived ? t('derived_n', { n: daysText(t, q.derived) }) : '',
    q.missing ? t('missing_n', { n: daysText(t, q.missing) }) : '',
  ].filter(Boolean);
  return parts.map((p) => ` · ${p}`).join('');
}

export function totalsPart(t: T, v: EnergyView, config: EnergyCardConfig, fmt: Fmt): TemplateResult {
  const cmp = v.compareTotal;
  const delta = cmp ? Math.round(((v.total - cmp) / cmp) * 100) : null;
  const raw = qualityText(t, { derived: v.derivedDays ?? 0, missing: v.missingDays ?? 0 }).replace(/^ · /, '');
  const note = raw.charAt(0).toUpperCase() + raw.slice(1);
  const compareLabel = t(config.compare === 'previous' ? 'previous' : 'last_year');
  return html`<div class="totals"><span class="big total">${fmt(v.total)}</span>
    ${
      v.productionTotal !== null
        ? html`<span class="muted production-total">${t('production')}: ${fmt(v.productionTotal)}</span>
      <span class="muted net-total">${t('net')}: ${fmt(v.total - v.productionTotal)}</span>`
        : nothing
    }
    ${cmp !== null ? html`<span class="muted compare-total">${compareLabel}: ${fmt(cmp)}${delta !== null ? ` (${delta > 0 ? '+' : ''}${delta} %)` : ''}</span>` : nothing}
    ${note ? html`<span class="muted quality-total">${note}</span>` : nothing}</div>`;
}

export function legendPart(t: T, v: EnergyView, config: EnergyCardConfig): TemplateResult {
  const compare =
    v.compareTotal !== null
      ? html`<li><i style="background:var(--primary-text-color, #212121);height:2px"></i>${t(config.compare === 'previous' ? 'previous' : 'last_year')}</li>`
      : nothing;
  const first = v.legend[0]?.colour ?? 'var(--primary-color)';
  return html`<ul class="legend">${v.legend.map((l) => html`<li><i style="background:${l.colour}"></i>${l.key}</li>`)}${compare}
    ${v.derivedDays ? html`<li class="legend-derived"><i class="derived" style="background:${first}"></i>${t('derived_legend')}</li>` : nothing}
    ${v.missingDays || v.missing ? html`<li class="legend-missing"><i class="missing"></i>${t('missing_legend')}</li>` : nothing}</ul>`;
}

/** The values as a table for screen readers (and for tests: the numbers the chart draws). */
export function tablePart(t: T, v: EnergyView, fmt: Fmt): TemplateResult {
  const quality = (i: number) => v.bars[i]?.quality ?? '';
  return html`<table class="sr-only"><thead><tr><th>${t('date')}</th><th>${t('value')}</th>${v.production ? html`<th>${t('production')}</th><th>${t('net')}</th>` : nothing}</tr></thead><tbody>
    ${v.bars.map((_, i) => {
      const c = v.totals[i] ?? null;
      const p = v.production?.[i] ?? null;
      const net = c !== null && p !== null ? c - p : null;
      return html`<tr data-total=${c ?? ''} data-quality=${quality(i)} data-production=${v.production ? (p ?? '') : nothing} data-net=${v.production ? (net ?? '') : nothing}>
        <td>${v.labels[i]}${v.notes[i]}</td><td>${c === null ? '—' : fmt(c)}</td>
        ${v.production ? html`<td>${p === null ? '—' : fmt(p)}</td><td>${net === null ? '—' : fmt(net)}</td>` : nothing}</tr>`;
    })}
  </tbody></table>`;
}
