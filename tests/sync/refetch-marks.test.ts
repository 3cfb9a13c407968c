/** The re-fetch marks on a real SQLite store: merged, taken off task by task, dropped when done or too old. */
import type { Store } from '../../src/store/repository.js';
import {
  MARK_LIFETIME_MS,
  markRefetch,
  refetchDays,
  settleRefetch,
  subtractRange,
} from '../../src/sync/refetch-marks.js';
import { openTempStore, type TempStore } from '../exporters/mqtt/seed-store.js';

const PDL = '12345678901234';
const NOW = Date.UTC(2026, 10, 27, 9);
const r = (start: string, end: string) => ({ start, end });
const task = (stream: 'consumption_daily' | 'max_power', range: { start: string; end: string } | null) => ({
  pdl: PDL,
  stream,
  range,
  wanted: [],
  calls: 1,
});

let temp: TempStore;
let store: Store;
beforeEach(async () => {
  temp = await openTempStore();
  store = temp.store;
});
afterEach(() => temp.cleanup());

describe('subtractRange', () => {
  it('cuts the days of a range out of a list, keeping what is left on either side', () => {
    const list = [r('2026-01-01', '2026-02-01'), r('2026-03-01', '2026-04-01')];
    expect(subtractRange(list, r('2026-01-10', '2026-03-05'))).toEqual([
      r('2026-01-01', '2026-01-10'),
      r('2026-03-05', '2026-04-01'),
    ]);
    expect(subtractRange(list, r('2026-02-01', '2026-03-01'))).toEqual(list);
    expect(subtractRange(list, r('2025-01-01', '2027-01-01'))).toEqual([]);
  });
});

describe('re-fetch marks', () => {
  it('keep the asked days per stream until tasks covering them succeed', async () => {
    await markRefetch(
      store,
      PDL,
      { streams: ['consumption_daily', 'max_power'], range: r('2026-06-01', '2026-07-01') },
      NOW,
    );
    await markRefetch(store, PDL, { streams: ['consumption_daily'], range: r('2026-06-20', '2026-07-10') }, NOW);
    expect(await refetchDays(store, PDL, NOW)).toEqual({
      consumption_daily: [r('2026-06-01', '2026-06-20'), r('2026-06-20', '2026-07-10')],
      max_power: [r('2026-06-01', '2026-07-01')],
    });
    await settleRefetch(store, task('consumption_daily', r('2026-06-01', '2026-07-05')));
    await settleRefetch(store, task('max_power', null));
    expect(await refetchDays(store, PDL, NOW)).toEqual({
      consumption_daily: [r('2026-07-05', '2026-07-10')],
      max_power: [r('2026-06-01', '2026-07-01')],
    });
    await settleRefetch(store, task('consumption_daily', r('2026-07-01', '2026-08-01')));
    await settleRefetch(store, task('max_power', r('2026-05-01', '2026-08-01')));
    expect(await refetchDays(store, PDL, NOW)).toEqual({});
    expect(await store.getCursor('sync', `refetch:${PDL}`)).toBeNull();
  });

  it('are dropped when not renewed for their lifetime, and ignored when unreadable', async () => {
    await markRefetch(store, PDL, { streams: ['max_power'], range: r('2026-06-01', '2026-07-01') }, NOW);
    expect(await refetchDays(store, PDL, NOW + MARK_LIFETIME_MS)).not.toEqual({});
    expect(await refetchDays(store, PDL, NOW + MARK_LIFETIME_MS + 1)).toEqual({});
    expect(await store.getCursor('sync', `refetch:${PDL}`)).toBeNull();
    await store.setCursor('sync', `refetch:${PDL}`, '{"since":"soon"}');
    expect(await refetchDays(store, PDL, NOW)).toEqual({});
  });

  it('are deleted with the PDL', async () => {
    await store.upsertUsagePoints([], NOW);
    await markRefetch(store, PDL, { streams: ['max_power'], range: r('2026-06-01', '2026-07-01') }, NOW);
    await store.forgetPdl(PDL);
    expect(await store.getCursor('sync', `refetch:${PDL}`)).toBeNull();
  });
});
