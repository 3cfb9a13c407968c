/**
 * Tempo runs through a day against the simulator (RTE's colour visible at the gateway from 10:40 Paris) and
 * a real SQLite store: before 10:30 tomorrow is not asked for; 10:35 asks and finds nothing; every later
 * run asks again (no back-off) until the colour comes; once held, a run asks nothing. Paris time, whatever
 * the process time zone.
 */
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { GLOBAL_PDL } from '../../../src/store/repository.js';
import { type Harness, startHarness } from './harness.js';

const at = (time: string) => parisNaiveToUtc(`2026-03-29 ${time}`); // the 23-hour DST day
let h: Harness;

beforeAll(async () => {
  h = await startHarness(at('09:00:00'));
}, 30_000);
afterAll(() => h.close());

const tempoCalls = () => h.sim.requestLog.filter((r) => r.path.startsWith('/api/tempo')).length;
const held = async (date: string) => (await h.store.listTempo({ start: date, end: '2026-04-01' })).map((d) => d.date);

it('asks for tomorrow from 10:30 Paris, polls until it is published, then stops', async () => {
  expect(await h.engine.run('tempo')).toMatchObject({ status: 'ok' });
  expect(await held('2026-03-29')).toEqual(['2026-03-29']);
  const first = tempoCalls();
  expect(first).toBe(1);

  h.clock.set(at('10:00:00'));
  await h.engine.run('tempo');
  expect(tempoCalls()).toBe(first); // today held, tomorrow cannot exist yet: no call

  h.clock.set(at('10:35:00'));
  await h.engine.run('tempo');
  expect(tempoCalls()).toBe(first + 1); // asked; the gateway has nothing yet
  expect(await held('2026-03-30')).toEqual([]);
  const attempts = await h.store.listDayAttempts(GLOBAL_PDL, 'tempo', { start: '2026-03-30', end: '2026-03-31' });
  expect(attempts.map((a) => a.date)).toEqual(['2026-03-30']);

  h.clock.set(at('10:45:00')); // within the attempt's back-off, asked anyway: publication is due
  await h.engine.run('tempo');
  expect(tempoCalls()).toBe(first + 2);
  expect(await held('2026-03-30')).toEqual(['2026-03-30']);

  h.clock.set(at('11:05:00'));
  await h.engine.run('tempo');
  expect(tempoCalls()).toBe(first + 2);
});
