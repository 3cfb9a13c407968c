import { addDays, eachDay, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { UsagePoint } from '../../../src/domain/types.js';
import {
  type DayStreamHolding,
  DEFAULT_PLANNER_OPTIONS,
  planDayStream,
  planPdl,
} from '../../../src/sync/planner/index.js';

const TODAY = '2026-11-27';
const NOW = parisNaiveToUtc('2026-11-27 09:00:00');
const HOUR = 3_600_000;

function point(over: Partial<UsagePoint> = {}): UsagePoint {
  return {
    id: 'uuid-1',
    pdl: '12345678901234',
    name: 'Maison',
    subscribedPowerKva: 9,
    offpeakHours: [],
    pricingOption: 'BASE',
    hasConsumption: true,
    hasProduction: false,
    isActive: true,
    activationDate: '2019-03-04',
    oldestAvailableDataDate: null,
    linkedProductionPdlId: null,
    ...over,
  };
}

function completeExcept(start: string, end: string, holes: string[]): DayStreamHolding {
  const days = new Set(eachDay({ start, end }));
  for (const h of holes) days.delete(h);
  return { completeDays: days, attempts: [] };
}

const plan = (stream: Parameters<typeof planDayStream>[1], holding?: DayStreamHolding, p = point()) =>
  planDayStream(p.pdl, stream, { today: TODAY, now: NOW, point: p, holding }, DEFAULT_PLANNER_OPTIONS);

describe('planDayStream on an empty store', () => {
  it('asks the whole daily history (3 years, up to J-2) in one range costing 3 calls', () => {
    const [task, ...rest] = plan('consumption_daily');
    expect(rest).toEqual([]);
    expect(task?.range).toEqual({ start: '2023-11-27', end: '2026-11-26' });
    expect(task?.calls).toBe(3);
    expect(task?.wanted).toHaveLength(1095);
  });

  it('asks the 16 days only the single-window route reaches (3 calls), then the 729 of the batch route in one', () => {
    const tasks = plan('consumption_curve');
    expect(tasks.map((t) => [t.range, t.calls])).toEqual([
      [{ start: '2024-11-12', end: '2024-11-28' }, 3],
      [{ start: '2024-11-28', end: '2026-11-27' }, 1],
    ]);
  });

  it('starts at the activation date or the oldest available data date when later', () => {
    const tasks = plan('consumption_curve', undefined, point({ oldestAvailableDataDate: '2026-06-01' }));
    expect(tasks[0]?.range).toEqual({ start: '2026-06-01', end: '2026-11-27' });
  });
});

describe('planDayStream on a store with holes', () => {
  const holding = (holes: string[]) => completeExcept('2023-01-01', TODAY, holes);

  it('re-checks the trailing window (last 5 reachable days) when everything is held', () => {
    expect(plan('consumption_daily', holding([])).map((t) => t.range)).toEqual([
      { start: '2026-11-21', end: '2026-11-26' },
    ]);
  });

  it('keeps a far hole apart when merging would not save a call (daily, 365-day calls)', () => {
    const tasks = plan('consumption_daily', holding(['2025-03-10']));
    expect(tasks.map((t) => t.range)).toEqual([
      { start: '2026-11-21', end: '2026-11-26' },
      { start: '2025-03-10', end: '2025-03-11' },
    ]);
    expect(tasks.map((t) => t.calls)).toEqual([1, 1]);
  });

  it('merges a far hole with the trailing window when that saves a call (curve, 729-day calls)', () => {
    const [task, ...rest] = plan('consumption_curve', holding(['2025-03-10']));
    expect(rest).toEqual([]);
    expect(task?.range).toEqual({ start: '2025-03-10', end: '2026-11-27' });
    expect(task?.wanted).toEqual(['2025-03-10', ...eachDay({ start: '2026-11-22', end: TODAY })]);
  });

  it('skips holes whose back-off has not elapsed or that were given up, except in the trailing window', () => {
    const h = holding(['2025-03-10', '2025-03-11', '2025-03-12', '2026-11-23']);
    const attempts = [
      { date: '2025-03-10', attempts: 1, lastAttemptAt: NOW - HOUR, nextRetryAt: NOW + HOUR, lastError: null },
      { date: '2025-03-11', attempts: 5, lastAttemptAt: NOW - HOUR, nextRetryAt: null, lastError: null },
      { date: '2025-03-12', attempts: 2, lastAttemptAt: NOW - 7 * HOUR, nextRetryAt: NOW - HOUR, lastError: null },
      { date: '2026-11-23', attempts: 9, lastAttemptAt: NOW - HOUR, nextRetryAt: null, lastError: null },
    ];
    const tasks = plan('consumption_daily', { ...h, attempts });
    expect(tasks.map((t) => t.wanted)).toEqual([eachDay({ start: '2026-11-21', end: '2026-11-26' }), ['2025-03-12']]);
  });
});

describe('planDayStream for Tempo (tomorrow from 10:30 Paris, whatever the process time zone)', () => {
  const tempoAt = (naive: string, holding: DayStreamHolding) => {
    const now = parisNaiveToUtc(naive);
    const today = naive.slice(0, 10);
    return planDayStream('*', 'tempo', { today, now, point: null, holding }, DEFAULT_PLANNER_OPTIONS);
  };
  const heldThrough = (last: string) => completeExcept('2023-01-01', addDays(last, 1), []);

  it('before 10:30 asks nothing more once today is held: tomorrow cannot exist yet', () => {
    expect(plan('tempo', heldThrough(TODAY))).toEqual([]);
    expect(tempoAt('2026-11-27 10:29:00', heldThrough(TODAY))).toEqual([]);
  });

  it('from 10:30 asks only tomorrow, with no trailing window', () => {
    expect(tempoAt('2026-11-27 10:30:00', heldThrough(TODAY)).map((t) => [t.range, t.wanted])).toEqual([
      [{ start: '2026-11-28', end: '2026-11-29' }, ['2026-11-28']],
    ]);
    expect(tempoAt('2026-11-27 11:05:00', heldThrough('2026-11-28'))).toEqual([]);
  });

  it('between 00:00 and 06:00 the colour of the calendar day (published yesterday) is asked, not the next', () => {
    const tasks = tempoAt('2026-11-27 00:30:00', heldThrough('2026-11-26'));
    expect(tasks.map((t) => t.range)).toEqual([{ start: '2026-11-27', end: '2026-11-28' }]);
  });

  it('tomorrow is polled on every run until published, whatever its back-off says', () => {
    const attempt = {
      date: '2026-11-28',
      attempts: 2,
      lastAttemptAt: parisNaiveToUtc('2026-11-27 11:05:00'),
      nextRetryAt: parisNaiveToUtc('2026-11-27 17:05:00'),
      lastError: 'no data returned',
    };
    const holding = { ...heldThrough(TODAY), attempts: [attempt] };
    expect(tempoAt('2026-11-27 12:05:00', holding).map((t) => t.wanted)).toEqual([['2026-11-28']]);
    // An older missing day keeps its back-off.
    const old = { ...attempt, date: '2026-01-10' };
    const hole = completeExcept('2023-01-01', addDays(TODAY, 1), ['2026-01-10']);
    expect(tempoAt('2026-11-27 09:00:00', { ...hole, attempts: [old] })).toEqual([]);
  });

  it.each([
    ['2026-03-29 10:29:00', '2026-03-30'],
    ['2026-03-29 10:30:00', '2026-03-31'],
    ['2026-10-25 10:29:00', '2026-10-26'],
    ['2026-10-25 10:30:00', '2026-10-27'],
  ])('on a DST day at %s Paris the horizon ends at %s', (naive, end) => {
    const tasks = tempoAt(naive, { completeDays: new Set(), attempts: [] });
    expect(tasks.at(0)?.range?.end).toBe(end);
  });
});

describe('planPdl', () => {
  const input = (p: UsagePoint, lastSuccess = {}) => ({ point: p, today: TODAY, now: NOW, holdings: {}, lastSuccess });

  it('plans nothing for an inactive usage point', () => {
    expect(planPdl(input(point({ isActive: false })), DEFAULT_PLANNER_OPTIONS)).toEqual([]);
  });

  it('plans contract, address and the three consumption streams for a consumption point', () => {
    const tasks = planPdl(input(point()), DEFAULT_PLANNER_OPTIONS);
    // The curve twice: the older days of the single-window route, then the batch route's 729 days.
    expect(tasks.map((t) => t.stream)).toEqual([
      'contract',
      'address',
      'consumption_daily',
      'consumption_curve',
      'consumption_curve',
      'max_power',
    ]);
  });

  it('plans production streams only for a production-only point and refreshes the address once a day', () => {
    const p = point({ hasConsumption: false, hasProduction: true });
    const fresh = planPdl(input(p, { address: NOW - HOUR }), DEFAULT_PLANNER_OPTIONS);
    expect(fresh.map((t) => t.stream)).toEqual(['production_daily', 'production_curve', 'production_curve']);
    const stale = planPdl(input(p, { address: NOW - 10 * HOUR }), DEFAULT_PLANNER_OPTIONS);
    expect(stale.map((t) => t.stream)).toEqual(['address', 'production_daily', 'production_curve', 'production_curve']);
  });
});
