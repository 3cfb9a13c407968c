/**
 * Yesterday's daily consumption is out of the daily route's reach, so the sync derives it from the
 * complete curve. Enedis' daily value comes from the meter index and can differ from the curve's sum: the
 * next day's sync must replace the derived value by the real one, and announce the change (the exporters
 * re-send a day from the `data-changed` events).
 */
import { addDays, parisNaiveToUtc, parisToday } from '../../../src/domain/time.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import type { DataChangedEvent } from '../../../src/sync/events.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const DAY = 86_400_000;
let h: Harness | undefined;
afterEach(() => h?.close());

it('replaces a daily value derived from the curve by the real one, and announces the change', async () => {
  h = await startHarness(NOW, {}, [PRM.house]);
  const j1 = addDays(parisToday(NOW), -1);
  const stored = async () =>
    (await h!.store.listDaily(PRM.house, 'consumption', { start: j1, end: addDays(j1, 1) }))[0];
  expect((await h.engine.run('full')).status).toBe('ok');
  const derived = await stored();
  // The daily route cannot serve J-1 yet: the value is the curve's sum.
  expect(derived?.wh).toBe(h.sim.dataset.dailyWh(PRM.house, j1));

  // The meter index says a little more than the curve (as Enedis' daily values may).
  const curveSum = derived!.wh;
  const real = h.sim.dataset.dailyWh.bind(h.sim.dataset);
  h.sim.dataset.dailyWh = (prm, date) => (prm === PRM.house && date === j1 ? real(prm, date) + 37 : real(prm, date));

  const changes: DataChangedEvent[] = [];
  h.events.on('data-changed', (e) => changes.push(e));
  h.clock.advance(DAY);
  expect((await h.engine.run('full')).status).toBe('ok');
  expect((await stored())?.wh).toBe(curveSum + 37);
  const announced = changes.filter((e) => e.stream === 'consumption_daily' && e.range.start <= j1 && j1 < e.range.end);
  expect(announced.length).toBeGreaterThan(0);
}, 120_000);
