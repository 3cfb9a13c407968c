/**
 * Bulk writes per engine: a 2-year, 30-minute curve (one `upsertCurve` call per direction, ~35,000 rows
 * each) into SQLite, PostgreSQL and MySQL/MariaDB through the real `Store`, then the same rows again
 * (the idempotent re-upsert path every sync takes on its trailing window). PostgreSQL and MariaDB come
 * from `PG_URL` / `MYSQL_URL` (`.ci/services.sh` starts throw-away servers and sets both); each gets a
 * fresh database `app_<random>`, dropped afterwards, as the integration tests do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parisMidnightUtc } from '../src/domain/time.js';
import type { CurveReading, Direction } from '../src/domain/types.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/repository.js';
import { createTestDatabase, type EngineChoice, engineChoices } from '../tests/integration/store/test-databases.js';
import { type BenchTable, count, perSecond, seconds, timed } from './report.js';

const PDL = '00000000000042';
const FROM = '2024-11-27';
const TO = '2026-11-27';
const DIRECTIONS: Direction[] = ['consumption', 'production'];
const HALF_HOUR = 1_800_000;

function twoYearCurve(direction: Direction): CurveReading[] {
  const out: CurveReading[] = [];
  const end = parisMidnightUtc(TO);
  for (let t = parisMidnightUtc(FROM), i = 0; t < end; t += HALF_HOUR, i++) {
    const w = direction === 'consumption' ? 150 + ((i * 53) % 2400) : (i * 31) % 48 < 20 ? (i * 17) % 3000 : 0;
    out.push({ start: t, minutes: 30, w });
  }
  return out;
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

/** On a fresh database: opens the store (migrations applied, not timed) and times both passes. */
async function measure(engine: EngineChoice, dataDir: string, curves: Map<Direction, CurveReading[]>, total: number) {
  const database = await createTestDatabase(engine);
  try {
    const store = await openStore({ url: database.url, dataDir, logger: silentLogger });
    try {
      const first = await upsertAll(store, curves);
      const again = await upsertAll(store, curves);
      const stored = await storedCount(store);
      if (stored !== total) throw new Error(`${engine.label} holds ${stored} rows after the upserts, not ${total}`);
      return {
        first: `${seconds(first)} (${perSecond(total, first)})`,
        again: `${seconds(again)} (${perSecond(total, again)})`,
      };
    } finally {
      await store.close();
    }
  } finally {
    await database.drop();
  }
}

export async function benchStoreBulk(env: NodeJS.ProcessEnv): Promise<BenchTable> {
  const curves = new Map(DIRECTIONS.map((d) => [d, twoYearCurve(d)] as const));
  const total = [...curves.values()].reduce((n, rows) => n + rows.length, 0);
  const dataDir = mkdtempSync(join(tmpdir(), 'med-bench-store-'));
  const rows: BenchTable['rows'] = [];
  try {
    for (const engine of engineChoices(env)) {
      if (engine.skipReason) {
        rows.push([engine.label, `not measured (${engine.skipReason})`]);
        continue;
      }
      const { first, again } = await measure(engine, dataDir, curves, total);
      rows.push([`${engine.label}: first upsert`, first], [`${engine.label}: re-upsert of the same rows`, again]);
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
      'Times exclude opening the store and applying migrations; the row count is checked after the passes. SQLite is a file in a temp folder; PostgreSQL and MariaDB get a fresh database `app_<random>` (dropped afterwards) on the `PG_URL` / `MYSQL_URL` servers, on the same machine (127.0.0.1), default Debian configurations.',
    ],
  };
}
