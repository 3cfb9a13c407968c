import { COVERAGE_SQL, curveCoverageQueries, DAYS_PER_QUERY } from '../../src/store/curve-coverage-sql.js';

describe('curveCoverageQueries', () => {
  it('uses one SQL text for every range and PDL, so each engine prepares it once', () => {
    const a = curveCoverageQueries('09111642617347', 'consumption', { start: '2022-11-28', end: '2026-12-05' });
    const b = curveCoverageQueries('09222753728458', 'production', { start: '2026-03-27', end: '2026-03-30' });
    expect(new Set([...a, ...b].map((q) => q.text))).toEqual(new Set([COVERAGE_SQL]));
    expect(a).toHaveLength(Math.ceil(1468 / DAYS_PER_QUERY));
    for (const q of [...a, ...b]) expect(q.params).toHaveLength(4 * DAYS_PER_QUERY);
  });

  it('gives each branch its Paris day bounds, 23 and 25 hours on DST days, and pads the last query', () => {
    const [q] = curveCoverageQueries('09111642617347', 'consumption', { start: '2026-03-28', end: '2026-03-31' });
    expect(q!.days).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    const branch = (i: number) => q!.params.slice(4 * i, 4 * i + 4);
    expect(branch(0)).toEqual(['09111642617347', 'consumption', Date.UTC(2026, 2, 27, 23), Date.UTC(2026, 2, 28, 23)]);
    const [, , from, to] = branch(1) as number[];
    expect((to! - from!) / 3_600_000).toBe(23);
    expect(branch(3)).toEqual(['09111642617347', 'consumption', 0, 0]);
    const [fall] = curveCoverageQueries('09111642617347', 'consumption', { start: '2026-10-25', end: '2026-10-26' });
    const [, , f, t] = fall!.params as number[];
    expect((t! - f!) / 3_600_000).toBe(25);
  });
});
