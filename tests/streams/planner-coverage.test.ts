import { parisNaiveToUtc } from '../../src/domain/time.js';
import type { UsagePoint } from '../../src/domain/types.js';
import { streamsOf } from '../../src/streams/index.js';
import { DEFAULT_PLANNER_OPTIONS, dayStreamsOf, planPdl } from '../../src/sync/planner/index.js';
import { usagePoint } from '../store/fixtures.js';

const TODAY = '2026-11-27';
const NOW = parisNaiveToUtc('2026-11-27 09:00:00');
const FLAGS: [string, Partial<UsagePoint>][] = [
  ['consumption only', { hasConsumption: true, hasProduction: false }],
  ['production only', { hasConsumption: false, hasProduction: true }],
  ['both', { hasConsumption: true, hasProduction: true }],
  ['neither', { hasConsumption: false, hasProduction: false }],
];

const planned = (point: UsagePoint, curve?: boolean) =>
  planPdl(
    { point, today: TODAY, now: NOW, holdings: {}, lastSuccess: {} },
    { ...DEFAULT_PLANNER_OPTIONS, ...(curve === undefined ? {} : { curve }) },
  ).map((t) => t.stream);

describe('the planner covers exactly the streams the table gives a PDL', () => {
  it.each(FLAGS)('%s: every stream of the PDL once, in table order, on an empty store', (_what, flags) => {
    const point = usagePoint('12345678901234', {
      ...flags,
      activationDate: '2019-05-04',
      oldestAvailableDataDate: null,
    });
    const names = streamsOf(point).map((s) => s.name);
    expect([...new Set(planned(point))]).toEqual(names);
    expect(dayStreamsOf(point)).toEqual(
      streamsOf(point)
        .filter((s) => s.unit === 'day')
        .map((s) => s.name),
    );
  });

  it.each(FLAGS)('%s: without load curves, every stream but the curves', (_what, flags) => {
    const point = usagePoint('12345678901234', {
      ...flags,
      activationDate: '2019-05-04',
      oldestAvailableDataDate: null,
    });
    const names = streamsOf(point)
      .filter((s) => s.kind !== 'curve')
      .map((s) => s.name);
    expect([...new Set(planned(point, false))]).toEqual(names);
  });

  it('gives no PDL an account-wide stream', () => {
    const point = usagePoint('12345678901234', { hasConsumption: true, hasProduction: true });
    expect(streamsOf(point).filter((s) => s.owner === 'account')).toEqual([]);
  });
});
