/**
 * Reads what VictoriaMetrics holds, for assertions: `/internal/force_flush`, then `/api/v1/export` polled
 * until the sample count stops changing (a fresh import becomes searchable about a second later).
 */
import type { ExportedSeries } from '../../../src/exporters/victoriametrics/vm-client.js';

export async function exportAll(url: string, selector: string): Promise<ExportedSeries[]> {
  const q = new URLSearchParams({ 'match[]': selector, start: '0', end: String(Date.now() / 1000 + 86_400 * 400) });
  const text = await (await fetch(`${url}/api/v1/export?${q}`)).text();
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ExportedSeries);
}

const count = (series: ExportedSeries[]) => series.reduce((n, s) => n + s.timestamps.length, 0);

/** Every series matching `selector`, once the count is stable over 3 polls (or `expected` is reached). */
export async function readBack(url: string, selector: string, expected?: number): Promise<ExportedSeries[]> {
  await fetch(`${url}/internal/force_flush`).catch(() => undefined);
  let last = -1;
  let stable = 0;
  for (let i = 0; i < 60; i++) {
    const series = await exportAll(url, selector);
    const n = count(series);
    if (expected !== undefined && n === expected && i > 0) return series;
    stable = n === last ? stable + 1 : 0;
    if (expected === undefined && stable >= 3) return series;
    last = n;
    await new Promise((r) => setTimeout(r, 250));
  }
  return exportAll(url, selector);
}

/** `timestamp → [values]` of one exported series: more than one value = a doubled sample. */
export function byTimestamp(s: ExportedSeries | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  s?.timestamps.forEach((t, i) => {
    out.set(t, [...(out.get(t) ?? []), s.values[i]!]);
  });
  return out;
}
