/** What is pushed for a command, given its cursor and the changed days; the DST fold of the curve. */

import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { curveValues } from '../../../src/exporters/jeedom/command-values.js';
import { LoginGate } from '../../../src/exporters/jeedom/login-gate.js';
import { advanceCursor, batches, parseCursor, planPush, readSince } from '../../../src/exporters/jeedom/plan-push.js';

const v = (day: number, value: number) => ({ datetime: `2026-11-${String(day).padStart(2, '0')} 00:00:00`, value });
const days = [v(1, 10), v(2, 20), v(3, 30), v(4, 40)];

describe('planPush', () => {
  it('sends everything on the first run, or only the newest without history', () => {
    expect(planPush(days, null, [], true)).toEqual(days);
    expect(planPush(days, null, [], false)).toEqual([v(4, 40)]);
    expect(planPush([], null, [], true)).toEqual([]);
  });

  it('sends nothing new when the cursor is at the newest value', () => {
    expect(planPush(days, { last: v(4, 0).datetime, value: '40' }, [], true)).toEqual([]);
  });

  it('sends what is newer, and the newest again after a corrected past day', () => {
    expect(planPush(days, { last: v(2, 0).datetime, value: '20' }, [], true)).toEqual([v(3, 30), v(4, 40)]);
    const dirty = [{ start: '2026-11-02', end: '2026-11-03' }];
    expect(planPush(days, { last: v(4, 0).datetime, value: '40' }, dirty, true)).toEqual([v(2, 20), v(4, 40)]);
  });

  it('sends the newest value again when it changed in place', () => {
    expect(planPush(days, { last: v(4, 0).datetime, value: '39' }, [], true)).toEqual([v(4, 40)]);
  });

  it('advances the cursor to the newest acknowledged value, in batches', () => {
    expect(batches(days, 3)).toEqual([days.slice(0, 3), days.slice(3)]);
    const c = advanceCursor(null, days.slice(0, 3));
    expect(c).toEqual({ last: v(3, 0).datetime, value: '30' });
    expect(advanceCursor(c, [v(2, 21)])).toEqual(c);
    expect(parseCursor(JSON.stringify(c))).toEqual(c);
    expect(parseCursor('garbage')).toBeNull();
  });
});

describe('readSince', () => {
  it('reads from the cursor day or the earliest changed day, everything without a cursor', () => {
    const cursor = { last: '2026-11-04 00:30:00', value: '1' };
    expect(readSince(null, [])).toBeNull();
    expect(readSince(cursor, [])).toBe('2026-11-04');
    expect(readSince(cursor, [{ start: '2026-11-02', end: '2026-11-03' }])).toBe('2026-11-02');
  });
});

describe('curveValues', () => {
  it('puts each reading at its Paris wall-time start and averages the repeated autumn hour', () => {
    const summer = parisNaiveToUtc('2026-10-25 02:00:00', 'earlier');
    const winter = parisNaiveToUtc('2026-10-25 02:00:00', 'later');
    expect(
      curveValues([
        { start: summer, w: 100 },
        { start: winter, w: 300 },
        { start: winter + 1_800_000, w: 50 },
      ]),
    ).toEqual([
      { datetime: '2026-10-25 02:00:00', value: 200 },
      { datetime: '2026-10-25 02:30:00', value: 50 },
    ]);
  });
});

describe('LoginGate', () => {
  it('lets one call through per back-off step after a login failure', () => {
    const gate = new LoginGate([60_000, 120_000]);
    const err = new Error('refused');
    expect(gate.blocked(0)).toBeNull();
    expect(gate.failed(err, 0)).toBe(60_000);
    expect(gate.blocked(59_999)).toBe(err);
    expect(gate.blocked(60_000)).toBeNull();
    expect(gate.failed(err, 60_000)).toBe(120_000);
    expect(gate.failed(err, 180_000)).toBe(120_000);
    gate.succeeded();
    expect(gate.blocked(180_001)).toBeNull();
  });
});
