/** Plain-text rendering of the sync status for the `status` command. */
import { parisNaive } from '../domain/time.js';
import type { ExporterStatus } from '../exporters/types.js';
import { redactText } from '../log/redact.js';
import type { RunRecord } from '../sync/run-history.js';
import type { StreamStatus, SyncStatus } from '../sync/status.js';

const when = (ms: number | null) => (ms === null ? 'never' : parisNaive(ms));

/** Streams that hold one current value rather than days: "stored" once fetched. */
const UNDATED: ReadonlySet<string> = new Set(['contract', 'address']);

function held(s: StreamStatus): string {
  if (s.dataRange) return `${s.dataRange.start} → ${s.dataRange.end} (excl.)`;
  return UNDATED.has(s.stream) && s.lastSuccessAt !== null ? 'stored, refreshed daily' : 'no data';
}

function streamLine(s: StreamStatus): string {
  const range = held(s);
  const holes = s.missingDays + s.givenUpDays > 0 ? `, ${s.missingDays} days pending, ${s.givenUpDays} given up` : '';
  const error = s.lastError ? `, last error: ${s.lastError}` : '';
  return `    ${s.stream.padEnd(18)} ${range}; last success ${when(s.lastSuccessAt)}${holes}${error}`;
}

/** `key=value` pairs of the last result, scalars only (the run reason first). */
function resultText(result: Record<string, unknown> | null): string {
  if (!result) return '';
  const pairs = Object.entries(result).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v));
  return pairs.length ? `; last result: ${pairs.map(([k, v]) => `${k}=${String(v)}`).join(', ')}` : '';
}

function exporterLine(e: ExporterStatus): string {
  const error = e.lastError ? `; last error: ${e.lastError}` : '';
  const run = `last run ${when(e.lastRunAt)}, last success ${when(e.lastSuccessAt)}`;
  return redactText(`    ${e.name.padEnd(18)} ${e.state}; ${run}${resultText(e.lastResult)}${error}`);
}

const HISTORY_LINES = 5;

function runLine(r: RunRecord): string {
  const seconds = Math.max(0, Math.round((r.finishedAt - r.startedAt) / 1000));
  const failed = r.failedTasks > 0 ? `, ${r.failedTasks} failed tasks` : '';
  const error = r.error ? `: ${r.error.message}` : '';
  return redactText(
    `    ${when(r.startedAt)} ${r.scope} — ${r.outcome} in ${seconds} s, ${r.calls} gateway calls${failed}${error}`,
  );
}

export function formatStatus(status: SyncStatus, dataDir: string): string {
  const lines = [`Data folder: ${dataDir}`, `Times are Europe/Paris.`];
  if (status.running && status.progress)
    lines.push(`Sync running: ${status.progress.percent}% (${status.progress.message})`);
  if (status.quota.pausedUntil) lines.push(`Gateway quota exhausted until ${when(status.quota.pausedUntil)}`);
  if (status.pdls.length === 0) lines.push('No usage point yet: run a sync first.');
  for (const p of status.pdls) {
    const flags = [p.isActive ? 'active' : 'inactive', p.selected ? '' : 'not selected'].filter(Boolean).join(', ');
    lines.push(`PDL ${p.pdl}${p.name ? ` (${p.name})` : ''}: ${flags}`);
    lines.push(...p.streams.map(streamLine));
  }
  lines.push('Account-wide:', ...status.global.map(streamLine));
  lines.push(`Last syncs (newest first, ${HISTORY_LINES} at most):`);
  lines.push(...(status.history.length ? status.history.slice(0, HISTORY_LINES).map(runLine) : ['    none yet']));
  lines.push('Exporters:');
  lines.push(
    ...(status.exporters.length
      ? status.exporters.map(exporterLine)
      : ['    none recorded (no exporter enabled, or none has run yet)']),
  );
  return lines.join('\n');
}
