/**
 * The daily cost series against a real VictoriaMetrics (`VM_URL`): a store synced from the gateway
 * simulator is pushed with prices set, and every day's cost read back through `/api/v1/export` equals the
 * tariff engine's cost of that day to the micro-euro (one sample per day); the total also matches plain
 * arithmetic (Wh × price) on whole curve days, within the engine's per-hour rounding. New prices replace the whole series.
 * The per-period (HC/HP) energy and cost series read back add up, day by day, to the daily value and to the cost.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildDailyCost } from '../../../src/domain/day-cost.js';
import { readingWh } from '../../../src/domain/energy.js';
import { type Prices, tariffFor } from '../../../src/domain/tariff.js';
import { addDays, parisDate, parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { Direction } from '../../../src/domain/types.js';
import { VictoriaMetricsExporter } from '../../../src/exporters/victoriametrics/victoriametrics-exporter.js';
import { PRM } from '../../../src/gateway/simulator/pdl-catalog.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { loadTariffContext } from '../../../src/store/tariff-history.js';
import { type Harness, startHarness } from '../sync/harness.js';
import { byTimestamp, readBack } from './read-back.js';
import { VM_SKIP, VM_URL } from './vm-process.js';

jest.setTimeout(180_000);
const describeWithVm = VM_URL ? describe : describe.skip;

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const RUN = randomBytes(4).toString('hex');
const HOUSE = PRM.house;
const SOLAR = PRM.newHouseSolar;
const ALL = { start: '1970-01-01', end: '9999-12-31' };
const PRICES: Prices = { hcKwh: 0.2068, hpKwh: 0.27, productionKwh: 0.1276 };
/** Consumption of the house (HC/HP 22:00–06:00), production of the solar PDL. */
const PDL_OF: Record<Direction, string> = { consumption: HOUSE, production: SOLAR };

/** Length of the Paris day starting at `midnight` (23 or 25 hours on DST days). */
const dayLength = (midnight: number) => parisMidnightUtc(addDays(parisDate(midnight), 1)) - midnight;

describeWithVm(`VictoriaMetrics cost series${VM_SKIP}`, () => {
  let h: Harness;
  const url = VM_URL ?? '';

  beforeAll(async () => {
    h = await startHarness(NOW, {}, [HOUSE, SOLAR]);
    expect(await h.engine.run('full')).toMatchObject({ status: 'ok' });
  });
  afterAll(() => h?.close());

  async function push(prices: Prices) {
    const exporter = new VictoriaMetricsExporter({ url, extraLabels: { test_run: RUN }, prices, retryDelaysMs: [] });
    const logger = memoryLogger();
    await exporter.start({ store: h.store, events: h.engine.options.events, clock: h.clock, logger });
    await exporter.run('test'); // after the start run, which pushed
    await exporter.stop();
    expect(exporter.status()).toMatchObject({ lastError: null });
    const replaced = logger.lines.filter((l) => l.msg === 'VictoriaMetrics series re-imported');
    return replaced.map((l) => String(l.fields.series).replace(/^series:[^:]+:\/\/[^:]+:\d+:/, ''));
  }

  /** The engine's cost per day (micro-euros at the day's Paris midnight) of one direction. */
  async function engineCosts(direction: Direction, prices: Prices) {
    const pdl = PDL_OF[direction];
    const point = (await h.store.listUsagePoints()).find((p) => p.pdl === pdl)!;
    const curve = await h.store.listCurve(pdl, direction, 0, NOW + 2 * 86_400_000);
    const daily = await h.store.listDaily(pdl, direction, ALL);
    const tariff = tariffFor(prices, point, direction, await loadTariffContext(h.store, pdl))!;
    const list = buildDailyCost({ curve, daily }, tariff);
    return { days: new Map(list.map((d) => [parisMidnightUtc(d.date), d.microEur])), curve, daily, list };
  }

  async function expectHeldCosts(direction: Direction, prices: Prices) {
    const { days } = await engineCosts(direction, prices);
    expect(days.size).toBeGreaterThan(direction === 'consumption' ? 700 : 30);
    const sel = `myelectricaldata_cost_euros{test_run="${RUN}",pdl="${PDL_OF[direction]}",direction="${direction}",resolution="day"}`;
    const series = await readBack(url, sel, days.size);
    expect(series).toHaveLength(1);
    const held = byTimestamp(series[0]);
    expect([...held.keys()].sort((a, b) => a - b)).toEqual([...days.keys()].sort((a, b) => a - b));
    const bad = [...days].filter(([t, micro]) => {
      const v = held.get(t)!;
      return v.length !== 1 || v[0] !== micro / 1e6;
    });
    expect(bad.slice(0, 3)).toEqual([]);
  }

  it('pushes the cost and the compensation of every day, equal to the tariff engine to the micro-euro', async () => {
    const first = await push(PRICES);
    expect(first.filter((s) => s.startsWith('myelectricaldata_cost_euros{'))).toHaveLength(2);
    await expectHeldCosts('consumption', PRICES);
    await expectHeldCosts('production', PRICES);
  });

  it('matches Wh × price on every day the curve covers whole (flat price), within the per-hour rounding', async () => {
    const { days, curve } = await engineCosts('production', PRICES);
    const perDay = new Map<number, { wh: number; minutes: number }>();
    for (const r of curve) {
      const day = parisMidnightUtc(parisDate(r.start));
      const d = perDay.get(day) ?? { wh: 0, minutes: 0 };
      perDay.set(day, { wh: d.wh + readingWh(r), minutes: d.minutes + r.minutes });
    }
    const whole = [...perDay].filter(([day, d]) => d.minutes * 60_000 === dayLength(day));
    expect(whole.length).toBeGreaterThan(30);
    for (const [day, d] of whole) {
      const micro = (d.wh / 1000) * PRICES.productionKwh! * 1e6;
      expect(Math.abs(days.get(day)! - micro)).toBeLessThanOrEqual(25); // ≤ 0.5 µ€ per rounded hour
    }
  });

  it("answers the dashboard's rolling 30-day cost query with the engine's sum", async () => {
    const dashboard = JSON.parse(readFileSync('docs/grafana/myelectricaldata-victoriametrics.json', 'utf8'));
    const panel = dashboard.panels.find((p: { title: string }) => p.title.startsWith('Cost and compensation per 30'));
    const expr = (panel.targets[0].expr as string).replace('pdl="$pdl"', `test_run="${RUN}",pdl="${HOUSE}"`);
    const at = parisMidnightUtc('2026-10-20') + 12 * 3_600_000; // no sample on the window's edges
    const q = new URLSearchParams({ query: expr, time: String(at / 1000) });
    const body = (await (await fetch(`${url}/api/v1/query?${q}`)).json()) as {
      data: { result: { metric: { direction: string }; value: [number, string] }[] };
    };
    const { days } = await engineCosts('consumption', PRICES);
    const inWindow = [...days].filter(([t]) => t > at - 30 * 86_400_000 && t <= at);
    expect(inWindow).toHaveLength(30);
    const micro = inWindow.reduce((n, [, v]) => n + v, 0);
    expect(body.data.result.map((r) => r.metric.direction)).toEqual(['consumption']);
    expect(Number(body.data.result[0]!.value[1])).toBeCloseTo(micro / 1e6, 6);
  });

  it('per period: HC and HP energy and cost of each day, adding up to its daily value and its cost', async () => {
    const { days, daily, list } = await engineCosts('consumption', PRICES);
    const sel = (name: string, period: string) =>
      `${name}{test_run="${RUN}",pdl="${HOUSE}",direction="consumption",resolution="day",tariff_period="${period}"}`;
    const held = async (name: string, period: string) =>
      byTimestamp((await readBack(url, sel(name, period), days.size))[0]);
    const [hcWh, hpWh, hcEur, hpEur] = [
      await held('myelectricaldata_tariff_period_energy_wh', 'hc'),
      await held('myelectricaldata_tariff_period_energy_wh', 'hp'),
      await held('myelectricaldata_tariff_period_cost_euros', 'hc'),
      await held('myelectricaldata_tariff_period_cost_euros', 'hp'),
    ];
    expect([hcWh.size, hpWh.size, hcEur.size, hpEur.size]).toEqual([days.size, days.size, days.size, days.size]);
    const one = (m: Map<number, number[]>, t: number) => {
      const v = m.get(t) ?? [];
      return v.length === 1 ? v[0]! : Number.NaN;
    };
    const dailyWh = new Map(daily.map((d) => [parisMidnightUtc(d.date), d.wh]));
    const bad: unknown[] = [];
    for (const d of list) {
      const t = parisMidnightUtc(d.date);
      const micro = Math.round(one(hcEur, t) * 1e6) + Math.round(one(hpEur, t) * 1e6);
      // Whole Wh adding up to the daily value; a day without one (the last, from its curve) to the mWh.
      const wh = Math.round((one(hcWh, t) + one(hpWh, t)) * 1000);
      const expectedWh = (dailyWh.get(t) ?? Math.round((d.wattMinutes * 1000) / 60) / 1000) * 1000;
      const hcMicro = Math.round(one(hcEur, t) * 1e6);
      if (micro !== d.microEur || wh !== expectedWh || hcMicro !== (d.periods.hc?.microEur ?? 0))
        bad.push([d.date, micro, wh]);
    }
    expect(bad.slice(0, 3)).toEqual([]);
    expect(dailyWh.size).toBeGreaterThan(700);
  });

  it('replaces the cost series when the prices change: one sample per day, the new costs', async () => {
    const dearer = { ...PRICES, hpKwh: 0.3 };
    // Only the consumption costs depend on the HP price: those series alone (the total and the four
    // per-period ones) are deleted and imported again.
    const replaced = await push(dearer);
    expect(replaced.map((r) => r.replace(/\{direction="consumption",.*tariff_period="(\w+)".*/, ':$1'))).toEqual([
      expect.stringMatching(/^myelectricaldata_cost_euros\{direction="consumption",.*#/),
      'myelectricaldata_tariff_period_energy_wh:hc',
      'myelectricaldata_tariff_period_cost_euros:hc',
      'myelectricaldata_tariff_period_energy_wh:hp',
      'myelectricaldata_tariff_period_cost_euros:hp',
    ]);
    await expectHeldCosts('consumption', dearer);
    await expectHeldCosts('production', dearer);
  });
});
