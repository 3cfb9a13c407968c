/**
 * What failed in one `sync --once`, one line each, for the log and the exit code: every stream whose last
 * attempt in this run ended in an error, and every exporter whose run ended in error.
 */
import type { ExporterStatus } from '../exporters/types.js';
import type { StreamStatus, SyncStatus } from '../sync/status.js';

const failedIn = (s: StreamStatus, since: number) => s.lastError !== null && (s.lastAttemptAt ?? 0) >= since;

export function failedStreams(status: SyncStatus, since: number): string[] {
  const lines = status.global.filter((s) => failedIn(s, since)).map((s) => `stream ${s.stream} failed: ${s.lastError}`);
  for (const pdl of status.pdls) {
    for (const s of pdl.streams) {
      if (failedIn(s, since)) lines.push(`stream ${s.stream} of PDL ${pdl.pdl} failed: ${s.lastError}`);
    }
  }
  return lines;
}

export function failedExporters(statuses: readonly ExporterStatus[]): string[] {
  return statuses
    .filter((s) => s.state === 'error' || s.state === 'running')
    .map((s) =>
      s.state === 'running'
        ? `exporter ${s.name} did not finish`
        : `exporter ${s.name} failed: ${s.lastError ?? 'no detail'}`,
    );
}
