/**
 * `copyStore` round trip SQLite → PostgreSQL → MySQL/MariaDB → SQLite, compared row for row, table by
 * table. Without PG_URL / MYSQL_URL the chain shortens to the engines available.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src/log/logger.js';
import { copyStore } from '../../../src/store/copy-store.js';
import { openStore } from '../../../src/store/open-store.js';
import type { SqlStore } from '../../../src/store/sql-store.js';
import { TABLE_CATALOG } from '../../../src/store/table-catalog.js';
import { dropAllMysql, dropAllPostgres } from '../../store/engines.js';
import { address, contract, halfHours, PDL, PDL2, usagePoint } from '../../store/fixtures.js';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
const PG_URL = process.env.PG_URL;
const MYSQL_URL = process.env.MYSQL_URL;
let dir: string;
const opened: SqlStore[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'med-copy-'));
});
afterAll(async () => {
  for (const s of opened) await s.close();
  if (PG_URL) await dropAllPostgres(PG_URL);
  if (MYSQL_URL) await dropAllMysql(MYSQL_URL);
  rmSync(dir, { recursive: true, force: true });
});

async function open(url: string | undefined, name: string): Promise<SqlStore> {
  if (url?.startsWith('postgres')) await dropAllPostgres(url);
  if (url?.startsWith('mysql')) await dropAllMysql(url);
  const s = await openStore({ url, dataDir: path.join(dir, name), logger: silentLogger });
  opened.push(s);
  return s;
}

async function fill(store: SqlStore): Promise<void> {
  await store.upsertUsagePoints([usagePoint(PDL), usagePoint(PDL2, { name: null, subscribedPowerKva: 7.5 })], T0);
  await store.setContract(contract(PDL));
  await store.setAddress(address(PDL));
  await store.upsertDaily(PDL, 'consumption', [{ date: '2026-03-29', wh: 12_345 }]);
  await store.upsertCurve(PDL, 'consumption', halfHours('2026-03-01', '2026-04-15'));
  await store.upsertCurve(PDL2, 'production', halfHours('2026-10-24', '2026-10-26'));
  await store.upsertMaxPower(PDL, [{ date: '2026-03-29', va: 6000, at: T0 }]);
  await store.upsertTempo([{ date: '2026-01-05', color: 'RED' }]);
  await store.upsertEcoWatt([{ date: '2026-01-05', level: 2, message: 'Vigilance « orange »', hourly: [1, 2, 3] }]);
  await store.upsertDayAttempts(PDL, 'consumption_curve', [
    { date: '2026-03-02', attempts: 3, lastAttemptAt: T0, nextRetryAt: null, lastError: 'incomplete' },
  ]);
  await store.setStreamState({ pdl: '*', stream: 'tempo', lastSuccessAt: T0, lastAttemptAt: T0, lastError: null });
  await store.setCursor('mqtt', 'Key', '{"x":1}');
}

async function dump(store: SqlStore): Promise<Record<string, unknown[][]>> {
  const out: Record<string, unknown[][]> = {};
  for (const t of TABLE_CATALOG) out[t.name] = await store.readTableRows(t, 0, 1_000_000);
  return out;
}

test(`copies every row${PG_URL ? ' through PostgreSQL' : ' (PostgreSQL skipped because PG_URL is not set)'}${
  MYSQL_URL ? ' and MySQL/MariaDB' : ' (MySQL skipped because MYSQL_URL is not set)'
} back to SQLite`, async () => {
  const source = await open(undefined, 'source');
  await fill(source);
  const chain = [source];
  if (PG_URL) chain.push(await open(PG_URL, 'pg'));
  if (MYSQL_URL) chain.push(await open(MYSQL_URL, 'mysql'));
  chain.push(await open(undefined, 'back'));
  const expected = await dump(source);
  expect(expected.load_curve!.length).toBe(45 * 48 - 2 + (2 * 48 + 2));
  for (let i = 1; i < chain.length; i++) {
    const progress: string[] = [];
    const { rows } = await copyStore(chain[i - 1]!, chain[i]!, (p) => progress.push(p.table));
    expect(rows).toBe(Object.values(expected).reduce((n, r) => n + r.length, 0));
    expect(progress).toContain('load_curve');
    expect(await dump(chain[i]!)).toEqual(expected);
  }
  expect(await chain.at(-1)!.getUsagePoint(PDL)).toEqual(await source.getUsagePoint(PDL));
}, 60_000);
