/**
 * Off-peak hours in every shape the gateway and Enedis use:
 * - a list `["22:00-06:00", "12:00-14:00"]`,
 * - `{"ranges": [...]}`,
 * - the legacy `{"default": "HC (22H00-6H00)"}`,
 * - a per-weekday dict `{"monday": [...], ...}` (the union of every day's ranges is kept),
 * - Enedis contract strings `HC (22H00-6H00;12H00-14H00)` (`H`, `h` or `:` between hours and minutes).
 * Ranges may cross midnight. Duplicates are dropped; the first occurrence's order is kept.
 */
import type { OffpeakRange } from './types.js';

const RANGE_RE = /(\d{1,2})\s*[hH:]\s*(\d{2})?\s*-\s*(\d{1,2})\s*[hH:]?\s*(\d{2})?/g;

function clock(hours: string, minutes: string | undefined): string | null {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 24 || m > 59 || (h === 24 && m !== 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function rangesInText(text: string): OffpeakRange[] {
  const out: OffpeakRange[] = [];
  for (const m of text.matchAll(RANGE_RE)) {
    const start = clock(m[1]!, m[2]);
    const end = clock(m[3]!, m[4]);
    if (start && end && start !== end) out.push({ start, end: end === '24:00' ? '00:00' : end });
  }
  return out;
}

function collect(value: unknown, out: OffpeakRange[], depth: number): void {
  if (depth > 4 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    out.push(...rangesInText(value));
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
  } else if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('start' in obj && 'end' in obj && typeof obj.start === 'string' && typeof obj.end === 'string') {
      out.push(...rangesInText(`${obj.start}-${obj.end}`));
      return;
    }
    for (const item of Object.values(obj)) collect(item, out, depth + 1);
  }
}

/** Every off-peak range found in `value`, whatever its shape; `[]` for null or an unknown shape. */
export function parseOffpeakHours(value: unknown): OffpeakRange[] {
  const found: OffpeakRange[] = [];
  collect(value, found, 0);
  const seen = new Set<string>();
  return found.filter((r) => {
    const key = `${r.start}-${r.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
