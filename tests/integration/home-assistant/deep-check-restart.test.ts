/**
 * Against a real Home Assistant (harness) and a real SQLite store: the weekly deep check repairs a row
 * altered months back (which HA's monthly figures do not even show), and Home Assistant restarted in the
 * middle of a long import is reported as a lost connection, retried by the exporter on its own, and
 * leaves every hour equal to the store. Expected values come from the stored readings with plain
 * arithmetic (a half-hour of `w` watts is `w / 2` Wh).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Connection, createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import { fixedClock } from '../../../src/domain/clock.js';
import { parisMidnightUtc, parisNaive, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { CurveReading } from '../../../src/domain/types.js';
import { statisticMetadata } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import { DEEP_CHECK_REASON } from '../../../src/exporters/home-assistant/deep-check.js';
import { connectHomeAssistant, type HaApi } from '../../../src/exporters/home-assistant/ha-client.js';
import { HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { type HomeAssistantInstance, startHomeAssistant } from './harness/ha.js';

jest.setTimeout(600_000);

const PDL_DEEP = '33333333333333';
const PDL_LONG = '44444444444444';
const NOW = parisNaiveToUtc('2026-11-05 08:00:00');
const HOUR = 3_600_000;
const HC = 0.2;
const HP = 0.3;

let ha: HomeAssistantInstance;
let conn: Connection;
let store: Store;
let dir: string;

function curve(from: string, to: string, seed: number): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(from), i = 0; t < parisMidnightUtc(to); t += HOUR / 2, i++) {
    out.push({ start: t, minutes: 30, w: 200 + ((i * 47 + seed) % 1900) });
  }
  return out;
}

/** kWh and EUR per UTC hour from the stored curve (off-peak 22:00–06:00 Paris). */
async function expected(pdl: string) {
  const kwh = new Map<number, number>();
  const eur = new Map<number, number>();
  for (const r of await store.listCurve(pdl, 'consumption', 0, NOW + 86_400_000)) {
    const hour = Math.floor(r.start / HOUR) * HOUR;
    const local = Number(parisNaive(r.start).slice(11, 13));
    const e = r.w / 2 / 1000;
    kwh.set(hour, (kwh.get(hour) ?? 0) + e);
    eur.set(hour, (eur.get(hour) ?? 0) + e * (local >= 22 || local < 6 ? HC : HP));
  }
  return { kwh, eur };
}

/** HA's rows of a statistic (hour → sum), every hour it holds. */
async function haRows(id: string, from: number, to: number): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let t = from; t < to; t += 700 * HOUR) {
    const r = await conn.sendMessagePromise<Record<string, { start: number; sum: number }[]>>({
      type: 'recorder/statistics_during_period',
      start_time: new Date(t).toISOString(),
      end_time: new Date(Math.min(to, t + 700 * HOUR)).toISOString(),
      statistic_ids: [id],
      period: 'hour',
      types: ['sum'],
    });
    for (const row of r[id] ?? []) out.set(row.start, row.sum);
  }
  return out;
}

/** Every hour HA holds equals the store (change = sum − previous sum), none missing, none extra. */
async function expectEqualToStore(id: string, wanted: Map<number, number>, tolerance: number) {
  const hours = [...wanted.keys()].sort((a, b) => a - b);
  const rows = await haRows(id, hours[0]! - 48 * HOUR, hours.at(-1)! + 48 * HOUR);
  expect([...rows.keys()].sort((a, b) => a - b)).toEqual(hours);
  const bad: string[] = [];
  let prev = 0;
  for (const h of hours) {
    const change = rows.get(h)! - prev;
    prev = rows.get(h)!;
    if (Math.abs(change - wanted.get(h)!) > tolerance) bad.push(`${new Date(h).toISOString()} HA ${change}`);
  }
  expect(bad.slice(0, 5)).toEqual([]);
}

function exporterFor(pdlFilter: string, retryDelaysMs: number[], connect?: () => Promise<HaApi>) {
  const options = parseHomeAssistantExporterOptions({
    url: ha.url,
    token: ha.token,
    prices: { hcKwh: HC, hpKwh: HP },
    retryDelaysMs,
    chunkHours: 100,
  });
  const logger = memoryLogger();
  const only = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listUsagePoints')
        return async () => (await target.listUsagePoints()).filter((p) => p.pdl === pdlFilter);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const exporter = new HomeAssistantExporter(options, connect ? { connect } : {});
  return { exporter, logger, context: { store: only, events: new SyncEvents(), clock: fixedClock(NOW), logger } };
}

async function waitUntil(what: string, probe: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  ha = await startHomeAssistant();
  conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
  dir = mkdtempSync(path.join(tmpdir(), 'ha-deep-restart-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(PDL_DEEP), usagePoint(PDL_LONG)], NOW);
  await store.upsertCurve(PDL_DEEP, 'consumption', curve('2026-06-01', '2026-11-05', 1));
  await store.upsertCurve(PDL_LONG, 'consumption', curve('2026-01-01', '2026-11-05', 2));
});

afterAll(async () => {
  conn?.close();
  await ha?.stop();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('deep check and restart (real Home Assistant)', () => {
  const id = `myelectricaldata:${PDL_DEEP}_consumption`;
  const altered = parisMidnightUtc('2026-07-15') + 13 * HOUR;

  it('repairs a row altered months back that the incremental run and HA monthly figures miss', async () => {
    const first = exporterFor(PDL_DEEP, []);
    await first.exporter.start(first.context);
    await first.exporter.run('test');
    await first.exporter.stop();
    const want = await expected(PDL_DEEP);
    await expectEqualToStore(id, want.kwh, 1e-6);
    const monthly = () =>
      conn.sendMessagePromise<Record<string, { change: number }[]>>({
        type: 'recorder/statistics_during_period',
        start_time: new Date(parisMidnightUtc('2026-06-01')).toISOString(),
        statistic_ids: [id],
        period: 'month',
        types: ['change'],
      });
    const monthsBefore = (await monthly())[id]!.map((m) => m.change);

    // Another tool rewrites one old row's sum (2.5 kWh more): a spike and a negative bar next to it.
    const oldSum = (await haRows(id, altered, altered + HOUR)).get(altered)!;
    const metadata = statisticMetadata(PDL_DEEP, 'consumption', ha.version);
    const row = { start: new Date(altered).toISOString(), state: 0, sum: oldSum + 2.5 };
    await conn.sendMessagePromise({ type: 'recorder/import_statistics', metadata, stats: [row] });
    await waitUntil(
      'the altered row',
      async () => (await haRows(id, altered, altered + HOUR)).get(altered) !== oldSum,
      30_000,
    );
    // HA's monthly figures read the last row of each month: the damage does not show there.
    expect((await monthly())[id]!.map((m) => m.change)).toEqual(monthsBefore);

    const daily = exporterFor(PDL_DEEP, []);
    await daily.exporter.start(daily.context);
    await daily.exporter.run('sync-finished');
    expect((await haRows(id, altered, altered + HOUR)).get(altered)).toBeCloseTo(oldSum + 2.5, 6);
    await daily.exporter.run(DEEP_CHECK_REASON);
    await daily.exporter.stop();
    expect(daily.exporter.status()).toMatchObject({ lastError: null });
    const repaired = daily.logger.lines.filter((l) => l.msg.startsWith('deep check: repaired'));
    expect(repaired.map((l) => [l.fields.statistic, l.fields.rows])).toEqual([[id, 1]]);
    await expectEqualToStore(id, want.kwh, 1e-6);
    await expectEqualToStore(`myelectricaldata:${PDL_DEEP}_consumption_cost`, want.eur, 1e-5);
  });

  it('reports Home Assistant restarting mid-import as a lost connection, retries, and ends equal to the store', async () => {
    let imports = 0;
    let restarting: Promise<void> | null = null;
    const connect = async () => {
      const api = await connectHomeAssistant({ url: ha.url, token: ha.token });
      const original = api.importStatistics.bind(api);
      api.importStatistics = async (meta, rows) => {
        if (++imports === 5 && !restarting) restarting = ha.restart();
        return original(meta, rows);
      };
      return api;
    };
    const x = exporterFor(PDL_LONG, [2_000, 5_000], connect);
    await x.exporter.start(x.context); // its start run: ~7,400 hours per statistic, 100 per call
    await waitUntil('the restart', () => restarting !== null, 120_000);
    await restarting;
    await waitUntil('a successful run after the restart', () => x.exporter.status().state === 'ok', 300_000);
    await x.exporter.stop();
    const failures = x.logger.lines.filter((l) => l.level === 'error');
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]).toMatchObject({ fields: expect.objectContaining({ code: 'HA_CONNECTION_LOST' }) });
    expect(failures[0]!.msg).toMatch(
      /connection to Home Assistant at .* was lost during recorder\/.*: it will be retried/,
    );
    expect(failures.every((l) => !/\[object Object\]/.test(l.msg))).toBe(true);
    conn.close();
    conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
    const want = await expected(PDL_LONG);
    await expectEqualToStore(`myelectricaldata:${PDL_LONG}_consumption`, want.kwh, 1e-6);
    await expectEqualToStore(`myelectricaldata:${PDL_LONG}_consumption_cost`, want.eur, 1e-5);
  });
});
