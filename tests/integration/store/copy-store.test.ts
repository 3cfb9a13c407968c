/**
 * `copyStore` round trip of a full demo history (every simulated PDL, 3 years of daily values and 2 years
 * of load curve, as a real sync stores them) SQLite → PostgreSQL → MariaDB → SQLite, compared row for row,
 * table by table; then `med-local store copy --to <url>` end to end. Without PG_URL / MYSQL_URL the chain
 * shortens to the engines available, and the test names say so.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { silentLogger } from '../../../src/log/logger.js';
import { copyStore } from '../../../src/store/copy-store.js';
import { openStore } from '../../../src/store/open-store.js';
import type { SqlStore } from '../../../src/store/sql-store.js';
import { TABLE_CATALOG } from '../../../src/store/table-catalog.js';
import { type DataSnapshot, rowCounts, snapshotDiff } from '../sync/db-snapshot.js';
import { type Harness, startHarness } from '../sync/harness.js';
import { createTestDatabase, engineChoices, type TestDatabase } from './test-databases.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const ROOT = path.join(__dirname, '../../..');
const servers = engineChoices().filter((e) => e.name !== 'sqlite');
const chainName = servers.map((e) => (e.skipReason ? `(${e.label} skipped because ${e.skipReason})` : e.label));

let h: Harness;
let expected: DataSnapshot;
let dir: string;
const databases: TestDatabase[] = [];
const opened: SqlStore[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'med-copy-'));
  h = await startHarness(NOW);
  expect(await h.engine.run('full')).toMatchObject({ status: 'ok', failedTasks: 0 });
  await h.store.setCursor('mqtt', 'Clé « é »', '{"x":1}'); // the one table a sync leaves empty
  expected = await dump(h.store);
}, 60_000);
afterAll(async () => {
  for (const s of opened) await s.close();
  for (const db of databases) await db.drop();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every table, rows in key order, values normalised the same way on every engine. */
async function dump(store: SqlStore): Promise<DataSnapshot> {
  const out: DataSnapshot = {};
  for (const t of TABLE_CATALOG) out[t.name] = await store.readTableRows(t, 0, 10_000_000);
  return out;
}

async function fresh(name: string, engine = engineChoices()[0]!): Promise<{ store: SqlStore; url?: string }> {
  const db = await createTestDatabase(engine);
  databases.push(db);
  const store = await openStore({ url: db.url, dataDir: path.join(dir, name), logger: silentLogger });
  opened.push(store);
  return { store, url: db.url };
}

test(`copies a full demo history SQLite → ${chainName.join(' → ')} → SQLite, row for row`, async () => {
  const counts = rowCounts(expected);
  expect(counts.usage_points).toBe(5);
  expect(counts.load_curve).toBeGreaterThan(100_000);
  expect(counts.daily_energy).toBeGreaterThan(4 * 2 * 365);
  for (const t of TABLE_CATALOG.filter((x) => x.name !== '__drizzle_migrations'))
    expect([t.name, counts[t.name]]).not.toEqual([t.name, 0]);
  const chain = [h.store];
  for (const engine of servers.filter((e) => !e.skipReason)) chain.push((await fresh(engine.name, engine)).store);
  chain.push((await fresh('back')).store);
  const total = Object.values(counts).reduce((n, c) => n + c, 0);
  for (let i = 1; i < chain.length; i++) {
    const tables = new Set<string>();
    const { rows } = await copyStore(chain[i - 1]!, chain[i]!, (p) => tables.add(p.table));
    expect([chain[i]!.engine, rows]).toEqual([chain[i]!.engine, total]);
    expect([...tables].sort()).toEqual(
      Object.keys(counts)
        .filter((t) => counts[t]! > 0)
        .sort(),
    );
    expect([chain[i]!.engine, snapshotDiff(await dump(chain[i]!), expected)]).toEqual([chain[i]!.engine, []]);
  }
}, 180_000);

const cliTarget = servers.find((e) => !e.skipReason);
test(`med-local store copy --to <${cliTarget ? cliTarget.label : 'SQLite file (no server URL set)'} URL> exits 0, logs per-table progress and fills the target`, async () => {
  const target = cliTarget ? await fresh('cli', cliTarget) : { url: `sqlite:${path.join(dir, 'cli.db')}` };
  const run = await runCli(['store', 'copy', '--to', target.url!], { DATA_DIR: h.dataDir });
  expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
  expect(run.stdout).toContain(`copied ${Object.values(rowCounts(expected)).reduce((n, c) => n + c, 0)} rows`);
  // The CLI reports progress per page of 5,000 rows at the default log level.
  expect(`${run.stdout}${run.stderr}`).toMatch(/store copy: load_curve: 5000 rows \(\d+ in all so far\)/);
  const store = await openStore({ url: target.url, dataDir: dir, logger: silentLogger });
  opened.push(store);
  expect(snapshotDiff(await dump(store), expected)).toEqual([]);
}, 120_000);

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
