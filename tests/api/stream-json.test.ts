/** Large answers are read a month at a time and encoded in pieces, giving the event loop turns in between. */

import { jsonArrayStream, splitRange } from '../../src/api/stream-json.js';
import { eachDay } from '../../src/domain/time.js';
import type { DateRange } from '../../src/domain/types.js';

async function text(stream: AsyncIterable<unknown>): Promise<string> {
  let out = '';
  for await (const piece of stream) out += String(piece);
  return out;
}

describe('splitRange', () => {
  it('cuts a range into consecutive pieces, end exclusive', () => {
    expect(splitRange({ start: '2026-01-01', end: '2026-04-11' }, 31)).toEqual([
      { start: '2026-01-01', end: '2026-02-01' },
      { start: '2026-02-01', end: '2026-03-04' },
      { start: '2026-03-04', end: '2026-04-04' },
      { start: '2026-04-04', end: '2026-04-11' },
    ]);
    expect(splitRange({ start: '2026-03-25', end: '2026-04-02' })).toEqual([
      { start: '2026-03-25', end: '2026-04-01' },
      { start: '2026-04-01', end: '2026-04-02' },
    ]);
    expect(splitRange({ start: '2026-01-01', end: '2026-01-01' })).toEqual([]);
  });
});

describe('jsonArrayStream', () => {
  const rowsOf = (range: DateRange) =>
    eachDay(range).flatMap((date) => Array.from({ length: 48 }, (_, i) => ({ date, i })));

  it('gives every row of the range once, in order, as one JSON array (empty pieces included)', async () => {
    const range = { start: '2025-01-01', end: '2026-01-01' };
    const read = async (piece: DateRange) => (piece.start === '2025-03-05' ? [] : rowsOf(piece));
    const parsed = JSON.parse(await text(await jsonArrayStream(range, read, (r) => r)));
    // The week of 5 → 12 March came back empty.
    const expected = rowsOf(range).filter((r) => r.date < '2025-03-05' || r.date >= '2025-03-12');
    expect(parsed).toHaveLength(expected.length);
    expect(parsed).toEqual(expected);
    expect(await text(await jsonArrayStream({ start: '2025-01-01', end: '2025-01-01' }, read, (r) => r))).toBe('[]');
  });

  it('lets other work run while it encodes (a year of half-hours is many turns of the event loop)', async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    await text(
      await jsonArrayStream(
        { start: '2025-01-01', end: '2026-01-01' },
        async (p) => rowsOf(p),
        (r) => r,
      ),
    );
    running = false;
    expect(turns).toBeGreaterThan(15);
  });

  it('fails before answering when the first piece cannot be read', async () => {
    const failing = async () => {
      throw new Error('store down');
    };
    await expect(jsonArrayStream({ start: '2025-01-01', end: '2025-03-01' }, failing, (r) => r)).rejects.toThrow(
      'store down',
    );
  });
});
