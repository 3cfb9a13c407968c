/** The sync engine's status (`/api/status`) as Prometheus gauge samples. Pure. */
import { exportedRows } from '../../exporters/kit/exported-rows.js';
import type { SyncStatus } from '../../sync/status.js';
import type { MetricSample } from './sensor-samples.js';

export const STATUS_GAUGES = {
  myelectricaldata_sync_running: '1 while a sync runs.',
  myelectricaldata_last_sync_run_ok: '1 when the last finished sync succeeded, 0 when it failed.',
  myelectricaldata_last_sync_run_finished_timestamp_seconds: 'When the last sync finished (Unix time).',
  myelectricaldata_gateway_quota_used: 'Gateway requests used today in each quota bucket (cached, no_cache).',
  myelectricaldata_gateway_quota_limit: 'Daily gateway request limit of each quota bucket (cached, no_cache).',
  myelectricaldata_exporter_up: '1 when the exporter last ran fine (or has not run yet), 0 on error or stopped.',
  myelectricaldata_exporter_last_success_timestamp_seconds: 'Last successful run of the exporter (Unix time).',
  myelectricaldata_exporter_last_run_rows: 'Rows, samples or messages the exporter wrote in its last run.',
} as const;

export type StatusGauge = keyof typeof STATUS_GAUGES;

export function statusSamples(s: SyncStatus): MetricSample[] {
  const out: MetricSample[] = [];
  const add = (name: StatusGauge, value: number | null, labels: Record<string, string> = {}) => {
    if (value !== null) out.push({ name, labels, value });
  };
  add('myelectricaldata_sync_running', s.running ? 1 : 0);
  add('myelectricaldata_last_sync_run_ok', s.lastRunOk === null ? null : s.lastRunOk ? 1 : 0);
  add('myelectricaldata_last_sync_run_finished_timestamp_seconds', s.lastRunFinishedAt && s.lastRunFinishedAt / 1000);
  add('myelectricaldata_gateway_quota_used', s.quota.cachedUsed, { bucket: 'cached' });
  add('myelectricaldata_gateway_quota_used', s.quota.noCacheUsed, { bucket: 'no_cache' });
  add('myelectricaldata_gateway_quota_limit', s.quota.cachedLimit, { bucket: 'cached' });
  add('myelectricaldata_gateway_quota_limit', s.quota.noCacheLimit, { bucket: 'no_cache' });
  for (const e of s.exporters) {
    const labels = { exporter: e.name };
    add('myelectricaldata_exporter_up', e.state === 'error' || e.state === 'stopped' ? 0 : 1, labels);
    add('myelectricaldata_exporter_last_success_timestamp_seconds', e.lastSuccessAt && e.lastSuccessAt / 1000, labels);
    add('myelectricaldata_exporter_last_run_rows', exportedRows(e.lastResult), labels);
  }
  return out;
}
