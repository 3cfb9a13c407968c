/**
 * Forgetting a PDL: every row held about it goes, in one transaction, table by table. Exporter cursors
 * are kept per exporter under keys the exporters choose; those whose key names the PDL (its dirty marks,
 * its statistics' sums) go too. Account-wide rows (Tempo, EcoWatt) are not the PDL's and stay.
 */
import { num } from './row-codec.js';
import type { SqlRunner, SqlValue } from './sql-runner.js';
import { TABLES } from './tables.js';

const PDL_RE = /^\d{14}$/;

/** Table → the condition selecting the PDL's rows (`?` is the PDL, or the LIKE pattern naming it). */
const WHERE: [table: string, where: string, param: (pdl: string) => SqlValue][] = [
  [TABLES.dailyEnergy.table, 'pdl = ?', (pdl) => pdl],
  [TABLES.loadCurve.table, 'pdl = ?', (pdl) => pdl],
  [TABLES.maxPower.table, 'pdl = ?', (pdl) => pdl],
  [TABLES.dayAttempts.table, 'pdl = ?', (pdl) => pdl],
  [TABLES.streamState.table, 'pdl = ?', (pdl) => pdl],
  // A PDL is 14 digits: no LIKE wildcard to escape.
  [TABLES.exporterCursors.table, 'cursor_key LIKE ?', (pdl) => `%${pdl}%`],
  [TABLES.usagePoints.table, 'pdl = ?', (pdl) => pdl],
];

/** Deletes the PDL's rows (run inside a transaction); returns the rows deleted per table. */
export async function forgetPdlRows(runner: SqlRunner, pdl: string): Promise<Record<string, number>> {
  if (!PDL_RE.test(pdl)) throw new Error(`forgetPdl: ${JSON.stringify(pdl)} is not a 14-digit PDL`);
  const deleted: Record<string, number> = {};
  for (const [table, where, param] of WHERE) {
    const params = [param(pdl)];
    const rows = await runner.all(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params);
    deleted[table] = num(rows[0]?.n ?? 0);
    if (deleted[table] > 0) await runner.run(`DELETE FROM ${table} WHERE ${where}`, params);
  }
  return deleted;
}
