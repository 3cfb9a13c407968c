/**
 * VictoriaMetrics' `-retentionPeriod` from its `/flags` page, and whether it keeps our oldest sample.
 * Pure. The flag is a number with an optional unit: h, d, w, y, or none for months (its default is `1`,
 * one month: far shorter than a Linky history).
 */
const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  y: 365 * 86_400_000,
  '': 31 * 86_400_000,
};

/** Retention in ms from the `/flags` text (`-retentionPeriod="100y"`); null when absent or unreadable. */
export function parseRetention(flags: string): number | null {
  const m = /-retentionPeriod="?([\d.]+)([hdwy]?)"?/.exec(flags);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n * UNIT_MS[m[2]!]! : null;
}

/** A sentence for the log and status when samples as old as `oldestMs` fall outside the retention. */
export function retentionWarning(retentionMs: number | null, oldestMs: number | null, nowMs: number): string | null {
  if (retentionMs === null || oldestMs === null || nowMs - oldestMs <= retentionMs) return null;
  const keptDays = Math.floor(retentionMs / 86_400_000);
  const neededDays = Math.ceil((nowMs - oldestMs) / 86_400_000);
  return `VictoriaMetrics keeps ${keptDays} days (-retentionPeriod) but the history spans ${neededDays} days: older samples are dropped; restart it with e.g. -retentionPeriod=10y`;
}
