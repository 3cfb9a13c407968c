/**
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: self time per function and per file of a
 * V8 CPU profile (the samples' time, idle excluded), biggest first.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  const i = url.indexOf('/src/');
  if (i >= 0) return url.slice(i + 1);
  const n = url.lastIndexOf('node_modules/');
  return n >= 0 ? url.slice(n + 13) : url.replace(/^file:\/\//, '') || '(native)';
}

function top(map: Map<string, number>, n: number, totalUs: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)} %  ${k}`,
    );
}

function main(): void {
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    return `${functionName || '(anonymous)'} ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ''}`;
  };
  /** The nearest frame of our own code (`src/`) at or above a sample: who asked for the time. */
  const ownCaller = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (node.callFrame.url.includes('/src/')) return label(node);
    }
    return '(no frame of src/)';
  };
  const callers = new Map<string, number>();
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [i, id] of profile.samples.entries()) {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      idle += us;
      continue;
    }
    total += us;
    const where = shortUrl(url);
    const key = label(node);
    const caller = ownCaller(id);
    callers.set(caller, (callers.get(caller) ?? 0) + us);
    fns.set(key, (fns.get(key) ?? 0) + us);
    files.set(where, (files.get(where) ?? 0) + us);
  }
  const n = Number(count);
  const out = [
    `busy ${(total / 1000).toFixed(0)} ms, idle/program ${(idle / 1000).toFixed(0)} ms`,
    '',
    'self time per function:',
  ];
  out.push(...top(fns, n, total), '', 'self time per file:', ...top(files, n, total));
  out.push('', 'time per nearest frame of src/ (self + libraries it called):', ...top(callers, n, total));
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
