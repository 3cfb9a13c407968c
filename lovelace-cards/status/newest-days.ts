/**
 * The newest day held per stream: from the local API's `/api/status` when it answers (every stream),
 * else from our statistics in Home Assistant (consumption and production: the last day with a row).
 */
import type { StatResult } from '../shared/aggregate.js';
import { localDate } from '../shared/zoned-time.js';

export interface StreamDay {
  stream: string;
  newest: string | null;
  error: string | null;
}

interface ApiStatus {
  pdls?: {
    pdl: string;
    streams?: { stream: string; dataRange?: { end: string } | null; lastError?: string | null }[];
  }[];
}

export function daysFromApi(status: ApiStatus, pdl: string): StreamDay[] {
  const p = status.pdls?.find((x) => x.pdl === pdl);
  return (p?.streams ?? []).map((s) => ({
    stream: s.stream,
    newest: s.dataRange?.end ?? null,
    error: s.lastError ?? null,
  }));
}

export function daysFromStatistics(result: StatResult, ids: Record<string, string>, zone: string): StreamDay[] {
  return Object.entries(ids).flatMap(([stream, id]) => {
    const rows = (result[id] ?? []).filter((r) => r.change != null);
    if (!rows.length) return [];
    const last = rows.reduce((a, r) => (r.start > a.start ? r : a));
    return [{ stream, newest: localDate(last.start, zone), error: null }];
  });
}
