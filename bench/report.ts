/** What every benchmark returns, and the markdown the runner prints. */

export interface BenchTable {
  title: string;
  /** `[measure, value]` pairs, printed in order. */
  rows: [string, string][];
  /** Sentences printed under the table: what the numbers include, set-up, caveats. */
  notes?: string[];
}

export function markdownTable(table: BenchTable): string {
  const lines = [`### ${table.title}`, '', '| measure | value |', '|---|---|'];
  for (const [measure, value] of table.rows) lines.push(`| ${measure} | ${value} |`);
  if (table.notes?.length) lines.push('', ...table.notes.map((n) => `- ${n}`));
  return `${lines.join('\n')}\n`;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number): string => `${Math.round(ms)} ms`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const perSecond = (count: number, ms: number): string =>
  `${Math.round(count / (ms / 1000)).toLocaleString('en-US')} rows/s`;
export const count = (n: number): string => n.toLocaleString('en-US');

/** Wall time of `fn` in milliseconds, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Samples the process RSS every 20 ms while `fn` runs; returns the peak. */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ peakRss: number; value: T }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    return { peakRss: Math.max(peakRss, process.memoryUsage().rss), value };
  } finally {
    clearInterval(sampler);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
