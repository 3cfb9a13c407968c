/** The push plan of a series: replace when new, changed or interrupted; append after the cursor otherwise. */
import { cursorAfter, holdsExactly, parseCursor, planPush } from '../../../src/exporters/victoriametrics/plan-push.js';
import { parseRetention, retentionWarning } from '../../../src/exporters/victoriametrics/retention.js';

const s = (...ts: number[]) => ts.map((t) => ({ t, v: t * 10 }));

describe('planPush', () => {
  it('replaces a series it has no cursor for (the server may hold an earlier copy)', () => {
    expect(planPush(null, null, s(1, 2))).toEqual({ mode: 'replace', samples: s(1, 2), why: 'first' });
    expect(planPush(null, null, [])).toEqual({ mode: 'none' });
  });

  it('appends only the samples at or after the cursor', () => {
    expect(planPush({ through: 3, clean: true }, null, s(1, 2, 3, 4))).toEqual({ mode: 'append', samples: s(3, 4) });
    expect(planPush({ through: 5, clean: true }, null, s(1, 2, 3, 4))).toEqual({ mode: 'none' });
  });

  it('appends new days reported changed after the cursor', () => {
    expect(planPush({ through: 3, clean: true }, 3, s(1, 2, 3))).toEqual({ mode: 'append', samples: s(3) });
  });

  it('replaces the whole series when an already pushed instant changed, or a push was cut short', () => {
    expect(planPush({ through: 3, clean: true }, 2, s(1, 2, 3))).toMatchObject({ mode: 'replace', why: 'changed' });
    expect(planPush({ through: 3, clean: false }, null, s(1, 2))).toMatchObject({
      mode: 'replace',
      why: 'interrupted',
    });
  });
});

describe('holdsExactly', () => {
  const held = (pairs: [number, number][]) => [{ values: pairs.map((p) => p[1]), timestamps: pairs.map((p) => p[0]) }];
  it('is true only for the same timestamps, once each, with equal values, within the range', () => {
    expect(
      holdsExactly(
        held([
          [1, 10],
          [2, 20],
          [9, 0],
        ]),
        s(1, 2, 3),
        1,
        3,
      ),
    ).toBe(true);
    expect(
      holdsExactly(
        held([
          [1, 10],
          [2, 21],
        ]),
        s(1, 2),
        1,
        3,
      ),
    ).toBe(false);
    expect(
      holdsExactly(
        held([
          [1, 10],
          [1, 10],
          [2, 20],
        ]),
        s(1, 2),
        1,
        3,
      ),
    ).toBe(false);
    expect(holdsExactly(held([[1, 10]]), s(1, 2), 1, 3)).toBe(false);
  });
});

describe('cursors', () => {
  it('moves past the last pushed sample and never backwards', () => {
    expect(cursorAfter(0, s(5, 9))).toEqual({ through: 10, clean: true });
    expect(cursorAfter(20, [])).toEqual({ through: 20, clean: true });
  });

  it('reads back what it wrote and ignores anything else', () => {
    expect(parseCursor(JSON.stringify({ through: 7, clean: false }))).toEqual({ through: 7, clean: false });
    expect(parseCursor('not json')).toBeNull();
    expect(parseCursor('{"through":"7"}')).toBeNull();
    expect(parseCursor(null)).toBeNull();
  });
});

describe('retention', () => {
  const DAY = 86_400_000;
  it('reads -retentionPeriod in its units (bare number = months)', () => {
    expect(parseRetention('-httpListenAddr=":8428"\n-retentionPeriod="100y"\n')).toBe(100 * 365 * DAY);
    expect(parseRetention('-retentionPeriod="1"')).toBe(31 * DAY);
    expect(parseRetention('-retentionPeriod="2w"')).toBe(14 * DAY);
    expect(parseRetention('nothing')).toBeNull();
  });

  it('warns only when the history is older than the retention', () => {
    const now = 1000 * DAY;
    expect(retentionWarning(31 * DAY, now - 40 * DAY, now)).toMatch(/keeps 31 days .* spans 40 days/);
    expect(retentionWarning(31 * DAY, now - 20 * DAY, now)).toBeNull();
    expect(retentionWarning(null, 0, now)).toBeNull();
  });
});
