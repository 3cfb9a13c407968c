/**
 * How many rows (statistic rows, samples, state messages, history values) one export run wrote, read
 * from what the exporter returned: each exporter names its count its own way. Used for the
 * `export-finished` event the kit emits and for the `/metrics` gauge of the last run.
 */

/** Fields of a run's result that count what it wrote, in the order they are looked for. */
export const ROW_FIELDS = ['samples', 'importedRows', 'states', 'values', 'messages', 'published'] as const;

/** The rows a run wrote, or null when its result names no count. */
export function exportedRows(result: object | null): number | null {
  const r = result as Record<string, unknown> | null;
  for (const f of ROW_FIELDS) {
    const v = r?.[f];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}
