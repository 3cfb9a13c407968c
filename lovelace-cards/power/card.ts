/** `custom:myelectricaldata-power-card`: daily maximum power against the subscribed power. */
import { html, nothing, type TemplateResult } from 'lit';
import { barChart } from '../shared/bar-chart.js';
import { BaseCard } from '../shared/base-card.js';
import type { Hass } from '../shared/hass.js';
import { pdlsAmong } from '../shared/statistic-ids.js';
import { ourStatisticIds } from '../shared/statistics.js';
import { POWER_CARD, type PowerCardConfig, parsePowerConfig, powerEntities } from './config.js';
import { type DayMax, dailyMax, type HistoryState, overThreshold } from './daily-max.js';

export class PowerCard extends BaseCard<PowerCardConfig> {
  static override properties = { ...BaseCard.properties, days: { state: true }, failure: { state: true } };
  days?: DayMax[];
  failure?: string;
  private loadedKey?: string;
  protected parse = parsePowerConfig;

  static async getConfigElement(): Promise<HTMLElement> {
    await import('./editor.js');
    return document.createElement(`${POWER_CARD}-editor`);
  }

  static async getStubConfig(hass: Hass): Promise<Record<string, unknown>> {
    const [pdl] = pdlsAmong(await ourStatisticIds(hass).catch(() => []));
    return { pdl: pdl ?? '12345678901234' };
  }

  getGridOptions() {
    return { columns: 12, rows: 4, min_columns: 6, min_rows: 3 };
  }

  protected override willUpdate(): void {
    const { config, hass } = this;
    if (!config || !hass) return;
    // One history call per config and hour.
    const key = `${JSON.stringify(config)}|${Math.floor(Date.now() / 3_600_000)}`;
    if (this.loadedKey === key) return;
    this.loadedKey = key;
    const entity = powerEntities(config.pdl).maxPower;
    hass
      .callWS<Record<string, HistoryState[] | undefined>>({
        type: 'history/history_during_period',
        start_time: new Date(Date.now() - (config.days + 2) * 86_400_000).toISOString(),
        entity_ids: [entity],
        minimal_response: false,
        no_attributes: false,
        significant_changes_only: false,
      })
      .then((r) => {
        this.days = dailyMax(r[entity], hass.config.time_zone).slice(-config.days);
        this.failure = undefined;
      })
      .catch((e: unknown) => (this.failure = (e as { message?: string }).message ?? String(e)));
  }

  protected renderCard(config: PowerCardConfig, hass: Hass): TemplateResult {
    const ratio = hass.states[powerEntities(config.pdl).ratio];
    const kva = Number(ratio?.attributes.subscribed_power_kva ?? Number.NaN);
    const head = html`<div class="header"><h2>${config.title ?? this.t('max_power')}</h2>
      ${Number.isFinite(kva) ? html`<span class="muted subscribed">${this.t('subscribed', { kva })}</span>` : nothing}</div>`;
    if (this.failure) return html`<ha-card>${head}<div class="error" role="alert">${this.failure}</div></ha-card>`;
    if (!this.days) return html`<ha-card>${head}<p class="muted">${this.t('loading')}</p></ha-card>`;
    if (!this.days.length)
      return html`<ha-card>${head}<p class="muted">${this.t('no_history', { entity: powerEntities(config.pdl).maxPower })}</p></ha-card>`;
    const { limitVa, over } = Number.isFinite(kva)
      ? overThreshold(this.days, kva, config.threshold)
      : { limitVa: undefined, over: [] as string[] };
    const kvaText = (va: number) =>
      `${new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(va / 1000)} kVA`;
    const dayText = (d: string) =>
      new Intl.DateTimeFormat(this.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(d));
    const bars = this.days.map((d) => {
      const high = over.includes(d.date);
      return {
        label: dayText(d.date),
        title: `${dayText(d.date)}: ${kvaText(d.va)}`,
        total: d.va / 1000,
        segments: [
          {
            value: d.va / 1000,
            colour: high ? 'var(--error-color, #db4437)' : 'var(--primary-color, #03a9f4)',
            title: kvaText(d.va),
          },
        ],
        highlight: high,
      };
    });
    const peak = this.days.reduce((a, d) => (d.va > a.va ? d : a));
    return html`<ha-card>${head}
      <div class="totals"><span class="big peak">${kvaText(peak.va)}</span> <span class="muted">${dayText(peak.date)}</span></div>
      <figure role="img" aria-label="${this.t('max_power')}" style="margin:0">${barChart(bars, { threshold: limitVa !== undefined ? limitVa / 1000 : undefined, format: (x) => x.toFixed(1) })}</figure>
      ${limitVa !== undefined ? html`<p class="muted over">${this.t('over_threshold', { n: over.length, pct: config.threshold })}</p>` : nothing}
      <table class="sr-only"><tbody>${this.days.map((d) => html`<tr data-va=${d.va} data-date=${d.date}><td>${dayText(d.date)}</td><td>${kvaText(d.va)}</td></tr>`)}</tbody></table>
    </ha-card>`;
  }
}
