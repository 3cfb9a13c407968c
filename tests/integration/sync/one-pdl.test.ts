/**
 * A sync scoped to one PDL (the API's "sync this PDL" and "re-fetch a range"), against the simulator and
 * a real SQLite store: only that PDL's streams are asked for; a re-fetch asks again days the store holds,
 * exactly as the preview planned, and replaces them with the gateway's answer; a re-fetch a sync could
 * not finish is kept and asked again by the next one.
 */
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { refetchDays } from '../../../src/sync/refetch-marks.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const WIDE = { start: '2020-01-01', end: '2026-12-31' };
const JUNE = { start: '2026-06-01', end: '2026-06-11' };
let h: Harness | undefined;
afterEach(() => h?.close());

/** PDLs named in the gateway paths logged since `from`, and whether Tempo or EcoWatt was asked. */
function asked(sim: Harness['sim'], from = 0) {
  const entries = sim.requestLog.slice(from).filter((e) => e.path.includes('/enedis/'));
  const pdls = new Set(entries.map((e) => e.path.match(/\/(\d{14})$/)?.[1]).filter(Boolean));
  const account = sim.requestLog.slice(from).some((e) => /tempo|ecowatt/.test(e.path));
  return { pdls: [...pdls], account, entries };
}

it('syncs only the PDL asked for: its streams, no other PDL, no Tempo or EcoWatt', async () => {
  h = await startHarness(NOW);
  const outcome = await h.engine.run({ pdl: PRM.house });
  expect(outcome).toMatchObject({ status: 'ok', failedTasks: 0 });
  const { pdls, account } = asked(h.sim);
  expect(pdls).toEqual([PRM.house]);
  expect(account).toBe(false);
  expect((await h.store.listDaily(PRM.house, 'consumption', WIDE)).length).toBeGreaterThan(300);
  expect(await h.store.listDaily(PRM.oldFlat, 'consumption', WIDE)).toEqual([]);
}, 120_000);

it('re-fetches a held range as the preview planned, replacing the stored values with the answer', async () => {
  h = await startHarness(NOW);
  await h.engine.run({ pdl: PRM.house });
  const held = await h.store.listDaily(PRM.house, 'consumption', JUNE);
  expect(held).toHaveLength(10);
  // A value gone wrong in the store: a re-fetch puts back what the gateway says.
  await h.store.upsertDaily(PRM.house, 'consumption', [{ date: '2026-06-05', wh: 1 }]);
  const plain = await h.engine.preview({ pdl: PRM.house });
  expect(plain.some((t) => t.stream === 'consumption_daily' && t.range!.start <= JUNE.start)).toBe(false);
  const scope = { pdl: PRM.house, refetch: { streams: ['consumption_daily' as const], range: JUNE } };
  const planned = (await h.engine.preview(scope)).filter((t) => t.stream === 'consumption_daily');
  const june = planned.find((t) => t.range!.start <= JUNE.start && t.range!.end >= JUNE.end);
  expect(june?.wanted).toEqual(expect.arrayContaining(['2026-06-01', '2026-06-10']));
  const from = h.sim.requestLog.length;
  expect(await h.engine.run(scope)).toMatchObject({ status: 'ok', failedTasks: 0 });
  const daily = asked(h.sim, from).entries.filter((e) => e.path.includes('/consumption/daily/'));
  expect(daily).toHaveLength(planned.reduce((n, t) => n + t.calls, 0));
  expect(daily.some((e) => e.query.start! <= JUNE.start && e.query.end! >= JUNE.end)).toBe(true);
  expect(await h.store.listDaily(PRM.house, 'consumption', JUNE)).toEqual(held);
}, 120_000);

it('keeps a re-fetch that a sync could not finish, and asks it again at the next sync until done', async () => {
  h = await startHarness(NOW);
  await h.engine.run({ pdl: PRM.house });
  const held = await h.store.listDaily(PRM.house, 'consumption', JUNE);
  await h.store.upsertDaily(PRM.house, 'consumption', [{ date: '2026-06-05', wh: 1 }]);
  // The gateway's quota runs out at the first daily call of the re-fetch's sync.
  h.sim.faults.add('/enedis/consumption/daily/*', { kind: 'quotaExhausted', times: 1 });
  const scope = { pdl: PRM.house, refetch: { streams: ['consumption_daily' as const], range: JUNE } };
  expect(await h.engine.run(scope)).toMatchObject({ status: 'quota-exhausted' });
  expect(await refetchDays(h.store, PRM.house, NOW)).toEqual({ consumption_daily: [JUNE] });
  expect((await h.store.listDaily(PRM.house, 'consumption', JUNE))[4]).toEqual({ date: '2026-06-05', wh: 1 });

  // The next day's scheduled full sync asks June again, puts the gateway's value back and drops the mark.
  const nextDay = parisNaiveToUtc('2026-11-28 09:30:00');
  h.clock.set(nextDay);
  const from = h.sim.requestLog.length;
  expect(await h.engine.run('full')).toMatchObject({ status: 'ok', failedTasks: 0 });
  const daily = asked(h.sim, from).entries.filter((e) => e.path.endsWith(`/consumption/daily/${PRM.house}`));
  expect(daily.some((e) => e.query.start! <= JUNE.start && e.query.end! >= JUNE.end)).toBe(true);
  expect(await h.store.listDaily(PRM.house, 'consumption', JUNE)).toEqual(held);
  expect(await refetchDays(h.store, PRM.house, nextDay)).toEqual({});
  expect(await h.store.getCursor('sync', `refetch:${PRM.house}`)).toBeNull();

  // Done: the sync after that does not ask June again.
  const again = h.sim.requestLog.length;
  await h.engine.run('full');
  const later = asked(h.sim, again).entries.filter((e) => e.path.endsWith(`/consumption/daily/${PRM.house}`));
  expect(later.some((e) => e.query.start! <= JUNE.end)).toBe(false);
}, 120_000);

it('fetches nothing for a PDL the gateway does not list, and says so', async () => {
  const logger = memoryLogger();
  h = await startHarness(NOW, {}, [], undefined, { logger });
  const outcome = await h.engine.run({ pdl: '11112222333344' });
  expect(outcome).toMatchObject({ status: 'ok', calls: 0 });
  expect(asked(h.sim).entries).toEqual([]);
  expect(logger.lines.map((l) => l.msg)).toContain(
    'sync of PDL 11112222333344 asked, but the gateway no longer lists it for this account (or pdls excludes it): nothing was fetched',
  );
}, 60_000);

it('keeps a second sync from starting while one runs, and a whileIdle task from running then', async () => {
  h = await startHarness(NOW);
  const running = h.engine.run({ pdl: PRM.house });
  expect(h.engine.start({ pdl: PRM.oldFlat })).toBe('already-running');
  expect(await h.engine.whileIdle(async () => 1)).toBe('already-running');
  await running;
  let during: string | undefined;
  const result = await h.engine.whileIdle(async () => {
    during = h!.engine.start();
    return 2;
  });
  expect(result).toEqual({ done: 2 });
  expect(during).toBe('already-running');
  expect(h.engine.selects(PRM.house)).toBe(true);
}, 120_000);
