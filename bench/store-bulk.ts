/**
 * Bulk writes per engine: a 2-year, 30-minute curve (one `upsertCurve` call per direction, ~35,000 rows
 * each) into SQLite, PostgreSQL and MySQL/MariaDB through the real `Store`, then the same rows again
 * (the idempotent re-upsert path every sync takes on its trailing window). PostgreSQL and MariaDB come
 * from `PG_URL` / `MYSQL_URL` (`.ci/services.sh` starts throw-away servers and sets both); the bench
 * only touches the rows of its own PDL and deletes them before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { parisMidnightUtc } from '../src/domain/time.js';
import type { CurveReading, Direction } from '../src/domain/types.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/repository.js';
import { type BenchTable, count, perSecond, seconds, timed } from './report.js';

const PDL = '00000000000042';
const FROM = '2024-11-27';
const TO = '2026-11-27';
const DIRECTIONS: Direction[] = ['consumption', 'production'];
const HALF_HOUR = 1_800_000;

interface Engine {
  name: string;
  envName: string | null;
  url: string | undefined;
  /** Deletes the bench PDL's curve rows (before and after). */
  clear(): Promise<void>;
}

function twoYearCurve(direction: Direction): CurveReading[] {
  const out: CurveReading[] = [];
  const end = parisMidnightUtc(TO);
  for (let t = parisMidnightUtc(FROM), i = 0; t < end; t += HALF_HOUR, i++) {
    const w = direction === 'consumption' ? 150 + ((i * 53) % 2400) : (i * 31) % 48 < 20 ? (i * 17) % 3000 : 0;
    out.push({ start: t, minutes: 30, w });
  }
  return out;
}

async function clearPostgres(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`DELETE FROM load_curve WHERE pdl = ${PDL}`;
  } finally {
    await sql.end();
  }
}

async function clearMysql(url: string): Promise<void> {
  const conn = await mysql.createConnection(url);
  try {
    await conn.execute('DELETE FROM load_curve WHERE pdl = ?', [PDL]);
  } finally {
    await conn.end();
  }
}

async function upsertAll(store: Store, curves: Map<Direction, CurveReading[]>): Promise<number> {
  const { ms } = await timed(async () => {
    for (const [direction, rows] of curves) await store.upsertCurve(PDL, direction, rows);
  });
  return ms;
}

async function storedCount(store: Store): Promise<number> {
  let n = 0;
  for (const direction of DIRECTIONS) n += (await store.listCurve(PDL, direction, 0, parisMidnightUtc(TO) + 1)).length;
  return n;
}

/** Opens the engine (migrations applied, not timed), clears the bench rows, times both passes. */
async function measure(engine: Engine, dataDir: string, curves: Map<Direction, CurveReading[]>, total: number) {
  const store = await openStore({ url: engine.url, dataDir, logger: silentLogger });
  try {
    await engine.clear();
    const first = await upsertAll(store, curves);
    const again = await upsertAll(store, curves);
    const stored = await storedCount(store);
    if (stored !== total) throw new Error(`${engine.name} holds ${stored} bench rows after the upserts, not ${total}`);
    return {
      first: `${seconds(first)} (${perSecond(total, first)})`,
      again: `${seconds(again)} (${perSecond(total, again)})`,
    };
  } finally {
    await engine.clear().catch(() => undefined);
    await store.close();
  }
}

export async function benchStoreBulk(env: Record<string, string | undefined>): Promise<BenchTable> {
  const curves = new Map(DIRECTIONS.map((d) => [d, twoYearCurve(d)] as const));
  const total = [...curves.values()].reduce((n, rows) => n + rows.length, 0);
  const dataDir = mkdtempSync(join(tmpdir(), 'med-bench-store-'));
  const engines: Engine[] = [
    { name: 'SQLite (file, WAL)', envName: null, url: undefined, clear: async () => {} },
    { name: 'PostgreSQL', envName: 'PG_URL', url: env.PG_URL, clear: () => clearPostgres(env.PG_URL!) },
    { name: 'MySQL/MariaDB', envName: 'MYSQL_URL', url: env.MYSQL_URL, clear: () => clearMysql(env.MYSQL_URL!) },
  ];
  const rows: BenchTable['rows'] = [];
  try {
    for (const engine of engines) {
      if (engine.envName && !engine.url) {
        rows.push([engine.name, `not measured (${engine.envName} not set)`]);
        continue;
      }
      const { first, again } = await measure(engine, dataDir, curves, total);
      rows.push([`${engine.name}: first upsert`, first], [`${engine.name}: re-upsert of the same rows`, again]);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const perDirection = curves.get('consumption')!.length;
  return {
    title: `Store bulk upsert: 2-year 30-min curve, ${count(total)} rows (${count(perDirection)} per direction)`,
    rows,
    notes: [
      `One \`Store.upsertCurve\` call per direction (${FROM} → ${TO}, Paris days, DST days included), each one transaction; the second pass writes the same rows again (conflict → update).`,
      'Times exclude opening the store and applying migrations; the row count is checked after the passes. PostgreSQL and MariaDB run on the same machine (127.0.0.1), default Debian configurations.',
    ],
  };
}
