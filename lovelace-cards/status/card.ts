/** `custom:myelectricaldata-status-card`: last sync, newest day per stream, errors, "sync now". */
import { html, nothing, type TemplateResult } from 'lit';
import { BaseCard } from '../shared/base-card.js';
import type { Hass } from '../shared/hass.js';
import { windowEndingAt } from '../shared/periods.js';
import { pdlsAmong, totalId } from '../shared/statistic-ids.js';
import { fetchStatistics, ourStatisticIds } from '../shared/statistics.js';
import { parseStatusConfig, STATUS_CARD, type StatusCardConfig, syncEntities } from './config.js';
import { daysFromApi, daysFromStatistics, type StreamDay } from './newest-days.js';

export class StatusCard extends BaseCard<StatusCardConfig> {
  static override properties = {
    ...BaseCard.properties,
    streams: { state: true },
    api: { state: true },
    message: { state: true },
  };
  streams?: StreamDay[];
  api?: 'reachable' | 'unreachable';
  message?: string;
  private loadedKey?: string;
  protected parse = parseStatusConfig;

  static async getConfigElement(): Promise<HTMLElement> {
    await import('./editor.js');
    return document.createElement(`${STATUS_CARD}-editor`);
  }

  static async getStubConfig(hass: Hass): Promise<Record<string, unknown>> {
    const [pdl] = pdlsAmong(await ourStatisticIds(hass).catch(() => []));
    return { pdl: pdl ?? '12345678901234' };
  }

  getGridOptions() {
    return { columns: 6, rows: 4, min_columns: 4, min_rows: 3 };
  }

  protected override willUpdate(): void {
    const { config, hass } = this;
    if (!config || !hass) return;
    const key = `${JSON.stringify(config)}|${Math.floor(Date.now() / 300_000)}`;
    if (this.loadedKey === key) return;
    this.loadedKey = key;
    void this.load(config, hass);
  }

  private async load(config: StatusCardConfig, hass: Hass): Promise<void> {
    if (config.api_url) {
      try {
        const r = await fetch(`${config.api_url.replace(/\/+$/, '')}/api/status`);
        if (!r.ok) throw new Error(String(r.status));
        this.streams = daysFromApi(await r.json(), config.pdl);
        this.api = 'reachable';
        return;
      } catch {
        this.api = 'unreachable';
      }
    }
    const ids = {
      consumption: totalId(config.pdl, 'consumption', 'energy'),
      production: totalId(config.pdl, 'production', 'energy'),
    };
    const w = windowEndingAt(Date.now(), 'day', 60, hass.config.time_zone);
    const result = await fetchStatistics(hass, Object.values(ids), w).catch(() => ({}));
    this.streams = daysFromStatistics(result, ids, hass.config.time_zone);
  }

  private async syncNow(config: StatusCardConfig): Promise<void> {
    try {
      const r = await fetch(`${config.api_url!.replace(/\/+$/, '')}/api/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const body = (await r.json().catch(() => ({}))) as { error?: { message?: string }; message?: string };
      this.message = r.ok
        ? this.t('sync_started')
        : this.t('sync_failed', { why: body.error?.message ?? body.message ?? String(r.status) });
    } catch (e) {
      this.message = this.t('sync_failed', { why: (e as Error).message });
    }
  }

  private streamName(stream: string): string {
    return stream === 'consumption' || stream === 'production' ? this.t(stream) : stream;
  }

  protected renderCard(config: StatusCardConfig, hass: Hass): TemplateResult {
    const ent = syncEntities(config.pdl);
    const last = hass.states[ent.lastSync]?.state;
    const status = hass.states[ent.status];
    const error = (status?.attributes.error as string | null | undefined) ?? null;
    const lastText =
      last && !Number.isNaN(Date.parse(last))
        ? new Intl.DateTimeFormat(this.locale, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: hass.config.time_zone,
          }).format(Date.parse(last))
        : this.t('never');
    const streamErrors = (this.streams ?? []).filter((s) => s.error);
    // On one line with its tags: the error style keeps white space (pre-wrap).
    const all = [error, ...streamErrors.map((s) => `${s.stream}: ${s.error}`)].filter(Boolean);
    const errorText = all.length ? `${this.t('errors')}: ${all.join(' · ')}` : '';
    return html`<ha-card>
      <div class="header"><h2>${config.title ?? `Linky ${config.pdl}`}</h2><span class="muted sync-status">${status?.state ?? ''}</span></div>
      <ul class="rows">
        <li><span class="muted">${this.t('last_sync')}</span><strong class="last-sync">${lastText}</strong></li>
        ${(this.streams ?? []).map((s) => html`<li data-stream=${s.stream}><span class="muted">${this.t('newest_day')} · ${this.streamName(s.stream)}</span><strong>${s.newest ?? '—'}</strong></li>`)}
      </ul>
      <p style="margin:8px 0" class=${errorText ? 'error' : 'muted'} role=${error ? 'alert' : nothing}>${errorText || this.t('no_error')}</p>
      ${this.api === 'reachable' ? html`<button class="sync" @click=${() => void this.syncNow(config)}>${this.t('sync_now')}</button>` : nothing}
      ${this.api === 'unreachable' ? html`<p class="muted">${this.t('api_unreachable')}</p>` : nothing}
      ${this.message ? html`<p class="muted" role="status">${this.message}</p>` : nothing}
    </ha-card>`;
  }
}
