/**
 * `forgetPdl` on every engine (a fresh database each): the PDL's rows go, table by table and with the
 * exporter cursors naming it; the other PDL and the account-wide streams stay untouched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import { GLOBAL_PDL, type Store } from '../../../src/store/repository.js';
import { address, contract, halfHours, PDL, PDL2, usagePoint } from '../../store/fixtures.js';
import { createTestDatabase, engineChoices, type TestDatabase } from './test-databases.js';

const T0 = Date.UTC(2026, 10, 27, 8, 0, 0);
const RANGE = { start: '2026-01-01', end: '2027-01-01' };

async function fillBoth(store: Store): Promise<void> {
  await store.upsertUsagePoints([usagePoint(PDL), usagePoint(PDL2, { hasProduction: true })], T0);
  await store.setContract(contract(PDL));
  await store.setAddress(address(PDL));
  for (const pdl of [PDL, PDL2]) {
    await store.upsertDaily(pdl, 'consumption', [{ date: '2026-11-01', wh: 1234 }]);
    await store.upsertCurve(pdl, 'consumption', halfHours('2026-11-01', '2026-11-03'));
    await store.upsertMaxPower(pdl, [{ date: '2026-11-01', va: 5000, at: T0 - 86_400_000 }]);
    const attempt = { date: '2026-10-30', attempts: 1, lastAttemptAt: T0, nextRetryAt: T0 + 1, lastError: null };
    await store.upsertDayAttempts(pdl, 'consumption_curve', [attempt]);
    await store.setStreamState({
      pdl,
      stream: 'consumption_daily',
      lastSuccessAt: T0,
      lastAttemptAt: T0,
      lastError: null,
    });
    await store.setCursor('home-assistant', `dirty:${pdl}:consumption`, '1');
    await store.setCursor('home-assistant', `stat:myelectricaldata:${pdl}_consumption`, '{}');
  }
  await store.upsertTempo([{ date: '2026-11-01', color: 'BLUE' }]);
  await store.setStreamState({
    pdl: GLOBAL_PDL,
    stream: 'tempo',
    lastSuccessAt: T0,
    lastAttemptAt: T0,
    lastError: null,
  });
  await store.setCursor('mqtt', 'client-id', 'abc');
}

async function heldBy(store: Store, pdl: string) {
  return {
    point: (await store.getUsagePoint(pdl)) !== null,
    daily: (await store.listDaily(pdl, 'consumption', RANGE)).length,
    curve: (await store.listCurve(pdl, 'consumption', 0, T0)).length,
    maxPower: (await store.listMaxPower(pdl, RANGE)).length,
    attempts: (await store.listDayAttempts(pdl, 'consumption_curve', RANGE)).length,
    states: (await store.listStreamStates()).filter((s) => s.pdl === pdl).length,
    cursors: [
      await store.getCursor('home-assistant', `dirty:${pdl}:consumption`),
      await store.getCursor('home-assistant', `stat:myelectricaldata:${pdl}_consumption`),
    ].filter((c) => c !== null).length,
  };
}

describe.each(engineChoices().map((e) => [e.label, e] as const))('forgetPdl on %s', (label, engine) => {
  if (engine.skipReason) {
    it(`${label}: not run because ${engine.skipReason}`, () => expect(engine.skipReason).toMatch(/is not set$/));
    return;
  }
  let db: TestDatabase;
  let store: Store;
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'med-forget-'));
    db = await createTestDatabase(engine);
    store = await openStore({ url: db.url, dataDir: dir, logger: silentLogger });
    await fillBoth(store);
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes every row of the PDL and says how many per table', async () => {
    const before = await heldBy(store, PDL);
    expect(before).toEqual({ point: true, daily: 1, curve: 96, maxPower: 1, attempts: 1, states: 1, cursors: 2 });
    const deleted = await store.forgetPdl(PDL);
    expect(deleted).toEqual({
      daily_energy: 1,
      load_curve: 96,
      max_power: 1,
      day_attempts: 1,
      stream_state: 1,
      exporter_cursors: 2,
      usage_points: 1,
    });
    expect(await heldBy(store, PDL)).toEqual({
      point: false,
      daily: 0,
      curve: 0,
      maxPower: 0,
      attempts: 0,
      states: 0,
      cursors: 0,
    });
  });

  it('keeps the other PDL, Tempo and the cursors not naming the PDL', async () => {
    const other = await heldBy(store, PDL2);
    await store.forgetPdl(PDL);
    expect(await heldBy(store, PDL2)).toEqual(other);
    expect(await store.listTempo(RANGE)).toEqual([{ date: '2026-11-01', color: 'BLUE' }]);
    expect((await store.getStreamState(GLOBAL_PDL, 'tempo'))?.lastSuccessAt).toBe(T0);
    expect(await store.getCursor('mqtt', 'client-id')).toBe('abc');
  });

  it('deletes nothing for a PDL it does not hold, and refuses a malformed one', async () => {
    const deleted = await store.forgetPdl('11112222333344');
    expect(Object.values(deleted).every((n) => n === 0)).toBe(true);
    await expect(store.forgetPdl('1%')).rejects.toThrow(/not a 14-digit PDL/);
    expect((await heldBy(store, PDL)).curve).toBe(96);
  });

  it('rolls back with the transaction it joins', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.forgetPdl(PDL);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await heldBy(store, PDL)).point).toBe(true);
  });
});
