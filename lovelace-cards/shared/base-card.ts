/**
 * The base of every card: keeps `hass`, validates the config in `setConfig` and, when it is wrong,
 * shows the reason inside the card (so the dashboard still loads and says what to fix).
 */
import { html, LitElement, type TemplateResult } from 'lit';
import { type Hass, type Lang, langOf, localeOf } from './hass.js';
import { type LabelKey, label } from './labels.js';
import { cardStyles } from './styles.js';

export abstract class BaseCard<C> extends LitElement {
  static override styles = cardStyles;
  static override properties = { hass: { attribute: false }, config: { state: true }, configError: { state: true } };

  hass?: Hass;
  config?: C;
  configError?: string;

  protected abstract parse(input: unknown): C;
  protected abstract renderCard(config: C, hass: Hass): TemplateResult;

  setConfig(input: unknown): void {
    try {
      this.config = this.parse(input);
      this.configError = undefined;
    } catch (error) {
      this.config = undefined;
      this.configError = (error as Error).message;
    }
  }

  get lang(): Lang {
    return langOf(this.hass);
  }

  get locale(): string {
    return localeOf(this.hass);
  }

  t(key: LabelKey, vars?: Record<string, string | number>): string {
    return label(this.lang, key, vars);
  }

  getCardSize(): number {
    return 5;
  }

  override render(): TemplateResult {
    if (this.configError) {
      return html`<ha-card><div class="error" role="alert"><strong>${this.t('config_error')}</strong>
${this.configError}</div></ha-card>`;
    }
    if (!this.config || !this.hass) return html`<ha-card><p class="muted">${this.t('loading')}</p></ha-card>`;
    return this.renderCard(this.config, this.hass);
  }
}

interface CustomCardEntry {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

/** Defines the element once (the bundle may load twice) and lists it in the card picker. */
export function registerCard(
  tag: string,
  element: CustomElementConstructor,
  entry: Omit<CustomCardEntry, 'type'>,
): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, element);
  const w = window as unknown as { customCards?: CustomCardEntry[] };
  w.customCards = w.customCards || [];
  w.customCards.push({ type: tag, preview: true, documentationURL: DOCS_URL, ...entry });
}

export const DOCS_URL =
  'https://github.com/MyElectricalData/myelectricaldata-client-local/blob/main/docs/lovelace-cards.md';
