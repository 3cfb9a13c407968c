/** `custom:myelectricaldata-energy-card`: energy or cost bars from our long-term statistics. */
import { html, nothing, type TemplateResult } from 'lit';
import type { StatResult } from '../shared/aggregate.js';
import { barChart } from '../shared/bar-chart.js';
import { BaseCard } from '../shared/base-card.js';
import { formatBucket, formatValue } from '../shared/format.js';
import type { Hass } from '../shared/hass.js';
import type { LabelKey } from '../shared/labels.js';
import {
  DEFAULT_COUNT,
  lastYearWindow,
  type Period,
  shiftWindow,
  type Window,
  windowBetween,
  windowEndingAt,
} from '../shared/periods.js';
import { pdlsAmong } from '../shared/statistic-ids.js';
import { fetchStatistics, ourStatisticIds } from '../shared/statistics.js';
import { ENERGY_CARD, type EnergyCardConfig, parseEnergyConfig } from './config.js';
import { type EnergyRange, periodForRange, subscribeEnergyRange } from './date-selection.js';
import { legendPart, qualityText, tablePart, totalsPart } from './parts.js';
import { barQualities, dayCounts, fetchQualities, type Qualities } from './quality.js';
import type { Series } from './stacking.js';
import { idsToFetch } from './stacking.js';
import { type EnergyView, energyView, mainDirection } from './view-model.js';

/** Axis ticks (0, half, max of a nice scale): whole numbers as they are, else one decimal (12.5, 0.5). */
const axisNumber = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

interface Loaded {
  key: string;
  window: Window;
  result: StatResult;
  compareWindow: Window | null;
  compareResult: StatResult | null;
  /** From the local API: undefined without `api_url`, null when it did not answer. */
  qualities: Qualities | null | undefined;
}

export class EnergyCard extends BaseCard<EnergyCardConfig> {
  static override properties = {
    ...BaseCard.properties,
    offset: { state: true },
    loaded: { state: true },
    failure: { state: true },
    range: { state: true },
  };

  offset = 0;
  loaded?: Loaded;
  failure?: string;
  range?: EnergyRange;
  private loadingKey?: string;
  private unsubscribe?: (() => void) | null;

  protected parse = parseEnergyConfig;

  static async getConfigElement(): Promise<HTMLElement> {
    await import('./editor.js');
    return document.createElement(`${ENERGY_CARD}-editor`);
  }

  static async getStubConfig(hass: Hass): Promise<Record<string, unknown>> {
    const pdls = pdlsAmong(await ourStatisticIds(hass).catch(() => []));
    return { pdls: pdls.length ? pdls.slice(0, 1) : ['12345678901234'], period: 'day' };
  }

  getGridOptions() {
    return { columns: 12, rows: 5, min_columns: 6, min_rows: 4 };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private currentWindow(config: EnergyCardConfig, hass: Hass): Window {
    const zone = hass.config.time_zone;
    if (this.range) return windowBetween(this.range.start, this.range.end, periodForRange(this.range), zone);
    const count = config.count ?? DEFAULT_COUNT[config.period];
    // Enedis publishes day D on D+1: hour and day views end with yesterday.
    const anchor = config.period === 'hour' || config.period === 'day' ? Date.now() - 86_400_000 : Date.now();
    const w = windowEndingAt(anchor, config.period, count, zone);
    return this.offset ? shiftWindow(w, this.offset, zone) : w;
  }

  private compareWindowOf(config: EnergyCardConfig, w: Window, zone: string): Window | null {
    if (config.compare === 'previous') return shiftWindow(w, -1, zone);
    if (config.compare === 'last_year') return lastYearWindow(w, zone);
    return null;
  }

  protected override willUpdate(): void {
    const { config, hass } = this;
    if (!config || !hass) return;
    // The date picker's collection may be created after this card: look again until it is there.
    if (config.energy_date_selection && !this.unsubscribe) {
      this.unsubscribe = subscribeEnergyRange(hass, (r) => (this.range = r), config.collection_key);
    }
    const w = this.currentWindow(config, hass);
    const direction = mainDirection(config);
    const ids = idsToFetch(config.pdls, direction, config.metric, config.stack);
    if (config.direction === 'both') ids.push(...idsToFetch(config.pdls, 'production', config.metric, 'none'));
    const key = `${JSON.stringify(config)}|${w.period}|${w.starts[0]}|${w.end}`;
    if (this.loaded?.key === key || this.loadingKey === key) return;
    this.loadingKey = key;
    const cw = this.compareWindowOf(config, w, hass.config.time_zone);
    const compareIds = idsToFetch(config.pdls, direction, config.metric, 'none');
    Promise.all([
      fetchStatistics(hass, ids, w),
      cw ? fetchStatistics(hass, compareIds, cw) : Promise.resolve(null),
      config.api_url ? fetchQualities(config.api_url, config.pdls, direction, w) : Promise.resolve(undefined),
    ])
      .then(([result, compareResult, qualities]) => {
        if (this.loadingKey !== key) return;
        this.loaded = { key, window: w, result, compareWindow: cw, compareResult, qualities };
        this.failure = undefined;
      })
      .catch((error: unknown) => {
        if (this.loadingKey === key) this.failure = (error as { message?: string }).message ?? String(error);
      });
  }

  private seriesName(s: Series, config: EnergyCardConfig): string {
    const what = s.key === 'total' ? this.t(mainDirection(config)) : this.t(s.key as LabelKey);
    return config.pdls.length > 1 ? `${what} ${s.pdl.slice(-4)}` : what;
  }

  private view(config: EnergyCardConfig, hass: Hass, loaded: Loaded): EnergyView {
    const zone = hass.config.time_zone;
    const currency = hass.config.currency ?? 'EUR';
    const q = loaded.qualities;
    return energyView({
      config,
      window: loaded.window,
      result: loaded.result,
      compareWindow: loaded.compareWindow,
      compareResult: loaded.compareResult,
      name: (s) => this.seriesName(s, config),
      format: (v) => formatValue(v, config.metric, this.locale, currency),
      bucketLabel: (ms: number, period: Period, long: boolean) => formatBucket(ms, period, this.locale, zone, long),
      quality: q ? barQualities(loaded.window, q) : null,
      qualityDays: q ? dayCounts(q) : null,
      qualityText: (x) => qualityText((k, vars) => this.t(k, vars), x),
      productionName: this.t('production'),
    });
  }

  private nav(config: EnergyCardConfig): TemplateResult | typeof nothing {
    if (this.range) return nothing;
    return html`<div class="nav">
      <button @click=${() => (this.offset -= 1)} aria-label=${this.t('earlier')}>‹</button>
      <button @click=${() => (this.offset += 1)} ?disabled=${this.offset >= 0} aria-label=${this.t('later')}>›</button>
      <span class="muted">${this.t(config.period)}</span>
    </div>`;
  }

  protected renderCard(config: EnergyCardConfig, hass: Hass): TemplateResult {
    const title = config.title ?? `${this.t(config.direction)} · ${this.t(config.metric)}`;
    const head = html`<div class="header"><h2>${title}</h2>${this.nav(config)}</div>`;
    if (this.failure) return html`<ha-card>${head}<div class="error" role="alert">${this.failure}</div></ha-card>`;
    if (!this.loaded) return html`<ha-card>${head}<p class="muted">${this.t('loading')}</p></ha-card>`;
    const v = this.view(config, hass, this.loaded);
    const fmt = (x: number) => formatValue(x, config.metric, this.locale, hass.config.currency ?? 'EUR');
    if (v.missing === v.bars.length) return html`<ha-card>${head}<p class="muted">${this.t('no_data')}</p></ha-card>`;
    const t = (k: LabelKey, vars?: Record<string, string | number>) => this.t(k, vars);
    const apiNote =
      this.loaded.qualities === null ? html`<p class="muted api-note">${this.t('quality_stats_only')}</p>` : nothing;
    return html`<ha-card>
      ${head}
      ${config.show_totals ? totalsPart(t, v, config, fmt) : nothing}
      <figure role="img" aria-label=${this.summary(config, v)} style="margin:0">${barChart(v.bars, { format: axisNumber })}</figure>
      ${legendPart(t, v, config)}
      ${v.missing ? html`<p class="muted quality">${this.t('missing', { n: `${v.missing} ${this.t(this.loaded.window.period)}` })}</p>` : nothing}
      ${apiNote}
      ${tablePart(t, v, fmt)}
    </ha-card>`;
  }

  private summary(config: EnergyCardConfig, v: EnergyView): string {
    const what = `${this.t(config.direction)} (${this.t(config.metric)})`;
    const first = v.labels[0] ?? '';
    const last = v.labels.at(-1) ?? '';
    return this.t('chart', { what, period: this.t(this.loaded!.window.period), first, last });
  }
}
