/**
 * The statistics exporter against a real Home Assistant (harness) and a real SQLite store. Expected
 * values are computed here from the stored readings with plain arithmetic (not with the exporter's
 * own builders): a half-hour of `w` watts is `w / 2` Wh, daily-only days land at local midnight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Connection, createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import { fixedClock } from '../../../src/domain/clock.js';
import { eachDay, parisMidnightUtc, parisNaive, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { CurveReading, UsagePoint } from '../../../src/domain/types.js';
import { connectHomeAssistant, type HaApi } from '../../../src/exporters/home-assistant/ha-client.js';
import { HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import {
  type HomeAssistantExporterOptionsInput,
  parseHomeAssistantExporterOptions,
} from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint as storeFixturePoint } from '../../store/fixtures.js';
import { type HomeAssistantInstance, startHomeAssistant } from './harness/ha.js';

jest.setTimeout(300_000);

const PDL = '11111111111111';
const PDL_RESTART = '22222222222222';
const NOW = parisNaiveToUtc('2026-11-05 08:00:00');
const HOUR = 3_600_000;
const HC = 0.2;
const HP = 0.3;

let ha: HomeAssistantInstance;
let conn: Connection;
let store: Store;
let dir: string;

function usagePoint(pdl: string): UsagePoint {
  return storeFixturePoint(pdl, { name: null, activationDate: '2020-01-01', oldestAvailableDataDate: '2020-01-01' });
}

function curve(from: string, to: string, seed: number): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(from), i = 0; t < parisMidnightUtc(to); t += HOUR / 2, i++) {
    out.push({ start: t, minutes: 30, w: 200 + ((i * 53 + seed) % 1800) });
  }
  return out;
}

/** Expected kWh and EUR per UTC hour from what the store holds. */
async function expected(pdl: string): Promise<{ kwh: Map<number, number>; eur: Map<number, number> }> {
  const readings = await store.listCurve(pdl, 'consumption', 0, NOW + 10 * 86_400_000);
  const daily = await store.listDaily(pdl, 'consumption', { start: '2020-01-01', end: '2027-01-01' });
  const kwh = new Map<number, number>();
  const eur = new Map<number, number>();
  const add = (m: Map<number, number>, k: number, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const curveDays = new Set(readings.map((r) => parisNaive(r.start).slice(0, 10)));
  for (const r of readings) {
    const hour = Math.floor(r.start / HOUR) * HOUR;
    const localHour = Number(parisNaive(r.start).slice(11, 13));
    const price = localHour >= 22 || localHour < 6 ? HC : HP;
    add(kwh, hour, r.w / 2 / 1000);
    add(eur, hour, (r.w / 2 / 1000) * price);
  }
  for (const d of daily.filter((x) => !curveDays.has(x.date))) {
    add(kwh, parisMidnightUtc(d.date), d.wh / 1000);
    add(eur, parisMidnightUtc(d.date), ((d.wh / 1000) * (HC * 8 + HP * 16)) / 24);
  }
  return { kwh, eur };
}

/**
 * Expected kWh and EUR per UTC hour and per period (`hc`/`hp`) from what the store holds: a curve
 * reading goes to the period of its local start; a daily-only day is split 8/24 off-peak, 16/24 peak.
 */
async function expectedPeriods(pdl: string, hc = HC, hp = HP) {
  const readings = await store.listCurve(pdl, 'consumption', 0, NOW + 10 * 86_400_000);
  const daily = await store.listDaily(pdl, 'consumption', { start: '2020-01-01', end: '2027-01-01' });
  const out = {
    hc: { kwh: new Map<number, number>(), eur: new Map<number, number>() },
    hp: { kwh: new Map<number, number>(), eur: new Map<number, number>() },
  };
  const add = (m: Map<number, number>, k: number, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const curveDays = new Set(readings.map((r) => parisNaive(r.start).slice(0, 10)));
  for (const r of readings) {
    const hour = Math.floor(r.start / HOUR) * HOUR;
    const localHour = Number(parisNaive(r.start).slice(11, 13));
    const period = localHour >= 22 || localHour < 6 ? 'hc' : 'hp';
    add(out[period].kwh, hour, r.w / 2 / 1000);
    add(out[period].eur, hour, (r.w / 2 / 1000) * (period === 'hc' ? hc : hp));
  }
  for (const d of daily.filter((x) => !curveDays.has(x.date))) {
    const at = parisMidnightUtc(d.date);
    add(out.hc.kwh, at, (d.wh / 1000) * (8 / 24));
    add(out.hp.kwh, at, (d.wh / 1000) * (16 / 24));
    add(out.hc.eur, at, (d.wh / 1000) * (8 / 24) * hc);
    add(out.hp.eur, at, (d.wh / 1000) * (16 / 24) * hp);
  }
  return out;
}

/** HA's hourly changes (sum − previous sum) over the whole range, and the last sum. */
async function haChanges(id: string, from: number, to: number) {
  const rows: { start: number; sum: number }[] = [];
  for (let t = from - HOUR; t < to; t += 500 * HOUR) {
    const r = await conn.sendMessagePromise<Record<string, { start: number; sum: number }[]>>({
      type: 'recorder/statistics_during_period',
      start_time: new Date(t).toISOString(),
      end_time: new Date(Math.min(to, t + 500 * HOUR)).toISOString(),
      statistic_ids: [id],
      period: 'hour',
      types: ['sum'],
    });
    rows.push(...(r[id] ?? []));
  }
  const changes = new Map<number, number>();
  let prev = 0;
  for (const r of rows) {
    changes.set(r.start, r.sum - prev);
    prev = r.sum;
  }
  return { changes, last: prev, rows };
}

function expectSame(actual: Map<number, number>, wanted: Map<number, number>, tolerance: number) {
  const bad: string[] = [];
  for (const [hour, v] of actual) {
    const w = wanted.get(hour) ?? 0;
    if (Math.abs(v - w) > tolerance) bad.push(`${new Date(hour).toISOString()} HA ${v} store ${w}`);
  }
  for (const hour of wanted.keys()) if (!actual.has(hour)) bad.push(`${new Date(hour).toISOString()} missing in HA`);
  expect(bad.slice(0, 5)).toEqual([]);
}

function exporterFor(
  overrides: Partial<HomeAssistantExporterOptionsInput> = {},
  connect?: (o: { url: string; token: string }) => Promise<HaApi>,
) {
  const options = parseHomeAssistantExporterOptions({
    url: ha.url,
    token: ha.token,
    prices: { hcKwh: HC, hpKwh: HP },
    retryDelaysMs: [60_000],
    ...overrides,
  });
  const logger = memoryLogger();
  const events = new SyncEvents();
  const exporter = new HomeAssistantExporter(options, connect ? { connect } : {});
  const context = { store, events, clock: fixedClock(NOW), logger };
  return { exporter, logger, events, context };
}

async function runOnce(overrides: Partial<HomeAssistantExporterOptionsInput> = {}) {
  const x = exporterFor(overrides);
  await x.exporter.start(x.context);
  await x.exporter.run('test');
  await x.exporter.stop();
  return x;
}

const ID = `myelectricaldata:${PDL}_consumption`;
const COST_ID = `myelectricaldata:${PDL}_consumption_cost`;
const HC_ID = `myelectricaldata:${PDL}_consumption_hc`;
const HP_ID = `myelectricaldata:${PDL}_consumption_hp`;
const PERIOD_IDS = [HC_ID, `${HC_ID}_cost`, HP_ID, `${HP_ID}_cost`];
const RANGE = [parisMidnightUtc('2026-09-01'), parisMidnightUtc('2026-11-10')] as const;

beforeAll(async () => {
  ha = await startHomeAssistant();
  conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
  dir = mkdtempSync(path.join(tmpdir(), 'ha-exporter-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(PDL), usagePoint(PDL_RESTART)], NOW);
  const dailyDays = eachDay({ start: '2026-09-20', end: '2026-10-01' });
  await store.upsertDaily(
    PDL,
    'consumption',
    dailyDays.map((date, i) => ({ date, wh: 8_000 + i * 13 })),
  );
  await store.upsertCurve(PDL, 'consumption', curve('2026-10-01', '2026-11-04', 0));
});

afterAll(async () => {
  conn?.close();
  await ha?.stop();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Home Assistant statistics exporter (real HA)', () => {
  it('imports the whole history; HA reads back hour by hour equal to the store (DST day included)', async () => {
    const { exporter } = await runOnce();
    expect(exporter.status()).toMatchObject({ state: 'stopped', lastError: null });
    const want = await expected(PDL);
    const energy = await haChanges(ID, ...RANGE);
    expectSame(energy.changes, want.kwh, 1e-6);
    const oct25 = [...energy.changes.keys()].filter((h) => parisNaive(h).startsWith('2026-10-25'));
    expect(oct25).toHaveLength(25);
    expectSame((await haChanges(COST_ID, ...RANGE)).changes, want.eur, 1e-5);
  });

  it('per-period statistics (HC, HP and their costs) read back equal the store split, hour by hour', async () => {
    const want = await expectedPeriods(PDL);
    const hc = await haChanges(HC_ID, ...RANGE);
    const hp = await haChanges(HP_ID, ...RANGE);
    // A daily-only day's split is kept in whole watt-minutes: within 1/60 Wh of the exact share.
    expectSame(hc.changes, want.hc.kwh, 2e-5);
    expectSame(hp.changes, want.hp.kwh, 2e-5);
    expectSame((await haChanges(`${HC_ID}_cost`, ...RANGE)).changes, want.hc.eur, 1e-5);
    expectSame((await haChanges(`${HP_ID}_cost`, ...RANGE)).changes, want.hp.eur, 1e-5);
    // The periods add up to the total, to the Wh, every hour.
    const total = await haChanges(ID, ...RANGE);
    const sums = new Map(
      [...total.changes.keys()].map((h) => [h, (hc.changes.get(h) ?? 0) + (hp.changes.get(h) ?? 0)]),
    );
    expectSame(sums, total.changes, 1e-6);
  });

  it('imports only the new hours the next day', async () => {
    await store.upsertCurve(PDL, 'consumption', curve('2026-11-04', '2026-11-05', 7));
    const { exporter, logger } = await runOnce();
    const imports = logger.lines.filter((l) => l.msg === 'importing statistics into Home Assistant');
    expect(imports.map((l) => [l.fields.statistic, l.fields.rows])).toEqual(
      [ID, COST_ID, ...PERIOD_IDS].map((id) => [id, 24]),
    );
    expect(exporter.status().lastResult).toEqual({ statistics: 6, importedRows: 0 });
    expectSame((await haChanges(ID, ...RANGE)).changes, (await expected(PDL)).kwh, 1e-6);
  });

  it('re-imports a corrected past day without a spike (trailing window and data-changed event)', async () => {
    await store.upsertCurve(PDL, 'consumption', curve('2026-10-30', '2026-10-31', 999));
    await runOnce();
    const recent = await haChanges(ID, ...RANGE);
    expectSame(recent.changes, (await expected(PDL)).kwh, 1e-6);
    await store.upsertCurve(PDL, 'consumption', curve('2026-10-03', '2026-10-04', 555));
    const x = exporterFor();
    await x.exporter.start(x.context);
    x.events.emit('data-changed', {
      pdl: PDL,
      stream: 'consumption_curve',
      range: { start: '2026-10-03', end: '2026-10-04' },
    });
    await x.exporter.run('test');
    await x.exporter.stop();
    const after = await haChanges(ID, ...RANGE);
    expectSame(after.changes, (await expected(PDL)).kwh, 1e-6);
    expect([...after.changes.values()].every((v) => v >= 0)).toBe(true);
  });

  it('recomputes the cost statistics over the whole history when prices change, per period too', async () => {
    await runOnce({ prices: { hcKwh: HC * 2, hpKwh: HP * 2 } });
    const doubled = new Map([...(await expected(PDL)).eur].map(([k, v]) => [k, v * 2]));
    expectSame((await haChanges(COST_ID, ...RANGE)).changes, doubled, 1e-5);
    const twice = await expectedPeriods(PDL, HC * 2, HP * 2);
    expectSame((await haChanges(`${HC_ID}_cost`, ...RANGE)).changes, twice.hc.eur, 1e-5);
    expectSame((await haChanges(`${HP_ID}_cost`, ...RANGE)).changes, twice.hp.eur, 1e-5);
    await runOnce();
    expectSame((await haChanges(COST_ID, ...RANGE)).changes, (await expected(PDL)).eur, 1e-5);
    expectSame((await haChanges(`${HP_ID}_cost`, ...RANGE)).changes, (await expectedPeriods(PDL)).hp.eur, 1e-5);
  });

  it('a dated price from 15 October recomputes the peak costs from that day on only', async () => {
    const before = await haChanges(`${HC_ID}_cost`, ...RANGE);
    await runOnce({ prices: { hcKwh: HC, hpKwh: HP, dated: [{ from: '2026-10-15', hpKwh: 0.4 }] } });
    const split = await expectedPeriods(PDL);
    const hpWant = new Map([...split.hp.kwh].map(([h, kwh]) => [h, kwh * (parisNaive(h) >= '2026-10-15' ? 0.4 : HP)]));
    expectSame((await haChanges(`${HP_ID}_cost`, ...RANGE)).changes, hpWant, 1e-5);
    expectSame((await haChanges(`${HC_ID}_cost`, ...RANGE)).changes, before.changes, 1e-9);
    await runOnce();
    expectSame((await haChanges(`${HP_ID}_cost`, ...RANGE)).changes, split.hp.eur, 1e-5);
  });

  it('re-imports statistics the user cleared in HA', async () => {
    await conn.sendMessagePromise({ type: 'recorder/clear_statistics', statistic_ids: [ID] });
    await runOnce();
    expectSame((await haChanges(ID, ...RANGE)).changes, (await expected(PDL)).kwh, 1e-6);
  });

  it('survives Home Assistant restarting in the middle of an export', async () => {
    await store.upsertCurve(PDL_RESTART, 'consumption', curve('2026-08-01', '2026-11-04', 3));
    let imports = 0;
    let restarting: Promise<void> | null = null;
    const connect = async (o: { url: string; token: string }) => {
      const api = await connectHomeAssistant(o);
      const original = api.importStatistics.bind(api);
      api.importStatistics = async (meta, rows) => {
        if (++imports === 3 && !restarting) restarting = ha.restart();
        return original(meta, rows);
      };
      return api;
    };
    const x = exporterFor({ chunkHours: 100 }, connect);
    await x.exporter.start(x.context);
    await x.exporter.run('test');
    expect(restarting).not.toBeNull();
    await restarting;
    conn.close();
    conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
    await x.exporter.run('after restart');
    await x.exporter.stop();
    expect(x.exporter.status()).toMatchObject({ lastError: null });
    const id = `myelectricaldata:${PDL_RESTART}_consumption`;
    const ha2 = await haChanges(id, parisMidnightUtc('2026-07-30'), RANGE[1]);
    expectSame(ha2.changes, (await expected(PDL_RESTART)).kwh, 1e-6);
  });

  it('adds the statistics to the Energy Dashboard without touching the user settings', async () => {
    const userDevice = { stat_consumption: 'sensor.fridge_energy' };
    await conn.sendMessagePromise({ type: 'energy/save_prefs', device_consumption: [userDevice] });
    await runOnce({ energyDashboard: 'auto' });
    const prefs = await conn.sendMessagePromise<{
      energy_sources: Record<string, unknown>[];
      device_consumption: unknown[];
    }>({
      type: 'energy/get_prefs',
    });
    expect(prefs.device_consumption).toEqual([expect.objectContaining(userDevice)]);
    // An HC/HP contract: the per-period statistics instead of the total, so the dashboard shows the split.
    expect(prefs.energy_sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'grid', stat_energy_from: HC_ID, stat_cost: `${HC_ID}_cost` }),
        expect.objectContaining({ type: 'grid', stat_energy_from: HP_ID, stat_cost: `${HP_ID}_cost` }),
      ]),
    );
    expect(JSON.stringify(prefs.energy_sources)).not.toContain(`"${ID}"`);
    await runOnce({ energyDashboard: 'auto' });
    const again = await conn.sendMessagePromise<{ energy_sources: unknown[] }>({ type: 'energy/get_prefs' });
    expect(again.energy_sources).toHaveLength(prefs.energy_sources.length);
    const validation = await conn.sendMessagePromise<{
      energy_sources: { type: string; affected_ids: [string, unknown][] }[][];
    }>({
      type: 'energy/validate',
    });
    const ourIssues = validation.energy_sources
      .flat()
      .filter((i) => i.affected_ids.some(([id]) => id.startsWith('myelectricaldata:')));
    expect(ourIssues).toEqual([]);
  });

  it('reports a wrong token and an unreachable URL with what to fix', async () => {
    const bad = await runOnce({ token: 'not-a-token' });
    expect(bad.exporter.status().lastError).toMatch(/refused the access token.*long-lived access token/);
    const closed = await runOnce({ url: 'http://127.0.0.1:9' });
    expect(closed.exporter.status().lastError).toMatch(/cannot be reached at http:\/\/127\.0\.0\.1:9.*check the URL/);
  });

  it('left no warning or error about our statistics in the Home Assistant log', async () => {
    const lines = (await ha.logText())
      .split('\n')
      .filter((l) => /WARNING|ERROR/.test(l) && /recorder|statistic|energy|websocket_api|myelectricaldata/i.test(l));
    expect(lines).toEqual([]);
  });
});
