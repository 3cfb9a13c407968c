/**
 * A re-fetch asked through the API (`POST /api/pdls/{pdl}/refetch`) is kept in the store until every
 * day of it has been asked again, so a sync that stops early (quota, shutdown, crash) does not forget it:
 * every later sync of the PDL plans the days still marked as if the store held none of them. A task
 * that succeeds takes its days off the mark; a mark not renewed for `MARK_LIFETIME_MS` is dropped (a
 * range the gateway keeps failing on is not asked again at every run forever). Kept as a cursor row of the
 * `sync` owner (`refetch:<pdl>`), so forgetting the PDL deletes it too.
 */
import * as v from 'valibot';
import { compareText } from '../domain/compare-text.js';
import type { DateRange } from '../domain/types.js';
import type { Store } from '../store/repository.js';
import type { DayStream, SyncTask } from './planner/index.js';

const OWNER = 'sync';
const key = (pdl: string) => `refetch:${pdl}`;
export const MARK_LIFETIME_MS = 7 * 86_400_000;

/** Per stream, the days still to ask again (disjoint ranges, end exclusive). */
export type RefetchDays = Partial<Record<DayStream, DateRange[]>>;

const Range = v.object({ start: v.string(), end: v.string() });
const Mark = v.object({ since: v.number(), days: v.record(v.string(), v.array(Range)) });
type Mark = v.InferOutput<typeof Mark>;

async function readMark(store: Store, pdl: string): Promise<Mark | null> {
  const text = await store.getCursor(OWNER, key(pdl));
  if (text === null) return null;
  try {
    const parsed = v.safeParse(Mark, JSON.parse(text));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

async function writeMark(store: Store, pdl: string, mark: Mark): Promise<void> {
  const days = Object.fromEntries(Object.entries(mark.days).filter(([, ranges]) => ranges.length > 0));
  if (Object.keys(days).length === 0) await store.deleteCursor(OWNER, key(pdl));
  else await store.setCursor(OWNER, key(pdl), JSON.stringify({ since: mark.since, days }));
}

/** `ranges` without the days of `cut`. */
export function subtractRange(ranges: readonly DateRange[], cut: DateRange): DateRange[] {
  const out: DateRange[] = [];
  for (const r of ranges) {
    if (cut.end <= r.start || cut.start >= r.end) out.push(r);
    else {
      if (r.start < cut.start) out.push({ start: r.start, end: cut.start });
      if (cut.end < r.end) out.push({ start: cut.end, end: r.end });
    }
  }
  return out;
}

/** Adds a re-fetch of `range` for `streams` to the PDL's mark (a day already marked stays once). */
export async function markRefetch(
  store: Store,
  pdl: string,
  refetch: { streams: readonly DayStream[]; range: DateRange },
  now: number,
): Promise<void> {
  const mark = (await readMark(store, pdl)) ?? { since: now, days: {} };
  for (const stream of refetch.streams) {
    const kept = subtractRange(mark.days[stream] ?? [], refetch.range);
    mark.days[stream] = [...kept, refetch.range].sort((a, b) => compareText(a.start, b.start));
  }
  await writeMark(store, pdl, { since: now, days: mark.days });
}

/** The days still marked for the PDL (none when the mark is older than its lifetime: then it is dropped). */
export async function refetchDays(store: Store, pdl: string, now: number): Promise<RefetchDays> {
  const mark = await readMark(store, pdl);
  if (!mark) return {};
  if (now - mark.since > MARK_LIFETIME_MS) {
    await store.deleteCursor(OWNER, key(pdl));
    return {};
  }
  return mark.days as RefetchDays;
}

/** Takes the days of a task that succeeded off the PDL's mark. */
export async function settleRefetch(store: Store, task: SyncTask): Promise<void> {
  if (!task.range) return;
  const mark = await readMark(store, task.pdl);
  const marked = mark?.days[task.stream];
  if (!mark || !marked) return;
  mark.days[task.stream] = subtractRange(marked, task.range);
  await writeMark(store, task.pdl, mark);
}
