/**
 * VictoriaMetrics stopped in the middle of a backfill (gracefully, then as a crash with `kill -9`) and
 * started again: the exporter retries with back-off and ends with every stored sample held exactly once.
 * Each case runs a VictoriaMetrics of its own (port, data dir), so it can stop it.
 */
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { VictoriaMetricsExporter } from '../../../src/exporters/victoriametrics/victoriametrics-exporter.js';
import { PRM } from '../../../src/gateway/simulator/pdl-catalog.js';
import { silentLogger } from '../../../src/log/logger.js';
import { type Harness, startHarness } from '../sync/harness.js';
import { expectedSeries, expectHeld } from './expected.js';
import { startVmProcess, VM_SKIP, VM_URL, type VmProcess } from './vm-process.js';

jest.setTimeout(240_000);

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const BATCH = 2000;
const describeWithVm = VM_URL ? describe : describe.skip;

describeWithVm(`VictoriaMetrics restarted mid-push${VM_SKIP}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(NOW, {}, [PRM.house]);
    expect(await h.engine.run('full')).toMatchObject({ status: 'ok' });
  });
  afterAll(() => h?.close());

  async function untilSettled(exporter: VictoriaMetricsExporter): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const s = exporter.status();
      if (s.state === 'ok') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the exporter did not recover: ${JSON.stringify(exporter.status())}`);
  }

  // `middle`: after batch 3, inside the 30-min energy series. `series end`: right after that series' last
  // batch, which a crashing server may lose although it acknowledged it (only the read-back notices).
  const cases = [
    ['SIGTERM', 'middle'],
    ['SIGKILL', 'middle'],
    ['SIGKILL', 'series end'],
  ] as const;
  it.each(cases)('stopped with %s (%s of a series), back 1.5 s later: complete and exact', async (signal, when) => {
    const readings = (await h.store.listCurve(PRM.house, 'consumption', 0, NOW)).length;
    const batch = when === 'middle' ? 3 : Math.ceil(readings / BATCH);
    const vm: VmProcess = await startVmProcess();
    try {
      let imports = 0;
      let restarted: Promise<void> = Promise.resolve();
      const flaky: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        if (String(input).includes('/import/') && ++imports === batch) {
          await vm.stop(signal);
          restarted = new Promise((r) => setTimeout(r, 1500)).then(() => vm.start());
        }
        return res;
      };
      const exporter = new VictoriaMetricsExporter({
        url: vm.url,
        batchSize: BATCH,
        retryDelaysMs: [300, 1000],
        fetch: flaky,
      });
      await exporter.start({ store: h.store, events: h.engine.options.events, clock: h.clock, logger: silentLogger });
      await exporter.run('test');
      await restarted;
      await untilSettled(exporter);
      await exporter.stop();
      for (const e of await expectedSeries(h.store, PRM.house, '')) await expectHeld(vm.url, e);
    } finally {
      await vm.close();
    }
  });
});
