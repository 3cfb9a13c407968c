/** `custom:myelectricaldata-tempo-card`: today's and tomorrow's colour, days left, current period and price. */
import { html, nothing, type TemplateResult } from 'lit';
import { BaseCard } from '../shared/base-card.js';
import type { Hass } from '../shared/hass.js';
import { COLOURS } from '../shared/styles.js';
import { parseTempoConfig, TEMPO_CARD, TEMPO_ENTITIES, type TempoCardConfig } from './config.js';
import { colourOfState, tempoPeriodAt } from './tempo-day.js';

export class TempoCard extends BaseCard<TempoCardConfig> {
  protected parse = parseTempoConfig;

  static async getConfigElement(): Promise<HTMLElement> {
    await import('./editor.js');
    return document.createElement(`${TEMPO_CARD}-editor`);
  }

  static getStubConfig(): Record<string, unknown> {
    return {};
  }

  getGridOptions() {
    return { columns: 6, rows: 3, min_columns: 4, min_rows: 2 };
  }

  override getCardSize(): number {
    return 3;
  }

  private day(hass: Hass, which: 'today' | 'tomorrow'): TemplateResult {
    const colour = colourOfState(hass.states[TEMPO_ENTITIES[which]]?.state);
    const name = colour ? this.t(colour) : this.t('not_published');
    return html`<div class="day ${colour ?? 'unknown'}" role="group" aria-label="${this.t(which)}: ${name}">
      <span class="dot" style="background:${colour ? COLOURS[colour] : 'transparent'}"></span>
      <span><span class="muted">${this.t(which)}</span><br /><strong>${name}</strong></span>
    </div>`;
  }

  protected renderCard(config: TempoCardConfig, hass: Hass): TemplateResult {
    const today = colourOfState(hass.states[TEMPO_ENTITIES.today]?.state);
    const period = tempoPeriodAt(Date.now(), hass.config.time_zone, config.offpeak);
    const price = today ? config.prices[`${today}_${period}`] : undefined;
    const left = (['blue', 'white', 'red'] as const).map((c) => ({ c, n: hass.states[TEMPO_ENTITIES[c]]?.state }));
    return html`<ha-card>
      <div class="header"><h2>${config.title ?? 'Tempo'}</h2></div>
      <div class="days" style="display:flex;gap:16px;margin:8px 0">${this.day(hass, 'today')}${this.day(hass, 'tomorrow')}</div>
      <p class="now"><span class="muted">${this.t('current_period')}:</span> <strong>${this.t(today ? (`${today}_${period}` as const) : period)}</strong>
        ${price !== undefined ? html` · ${this.t('price')} <strong class="price">${new Intl.NumberFormat(this.locale, { style: 'currency', currency: hass.config.currency ?? 'EUR', maximumFractionDigits: 4 }).format(price)}/kWh</strong>` : nothing}</p>
      <p class="muted" style="margin:4px 0">${this.t('days_left')}</p>
      <ul class="legend left">${left.map(({ c, n }) => html`<li data-colour=${c}><i style="background:${COLOURS[c]}"></i>${this.t(c)}: <strong>${n ?? '—'}</strong></li>`)}</ul>
    </ha-card>`;
  }
}
