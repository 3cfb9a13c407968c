/** The machine the numbers were taken on: CPU model, cores, RAM, Node version, load, date. */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { type BenchTable, mib } from './report.js';
import { benchV8Flags } from './shipped-flags-exec.js';
import { applicableFlags, shippedNodeFlags } from './shipped-node-flags.js';

function cpuModel(): string {
  try {
    const out = execFileSync('lscpu', { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    return /^Model name:\s*(.+)$/m.exec(out)?.[1]?.trim() ?? 'unknown (lscpu has no model name)';
  } catch {
    return 'unknown (lscpu failed)';
  }
}

/** The shipped flags this Node would refuse to start on, said next to the flags applied. */
function refusedText(): string {
  const { refused } = applicableFlags(shippedNodeFlags(process.cwd()));
  return refused.length ? ` (the image's ${refused.join(' ')} is unknown to ${process.version}: not applied)` : '';
}

export function machineTable(startedAt: Date): BenchTable {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  return {
    title: 'Machine',
    rows: [
      ['CPU', cpuModel()],
      ['cores (available to Node)', String(availableParallelism())],
      ['RAM', mib(totalmem())],
      ['Node', process.version],
      ['V8 flags of the in-process benchmarks', (benchV8Flags().join(' ') || "none (Node's defaults)") + refusedText()],
      ['date (UTC)', startedAt.toISOString().replace(/\.\d+Z$/, 'Z')],
      ['load average at start (1 / 5 / 15 min)', load],
    ],
  };
}
