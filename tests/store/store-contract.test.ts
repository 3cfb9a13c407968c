/**
 * The store contract, written once and run against every engine (SQLite always; PostgreSQL and
 * MySQL/MariaDB when PG_URL / MYSQL_URL are set, see `.ci/services.sh`).
 */
import { parisMidnightUtc } from '../../src/domain/time.js';
import type { DayAttempt } from '../../src/store/repository.js';
import { GLOBAL_PDL } from '../../src/store/repository.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { type EngineHarness, engineHarnesses } from './engines.js';
import { address, contract, halfHours, PDL, PDL2, usagePoint } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);

describe.each(engineHarnesses().map((h) => [h.name, h] as const))('%s store', (name, h: EngineHarness) => {
  if (h.skipReason) {
    test(`${name}: skipped because ${h.skipReason}`, () => {
      expect(h.skipReason).toMatch(/is not set$/);
    });
    return;
  }
  let store: SqlStore;
  beforeEach(async () => {
    store = await h.fresh();
  });
  afterEach(async () => {
    await store.close();
  });
  afterAll(() => h.cleanup());

  test('reports its engine', () => {
    expect(store.engine).toBe(name);
  });

  test('usage points: upsert is idempotent, updates overwrite, contract and address kept', async () => {
    await store.upsertUsagePoints([usagePoint(PDL), usagePoint(PDL2, { hasProduction: true })], T0);
    await store.upsertUsagePoints([usagePoint(PDL), usagePoint(PDL2, { hasProduction: true })], T0);
    await store.setContract(contract(PDL));
    await store.setAddress(address(PDL));
    await store.upsertUsagePoints([usagePoint(PDL, { name: null, isActive: false, subscribedPowerKva: 12 })], T0 + 5);
    const list = await store.listUsagePoints();
    expect(list.map((p) => p.pdl)).toEqual([PDL, PDL2]);
    expect(list[0]).toEqual({
      ...usagePoint(PDL, { name: null, isActive: false, subscribedPowerKva: 12 }),
      contract: contract(PDL),
      address: address(PDL),
      lastSeenAt: T0 + 5,
    });
    expect(list[1]).toEqual({
      ...usagePoint(PDL2, { hasProduction: true }),
      contract: null,
      address: null,
      lastSeenAt: T0,
    });
    expect(await store.getUsagePoint(PDL2)).toEqual(list[1]);
    expect(await store.getUsagePoint('00000000000000')).toBeNull();
  });

  test('contract of an unknown usage point is refused with a clear error', async () => {
    await expect(store.setContract(contract(PDL))).rejects.toMatchObject({ code: 'STORE_UNKNOWN_PDL' });
  });

  test('daily energy: idempotent upsert, overwrite, end-exclusive range, directions apart', async () => {
    const rows = [
      { date: '2026-03-28', wh: 12_345 },
      { date: '2026-03-29', wh: 0 },
      { date: '2026-03-30', wh: 9_007_199_254 },
    ];
    await store.upsertDaily(PDL, 'consumption', rows);
    await store.upsertDaily(PDL, 'consumption', rows);
    await store.upsertDaily(PDL, 'consumption', [{ date: '2026-03-29', wh: 777 }]);
    await store.upsertDaily(PDL, 'production', [{ date: '2026-03-29', wh: 5 }]);
    expect(await store.listDaily(PDL, 'consumption', { start: '2026-03-28', end: '2026-03-30' })).toEqual([
      { date: '2026-03-28', wh: 12_345 },
      { date: '2026-03-29', wh: 777 },
    ]);
    expect(await store.listDaily(PDL, 'production', { start: '2026-01-01', end: '2027-01-01' })).toEqual([
      { date: '2026-03-29', wh: 5 },
    ]);
    expect(await store.listDaily(PDL2, 'consumption', { start: '2026-01-01', end: '2027-01-01' })).toEqual([]);
  });

  test('non-integer energy is refused', async () => {
    await expect(store.upsertDaily(PDL, 'consumption', [{ date: '2026-01-01', wh: 1.5 }])).rejects.toMatchObject({
      code: 'STORE_BAD_VALUE',
    });
  });

  test('load curve: idempotent, overwrite, ordered, end-exclusive instants', async () => {
    const rows = halfHours('2026-01-10', '2026-01-12');
    await store.upsertCurve(PDL, 'consumption', rows);
    await store.upsertCurve(PDL, 'consumption', rows);
    await store.upsertCurve(PDL, 'consumption', [{ ...rows[3]!, w: 4321 }]);
    const from = rows[2]!.start;
    const to = rows[6]!.start;
    const got = await store.listCurve(PDL, 'consumption', from, to);
    expect(got).toEqual([rows[2], { ...rows[3], w: 4321 }, rows[4], rows[5]]);
    expect(await store.listCurve(PDL, 'production', 0, Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await store.listCurve(PDL, 'consumption', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(96);
  });

  test('load curve: duplicate instants in one batch keep the last', async () => {
    const t = parisMidnightUtc('2026-02-01');
    await store.upsertCurve(PDL, 'consumption', [
      { start: t, minutes: 30, w: 1 },
      { start: t, minutes: 30, w: 2 },
    ]);
    expect(await store.listCurve(PDL, 'consumption', t, t + 1)).toEqual([{ start: t, minutes: 30, w: 2 }]);
  });

  test('load curve: a large batch (many encoded slices) is whole, even unsorted with a duplicate', async () => {
    const rows = halfHours('2026-01-01', '2026-03-01'); // 2,832 half-hours: more than one slice
    const shuffled = [...rows.slice(1500), ...rows.slice(0, 1500), { ...rows[10]!, w: 1 }]; // the last copy wins
    await store.upsertCurve(PDL, 'consumption', shuffled);
    const held = await store.listCurve(PDL, 'consumption', 0, rows.at(-1)!.start + 1);
    expect(held).toEqual(rows.map((r, i) => (i === 10 ? { ...r, w: 1 } : r)));
  });

  test('load curve: a bad row late in a large batch writes nothing of it', async () => {
    const rows = halfHours('2026-01-01', '2026-03-01');
    rows[2_500] = { ...rows[2_500]!, w: 1.5 }; // not an integer: refused when its slice is encoded
    await expect(store.upsertCurve(PDL, 'consumption', rows)).rejects.toThrow(/w/);
    expect(await store.listCurve(PDL, 'consumption', 0, rows.at(-1)!.start + 1)).toEqual([]);
  });

  test('curve coverage per Paris day, DST days have 46 and 50 half-hours', async () => {
    const spring = halfHours('2026-03-28', '2026-03-31');
    const fall = halfHours('2026-10-25', '2026-10-26');
    const partial = halfHours('2026-06-01', '2026-06-02').slice(0, 10);
    await store.upsertCurve(PDL, 'consumption', [...spring, ...fall, ...partial]);
    const cov = await store.curveCoverage(PDL, 'consumption', { start: '2026-03-27', end: '2026-11-01' });
    expect(cov).toEqual([
      { date: '2026-03-28', minutes: 1440, readings: 48 },
      { date: '2026-03-29', minutes: 46 * 30, readings: 46 },
      { date: '2026-03-30', minutes: 1440, readings: 48 },
      { date: '2026-06-01', minutes: 300, readings: 10 },
      { date: '2026-10-25', minutes: 50 * 30, readings: 50 },
    ]);
    expect(await store.curveCoverage(PDL, 'consumption', { start: '2026-03-29', end: '2026-03-29' })).toEqual([]);
    expect(await store.curveCoverage(PDL, 'production', { start: '2026-03-27', end: '2026-11-01' })).toEqual([]);
  });

  test('a two-year curve upserts quickly and covers every day', async () => {
    const rows = halfHours('2024-11-27', '2026-11-27');
    expect(rows.length).toBeGreaterThan(35_000);
    const started = performance.now();
    await store.upsertCurve(PDL, 'consumption', rows);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(name === 'sqlite' ? 1000 : 5000);
    const cov = await store.curveCoverage(PDL, 'consumption', { start: '2024-11-27', end: '2026-11-27' });
    expect(cov).toHaveLength(730);
    expect(cov.reduce((s, c) => s + c.readings, 0)).toBe(rows.length);
  }, 30_000);

  test('max power: upsert, overwrite, range', async () => {
    const at = Date.UTC(2026, 0, 5, 18, 31, 0);
    await store.upsertMaxPower(PDL, [
      { date: '2026-01-05', va: 6120, at },
      { date: '2026-01-06', va: 5000, at: at + 86_400_000 },
    ]);
    await store.upsertMaxPower(PDL, [{ date: '2026-01-05', va: 7000, at: at + 60_000 }]);
    expect(await store.listMaxPower(PDL, { start: '2026-01-05', end: '2026-01-06' })).toEqual([
      { date: '2026-01-05', va: 7000, at: at + 60_000 },
    ]);
  });

  test('tempo and ecowatt: upsert, overwrite, range', async () => {
    await store.upsertTempo([
      { date: '2026-01-05', color: 'BLUE' },
      { date: '2026-01-06', color: 'RED' },
    ]);
    await store.upsertTempo([{ date: '2026-01-05', color: 'WHITE' }]);
    expect(await store.listTempo({ start: '2026-01-01', end: '2026-01-06' })).toEqual([
      { date: '2026-01-05', color: 'WHITE' },
    ]);
    const hourly = Array.from({ length: 24 }, (_, i) => (i === 8 ? 3 : i % 2));
    const signal = { date: '2026-01-06', level: 3, message: 'Coupures possibles — réduisez', hourly };
    await store.upsertEcoWatt([{ ...signal, level: 2 }]);
    await store.upsertEcoWatt([signal]);
    expect(await store.listEcoWatt({ start: '2026-01-06', end: '2026-01-07' })).toEqual([signal]);
    expect(await store.listEcoWatt({ start: '2026-01-07', end: '2026-01-08' })).toEqual([]);
  });

  test('day attempts: upsert, overwrite, range, delete, per stream', async () => {
    const a: DayAttempt = {
      date: '2026-01-05',
      attempts: 1,
      lastAttemptAt: T0,
      nextRetryAt: T0 + 3_600_000,
      lastError: 'x',
    };
    const b: DayAttempt = { date: '2026-01-06', attempts: 7, lastAttemptAt: T0, nextRetryAt: null, lastError: null };
    await store.upsertDayAttempts(PDL, 'consumption_curve', [a, b]);
    await store.upsertDayAttempts(PDL, 'consumption_curve', [{ ...a, attempts: 2 }]);
    await store.upsertDayAttempts(GLOBAL_PDL, 'tempo', [a]);
    const range = { start: '2026-01-01', end: '2026-02-01' };
    expect(await store.listDayAttempts(PDL, 'consumption_curve', range)).toEqual([{ ...a, attempts: 2 }, b]);
    expect(await store.listDayAttempts(PDL, 'consumption_curve', { start: '2026-01-06', end: '2026-01-06' })).toEqual(
      [],
    );
    await store.deleteDayAttempts(PDL, 'consumption_curve', ['2026-01-05', '2026-01-09']);
    expect(await store.listDayAttempts(PDL, 'consumption_curve', range)).toEqual([b]);
    expect(await store.listDayAttempts(GLOBAL_PDL, 'tempo', range)).toEqual([a]);
  });

  test('stream state: get, set overwrites, list ordered', async () => {
    expect(await store.getStreamState(PDL, 'max_power')).toBeNull();
    await store.setStreamState({
      pdl: PDL,
      stream: 'max_power',
      lastSuccessAt: null,
      lastAttemptAt: T0,
      lastError: 'boom',
    });
    await store.setStreamState({
      pdl: PDL,
      stream: 'max_power',
      lastSuccessAt: T0,
      lastAttemptAt: T0,
      lastError: null,
    });
    await store.setStreamState({
      pdl: GLOBAL_PDL,
      stream: 'tempo',
      lastSuccessAt: T0,
      lastAttemptAt: T0,
      lastError: null,
    });
    expect(await store.getStreamState(PDL, 'max_power')).toEqual({
      pdl: PDL,
      stream: 'max_power',
      lastSuccessAt: T0,
      lastAttemptAt: T0,
      lastError: null,
    });
    expect((await store.listStreamStates()).map((s) => `${s.pdl}/${s.stream}`)).toEqual([
      `${GLOBAL_PDL}/tempo`,
      `${PDL}/max_power`,
    ]);
  });

  test('cursors: get, set, overwrite, delete, case-sensitive keys', async () => {
    expect(await store.getCursor('mqtt', 'k')).toBeNull();
    await store.setCursor('mqtt', 'k', '{"a":1}');
    await store.setCursor('mqtt', 'k', '{"a":2}');
    await store.setCursor('mqtt', 'K', 'upper');
    await store.setCursor('ha', 'k', 'other');
    expect(await store.getCursor('mqtt', 'k')).toBe('{"a":2}');
    expect(await store.getCursor('mqtt', 'K')).toBe('upper');
    await store.deleteCursor('mqtt', 'k');
    expect(await store.getCursor('mqtt', 'k')).toBeNull();
    expect(await store.getCursor('ha', 'k')).toBe('other');
  });

  test('transaction commits together and rolls back on throw', async () => {
    await store.transaction(async (tx) => {
      await tx.setCursor('e', 'a', '1');
      await tx.transaction(async (inner) => inner.setCursor('e', 'b', '2'));
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.setCursor('e', 'a', 'changed');
        await tx.upsertDaily(PDL, 'consumption', [{ date: '2026-01-01', wh: 1 }]);
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect(await store.getCursor('e', 'a')).toBe('1');
    expect(await store.getCursor('e', 'b')).toBe('2');
    expect(await store.listDaily(PDL, 'consumption', { start: '2026-01-01', end: '2026-01-02' })).toEqual([]);
  });

  test('calls made outside a running transaction are not swallowed by its rollback', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const tx = store.transaction(async (t) => {
      await t.setCursor('e', 'inside', '1');
      await gate;
      throw new Error('rollback');
    });
    const outside = store.setCursor('e', 'outside', '1');
    release();
    await expect(tx).rejects.toThrow('rollback');
    await outside;
    expect(await store.getCursor('e', 'inside')).toBeNull();
    expect(await store.getCursor('e', 'outside')).toBe('1');
  });

  test('the change stamp moves with every write, a transaction that wrote and a forget, never with a read', async () => {
    const stamps = [await store.changeStamp()];
    const moved = async () => {
      const now = await store.changeStamp();
      expect(now).not.toEqual(stamps.at(-1));
      stamps.push(now);
    };
    await store.upsertUsagePoints([usagePoint(PDL)], T0);
    await moved();
    await store.upsertCurve(PDL, 'consumption', halfHours('2026-01-01', '2026-01-02'));
    await moved();
    await store.setCursor('e', 'k', '1');
    await moved();
    await store.listCurve(PDL, 'consumption', 0, T0);
    await store.listUsagePoints();
    await store.transaction((tx) => tx.listDaily(PDL, 'consumption', { start: '2026-01-01', end: '2026-01-02' }));
    expect(await store.changeStamp()).toEqual(stamps.at(-1));
    await store.transaction((tx) => tx.upsertDaily(PDL, 'consumption', [{ date: '2026-01-01', wh: 1 }]));
    await moved();
    await store.forgetPdl(PDL);
    await moved();
    expect(stamps.at(-1)!.external === null).toBe(name !== 'sqlite');
  });

  test('data persists across reopen and migrations are idempotent', async () => {
    await store.upsertDaily(PDL, 'consumption', [{ date: '2026-01-01', wh: 42 }]);
    await store.close();
    store = await h.reopen();
    await store.close();
    store = await h.reopen();
    expect(await store.listDaily(PDL, 'consumption', { start: '2026-01-01', end: '2026-01-02' })).toEqual([
      { date: '2026-01-01', wh: 42 },
    ]);
  });
});
