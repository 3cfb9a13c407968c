/**
 * VictoriaMetrics history push: 2 years of 30-minute consumption for one PDL (with its daily values and
 * daily max power) in a SQLite store, pushed to a VictoriaMetrics of its own (Debian `victoria-metrics`,
 * temp data dir, free loopback port). Times the first full push (delete + import in batches + read-back
 * count) with the peak RSS, then the next day's incremental push.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/domain/clock.js';
import { addDays, eachDay, parisMidnightUtc, parisNaiveToUtc } from '../src/domain/time.js';
import type { CurveReading } from '../src/domain/types.js';
import { VictoriaMetricsExporter } from '../src/exporters/victoriametrics/victoriametrics-exporter.js';
import { silentLogger } from '../src/log/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/repository.js';
import { SyncEvents } from '../src/sync/events.js';
import { startVmProcess } from '../tests/integration/victoriametrics/vm-process.js';
import { usagePoint } from '../tests/store/fixtures.js';
import { type BenchTable, count, mib, perSecond, seconds, timed, withPeakRss } from './report.js';

const PDL = '12345678901234';
const FIRST = '2024-11-27';
const TODAY = '2026-11-27';

function curveOf(day: string): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(day), i = 0; t < parisMidnightUtc(addDays(day, 1)); t += 1_800_000, i++)
    out.push({ start: t, minutes: 30, w: 200 + ((i * 53 + day.charCodeAt(9)) % 1800) });
  return out;
}

async function fill(store: Store, days: string[]): Promise<number> {
  let readings = 0;
  for (const day of days) {
    const curve = curveOf(day);
    readings += curve.length;
    await store.upsertCurve(PDL, 'consumption', curve);
    await store.upsertDaily(PDL, 'consumption', [
      { date: day, wh: Math.round(curve.reduce((n, r) => n + r.w / 2, 0)) },
    ]);
    await store.upsertMaxPower(PDL, [{ date: day, va: 3000 + (day.charCodeAt(8) % 7) * 100, at: curve[37]!.start }]);
  }
  return readings;
}

export async function benchVictoriaMetrics(): Promise<BenchTable> {
  const vm = await startVmProcess();
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-vm-'));
  const store = await openStore({ dataDir: dir, logger: silentLogger });
  const events = new SyncEvents();
  const clock = fixedClock(parisNaiveToUtc(`${TODAY} 09:00:00`));
  try {
    await store.upsertUsagePoints([usagePoint(PDL, { hasProduction: false })], clock.now());
    const readings = await fill(store, eachDay({ start: FIRST, end: TODAY }));
    const days = eachDay({ start: FIRST, end: TODAY }).length;
    const exporter = new VictoriaMetricsExporter({ url: vm.url, retryDelaysMs: [] });
    const heapBefore = process.memoryUsage().heapUsed;
    // `start` begins the first push; `run` then waits for it (and for one more run, which finds nothing).
    const first = await withPeakRss(() =>
      timed(async () => {
        await exporter.start({ store, events, clock, logger: silentLogger });
        await exporter.run('bench');
      }),
    );
    const firstSamples = 2 * readings + 2 * days;
    await fill(store, [TODAY]);
    events.emit('data-changed', {
      pdl: PDL,
      stream: 'consumption_curve',
      range: { start: TODAY, end: addDays(TODAY, 1) },
    });
    events.emit('data-changed', {
      pdl: PDL,
      stream: 'consumption_daily',
      range: { start: TODAY, end: addDays(TODAY, 1) },
    });
    events.emit('data-changed', { pdl: PDL, stream: 'max_power', range: { start: TODAY, end: addDays(TODAY, 1) } });
    const next = await timed(() => exporter.run('next day'));
    const nextResult = exporter.status().lastResult as { samples: number };
    await exporter.stop();
    return {
      title: 'VictoriaMetrics history push (2 years of curve, one PDL)',
      rows: [
        ['curve readings in the store', count(readings)],
        ['samples pushed (energy 30 min, power, daily, max power)', count(firstSamples)],
        ['first push, wall time (incl. read-back count and one empty run)', seconds(first.value.ms)],
        ['first push, throughput', perSecond(firstSamples, first.value.ms)],
        ['peak RSS during the first push', mib(first.peakRss)],
        ['heap used before the push', mib(heapBefore)],
        ['next day: samples pushed', count(nextResult.samples)],
        ['next day: wall time', seconds(next.ms)],
      ],
      notes: [
        'The store is filled directly (no sync); the push reads it, renders Prometheus lines in batches of 10,000 and counts the samples back through /api/v1/export.',
        'The wall time includes waiting for VictoriaMetrics to make the import searchable (about a second).',
      ],
    };
  } finally {
    await store.close();
    await vm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
