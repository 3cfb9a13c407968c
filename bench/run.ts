/**
 * `npm run bench` (through `.ci/services.sh`, which starts PostgreSQL, MariaDB and provisions Home
 * Assistant): runs every benchmark in turn and prints one markdown table per benchmark, after the
 * machine's. `npm run bench -- store startup` runs only the named ones (backfill, store, ha, ha-daily, startup, vm, scale, uptime, api, api-load, cards).
 * Exit code 1 when a benchmark failed (its table says why). The runner runs itself again under the
 * V8 flags of the Docker image and the add-on (`shipped-flags-exec.ts`; `BENCH_V8_FLAGS=none` keeps
 * Node's defaults), so the benchmarks that run in this process measure what users run.
 */
import { benchApiLatency } from './api-latency.js';
import { benchApiLoad } from './api-load.js';
import { benchBackfill } from './backfill.js';
import { benchHaDailyExport } from './ha-daily-export.js';
import { benchHomeAssistant } from './home-assistant.js';
import { machineTable } from './machine.js';
import { type BenchTable, markdownTable, seconds } from './report.js';
import { benchScale } from './scale.js';
import { reexecUnderFlags } from './shipped-flags-exec.js';
import { benchStartup } from './startup.js';
import { benchStoreBulk } from './store-bulk.js';
import { benchUptime } from './uptime.js';
import { benchVictoriaMetrics } from './victoriametrics.js';

const CARDS_BENCH: string = ['.', 'cards.js'].join('/');

const BENCHMARKS: Record<string, { title: string; run: () => Promise<BenchTable> }> = {
  backfill: { title: 'Full backfill from the simulator', run: benchBackfill },
  store: { title: 'Store bulk upsert per engine', run: () => benchStoreBulk(process.env) },
  ha: { title: 'Home Assistant statistics import', run: benchHomeAssistant },
  'ha-daily': { title: 'Home Assistant daily export, 2 vs 8 years of history', run: benchHaDailyExport },
  startup: { title: 'Start-up of the built bundle', run: benchStartup },
  vm: { title: 'VictoriaMetrics history push', run: benchVictoriaMetrics },
  scale: { title: 'Daily run of 10 PDLs, 1 vs 8 years of history', run: benchScale },
  uptime: { title: 'Store memory over 90 simulated days of uptime', run: benchUptime },
  api: { title: 'API latency under load', run: benchApiLatency },
  'api-load': { title: 'API under load (autocannon)', run: benchApiLoad },
  // Loaded by a computed path: cards.ts runs code in the browser and is type-checked with DOM types
  // by tests/integration/lovelace-cards/tsconfig.json, not by this project's Node configuration.
  cards: { title: 'Energy card render time', run: async () => (await import(CARDS_BENCH)).benchCards() },
};

function selected(args: string[]): string[] {
  const names = args.filter((a) => a !== '--');
  const unknown = names.filter((n) => !(n in BENCHMARKS));
  if (unknown.length) {
    process.stderr.write(
      `unknown benchmark ${unknown.join(', ')}: choose among ${Object.keys(BENCHMARKS).join(', ')}\n`,
    );
    process.exit(2);
  }
  return names.length ? names : Object.keys(BENCHMARKS);
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const t0 = performance.now();
  process.stdout.write(`${markdownTable(machineTable(startedAt))}\n`);
  let failed = 0;
  for (const name of selected(process.argv.slice(2))) {
    const bench = BENCHMARKS[name]!;
    const table = await bench.run().catch((err: unknown) => {
      failed++;
      return { title: bench.title, rows: [['result', `failed: ${(err as Error).message}`]] } satisfies BenchTable;
    });
    process.stdout.write(`${markdownTable(table)}\n`);
  }
  process.stdout.write(`Total bench time: ${seconds(performance.now() - t0)}\n`);
  return failed ? 1 : 0;
}

const reran = reexecUnderFlags(import.meta.url);
process.exitCode = reran ?? (await main());
