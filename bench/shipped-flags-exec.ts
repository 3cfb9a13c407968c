/**
 * The benchmarks that run inside the bench process (store, ha, ha-daily, scale, ...) measure our code
 * under the V8 flags users get (the Docker image's and the add-on's, see `shipped-node-flags.ts`): a
 * runner started without them runs itself again once with them. `BENCH_V8_FLAGS=none` keeps Node's
 * defaults (to compare), `BENCH_V8_FLAGS="--a --b"` tries others.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { applicableFlags, shippedNodeFlags } from './shipped-node-flags.js';

const MARK = 'MED_BENCH_V8_FLAGS_APPLIED';

function wantedFlags(): string[] {
  const asked = process.env.BENCH_V8_FLAGS;
  if (asked === 'none') return [];
  return applicableFlags(asked ? asked.split(' ').filter(Boolean) : shippedNodeFlags(process.cwd())).applied;
}

/** Node options that load the TypeScript runner (tsx), not V8 flags; some take the next argument. */
const LOADER_OPTIONS = new Set(['--require', '-r', '--import', '--loader', '--experimental-loader']);

/** The V8 flags this process runs with (empty: Node's defaults). */
export function benchV8Flags(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (LOADER_OPTIONS.has(arg)) i++;
    else if (arg.startsWith('--') && !arg.includes('tsx') && !LOADER_OPTIONS.has(arg.split('=')[0]!)) out.push(arg);
  }
  return out;
}

/** Runs `runner` again under the wanted flags unless this process already has them; returns its exit code. */
export function reexecUnderFlags(runnerUrl: string): number | null {
  if (process.env[MARK] === '1') return null;
  const flags = wantedFlags();
  if (flags.every((f) => process.execArgv.includes(f))) return null;
  const args = [...flags, '--import', 'tsx', fileURLToPath(runnerUrl), ...process.argv.slice(2)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, [MARK]: '1' } });
  return child.status ?? 1;
}
