/**
 * What to push for one command, given what was pushed before (its cursor) and the days the sync changed
 * since (dirty ranges). Pure. Jeedom makes the last value pushed the command's current value, whatever
 * its date, so the plan is in chronological order and, when it re-sends corrected past days, ends with
 * the newest value again. Same `(command, datetime)` replaces in Jeedom, so re-sending is harmless.
 */
import { minDate } from '../../domain/time.js';
import type { DateRange, LocalDate } from '../../domain/types.js';
import type { DatedValue } from './build-requests.js';

/** The newest value pushed so far: its wall time and its value as text. */
export interface PushCursor {
  last: string;
  value: string;
}

export function parseCursor(text: string | null): PushCursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(text) as Partial<PushCursor>;
    return typeof c.last === 'string' && typeof c.value === 'string' ? { last: c.last, value: c.value } : null;
  } catch {
    return null;
  }
}

const inRanges = (datetime: string, ranges: readonly DateRange[]): boolean => {
  const day = datetime.slice(0, 10);
  return ranges.some((r) => day >= r.start && day < r.end);
};

/**
 * `values` oldest first. Without a cursor: everything (`history`) or the newest only. With one: what is
 * newer, what lies in a changed day, and the newest value when it changed in place.
 */
export function planPush(
  values: readonly DatedValue[],
  cursor: PushCursor | null,
  dirty: readonly DateRange[],
  history: boolean,
): DatedValue[] {
  const newest = values.at(-1);
  if (!newest) return [];
  if (!cursor) return history ? [...values] : [newest];
  const plan = values.filter(
    (v) =>
      v.datetime > cursor.last ||
      inRanges(v.datetime, dirty) ||
      (v.datetime === cursor.last && String(v.value) !== cursor.value),
  );
  if (plan.length > 0 && plan.at(-1) !== newest) plan.push(newest);
  return plan;
}

/** The cursor after `sent` (chronological) were acknowledged. */
export function advanceCursor(cursor: PushCursor | null, sent: readonly DatedValue[]): PushCursor | null {
  let next = cursor;
  for (const v of sent) if (!next || v.datetime >= next.last) next = { last: v.datetime, value: String(v.value) };
  return next;
}

/** Cuts a plan into batches; each batch's last value is its newest (the plan is chronological). */
export function batches<T>(plan: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < plan.length; i += size) out.push(plan.slice(i, i + size));
  return out;
}

/**
 * The first local day a plan can need: the cursor's day (its value may have changed in place) or the
 * earliest changed day; null without a cursor (everything). Older values are not even read.
 */
export function readSince(cursor: PushCursor | null, dirty: readonly DateRange[]): LocalDate | null {
  if (!cursor) return null;
  return dirty.reduce((m, r) => minDate(m, r.start), cursor.last.slice(0, 10));
}
