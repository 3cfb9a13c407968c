/**
 * A card editor built on Home Assistant's `ha-form` with selectors. A field with `pdlField` shows our
 * statistics in a statistic selector and stores the PDLs they belong to. Every change is sent as
 * `config-changed`, the event the dashboard editor listens to.
 */
import { html, LitElement, type TemplateResult } from 'lit';
import { type Hass, langOf } from './hass.js';
import { pdlsAmong } from './statistic-ids.js';

export interface EditorField {
  name: string;
  selector: Record<string, unknown>;
  /** The config key holding PDLs (this field shows their consumption statistics). */
  pdlField?: string;
}

const NAMES: Record<string, [string, string]> = {
  title: ['Title', 'Titre'],
  statistics: ['Linky statistics', 'Statistiques Linky'],
  period: ['Bar width', 'Largeur des barres'],
  count: ['Number of bars', 'Nombre de barres'],
  metric: ['Energy or cost', 'Énergie ou coût'],
  direction: ['Consumption or production', 'Consommation ou production'],
  stack: ['Split bars', 'Détail des barres'],
  compare: ['Compare with', 'Comparer avec'],
  energy_date_selection: ['Follow the Energy Dashboard dates', 'Suivre les dates du tableau Énergie'],
  collection_key: ['Date picker key (collection_key)', 'Clé du sélecteur de dates (collection_key)'],
  show_totals: ['Show totals', 'Afficher les totaux'],
  threshold: ['Highlight above (% of subscribed)', 'Surligner au-delà (% de la souscrite)'],
  days: ['Days shown', 'Jours affichés'],
  api_url: ['Local API address (data quality, sync now)', "Adresse de l'API locale (qualité, synchro)"],
  pdl: ['PDL', 'PDL'],
  offpeak: ['Off-peak hours (e.g. 22:00-06:00)', 'Heures creuses (ex. 22:00-06:00)'],
  prices: ['Prices per kWh (blue_hp, blue_hc … red_hc)', 'Prix du kWh (blue_hp, blue_hc … red_hc)'],
};

export function defineEditor(tag: string, fields: readonly EditorField[]): void {
  if (customElements.get(tag)) return;
  class Editor extends LitElement {
    static override properties = { hass: { attribute: false }, config: { state: true } };
    hass?: Hass;
    config: Record<string, unknown> = {};

    setConfig(config: Record<string, unknown>): void {
      this.config = config;
    }

    private data(): Record<string, unknown> {
      const data: Record<string, unknown> = { ...this.config };
      for (const f of fields) {
        if (!f.pdlField) continue;
        const pdls = (this.config[f.pdlField] as string[] | undefined) ?? [];
        data[f.name] = pdls.map((p) => `myelectricaldata:${p}_consumption`);
      }
      return data;
    }

    private changed(ev: CustomEvent<{ value: Record<string, unknown> }>): void {
      const value = { ...ev.detail.value };
      for (const f of fields) {
        if (!f.pdlField) continue;
        const ids = (value[f.name] as string[] | undefined) ?? [];
        value[f.pdlField] = pdlsAmong(ids);
        delete value[f.name];
      }
      for (const [k, v] of Object.entries(value)) if (v === '' || v === undefined) delete value[k];
      this.config = value;
      this.dispatchEvent(
        new CustomEvent('config-changed', { detail: { config: value }, bubbles: true, composed: true }),
      );
    }

    override render(): TemplateResult {
      const fr = langOf(this.hass) === 'fr' ? 1 : 0;
      return html`<ha-form
        .hass=${this.hass}
        .data=${this.data()}
        .schema=${fields.map(({ name, selector }) => ({ name, selector }))}
        .computeLabel=${(s: { name: string }) => NAMES[s.name]?.[fr] ?? s.name}
        @value-changed=${this.changed}
      ></ha-form>`;
    }
  }
  customElements.define(tag, Editor);
}
