import { addDays, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { LocalDate } from '../../../src/domain/types.js';
import { PRM, REALISTIC_HOLES, type RequestLogEntry } from '../../../src/gateway/simulator/index.js';
import { createStatusProvider } from '../../../src/sync/status-provider.js';
import { describeEachEngine } from '../store/test-databases.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const MIN = 60_000;
const HOUR = 60 * MIN;
/** A day the gateway never has (no curve, no daily, no max power), far outside the trailing window. */
const HOLE = '2025-06-10';

/** Whether a logged request asked for `day` (batch routes read `end` as inclusive). */
function asks(entry: RequestLogEntry, route: string, day: LocalDate): boolean {
  if (!entry.path.includes(route)) return false;
  const { start, end } = entry.query as Record<string, string | undefined>;
  if (!start || !end) return false;
  return start <= day && (route.includes('/batch/') ? day <= end : day < end);
}

const ROUTES = {
  consumption_daily: '/consumption/daily/',
  consumption_curve: '/consumption/detail/batch/',
  max_power: '/power/',
} as const;

describeEachEngine('holes in what the gateway serves', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    const holes = { ...REALISTIC_HOLES, missingDays: { [PRM.house]: [HOLE] } };
    h = await startHarness(NOW, { dataset: { holes } }, [PRM.house], undefined, { engine });
  }, 30_000);
  afterAll(() => h.close());

  /** One run at NOW + offset: which streams asked for HOLE, and its attempt count afterwards. */
  async function runAt(offsetMs: number) {
    h.clock.set(NOW + offsetMs);
    const from = h.sim.requestLog.length;
    const outcome = await h.engine.run('full');
    expect(outcome).toMatchObject({ status: 'ok', failedTasks: 0 });
    const log = h.sim.requestLog.slice(from);
    const asked = Object.entries(ROUTES)
      .filter(([, route]) => log.some((e) => asks(e, route, HOLE)))
      .map(([stream]) => stream);
    const range = { start: HOLE, end: addDays(HOLE, 1) };
    const attempts = await Promise.all(
      Object.keys(ROUTES).map(async (s) => (await h.store.listDayAttempts(PRM.house, s as 'max_power', range))[0]),
    );
    return {
      asked,
      attempts: attempts.map((a) => a?.attempts ?? 0),
      givenUp: attempts.map((a) => a?.nextRetryAt === null),
    };
  }

  it('retries a missing day with back-off on later runs, then leaves it alone', async () => {
    const all = Object.keys(ROUTES);
    // Default back-off: 1 h, 6 h, 24 h, 72 h after attempts 1 to 4; given up after attempt 5.
    const schedule: [number, string[], number][] = [
      [0, all, 1],
      [30 * MIN, [], 1],
      [61 * MIN, all, 2],
      [3 * HOUR, [], 2],
      [7 * HOUR + 2 * MIN, all, 3],
      [31 * HOUR + 3 * MIN, all, 4],
      [50 * HOUR, [], 4],
      [103 * HOUR + 4 * MIN, all, 5],
      [200 * HOUR, [], 5],
      [400 * HOUR, [], 5],
    ];
    for (const [offset, asked, attempts] of schedule) {
      const run = await runAt(offset);
      expect({ offset, asked: run.asked, attempts: run.attempts }).toEqual({
        offset,
        asked,
        attempts: all.map(() => attempts),
      });
      expect(run.givenUp).toEqual(all.map(() => attempts === 5));
    }
    expect(await h.store.listDaily(PRM.house, 'consumption', { start: HOLE, end: addDays(HOLE, 1) })).toEqual([]);
  }, 60_000);

  it('reports the given-up days in the status', async () => {
    const status = await createStatusProvider({
      store: h.store,
      engine: h.engine,
      client: null,
      clock: h.clock,
      selection: [],
      names: {},
      schedule: () => ({ nextDailySync: null, nextTempo: null, nextEcoWatt: null }),
    }).getStatus();
    const house = status.pdls.find((p) => p.pdl === PRM.house);
    const daily = house?.streams.find((s) => s.stream === 'consumption_daily');
    expect(daily?.givenUpDays).toBeGreaterThanOrEqual(1);
    // REALISTIC_HOLES also drops single readings: those curve days are incomplete and end up given up too.
    const curve = house?.streams.find((s) => s.stream === 'consumption_curve');
    expect(curve?.givenUpDays).toBeGreaterThan(daily?.givenUpDays ?? 0);
  });
});
