/**
 * Tempo in the Home Assistant export (in-memory HA, real SQLite): the six per-period statistics and
 * their costs, equal to the store's split hour by hour, and a Tempo colour that changes (or arrives)
 * recomputes from 06:00 of its day only, in one pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { buildHourlyEnergyCost } from '../../../src/domain/hourly.js';
import { consumptionTariff } from '../../../src/domain/tariff.js';
import { TEMPO_PERIODS } from '../../../src/domain/tariff-period.js';
import { eachDay, parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { CurveReading, TempoColor } from '../../../src/domain/types.js';
import { statisticId } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import { HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { loadTariffContext } from '../../../src/store/tariff-history.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { memoryHa } from './memory-ha.js';

const PDL = '12345678901234';
const NOW = parisNaiveToUtc('2026-02-20 08:00:00');
const HOUR = 3_600_000;
const TEMPO = { blue_hc: 0.1288, blue_hp: 0.1552, white_hc: 0.1447, white_hp: 0.1792, red_hc: 0.1518, red_hp: 0.6586 };
const PRICES = { tariff: 'tempo' as const, tempo: TEMPO };
const POINT = usagePoint(PDL, { pricingOption: 'TEMPO', offpeakHours: [{ start: '22:00', end: '06:00' }] });

let dir: string;
let store: Store;
const ha = memoryHa();

async function exportOnce() {
  const options = parseHomeAssistantExporterOptions({ url: 'http://ha.test:8123', token: 't', prices: PRICES });
  const exporter = new HomeAssistantExporter(options, { connect: async () => ha, sleep: async () => {} });
  await exporter.start({ store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() });
  ha.imports.length = 0;
  await exporter.run('test');
  await exporter.stop();
  expect(exporter.status().lastError).toBeNull();
  return [...ha.imports];
}

/** The store's split per period and hour, from the engine with the stored colours. */
async function storeSplit(): Promise<Map<string, Map<number, number>>> {
  const curve = await store.listCurve(PDL, 'consumption', 0, NOW);
  const tariff = consumptionTariff(PRICES, POINT, await loadTariffContext(store, PDL))!;
  const out = new Map<string, Map<number, number>>();
  for (const h of buildHourlyEnergyCost({ curve, daily: [] }, tariff)) {
    for (const p of h.periods) {
      for (const [suffix, value] of [
        ['', p.wattMinutes / 60_000],
        ['_cost', p.microEur / 1e6],
      ] as const) {
        const id = statisticId(PDL, `consumption_${p.period}${suffix}` as never);
        const m = out.get(id) ?? new Map<number, number>();
        m.set(h.hourStart, value);
        out.set(id, m);
      }
    }
  }
  return out;
}

async function expectHaEqualsStore() {
  for (const [id, hours] of await storeSplit()) {
    const rows = ha.rows.get(id)!;
    for (const [hour, value] of hours)
      expect([id, hour, rows.get(hour)?.state]).toEqual([id, hour, expect.closeTo(value, 9)]);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ha-tempo-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([POINT], NOW);
  const days = eachDay({ start: '2026-01-01', end: '2026-02-19' });
  const colours: TempoColor[] = ['BLUE', 'WHITE', 'RED'];
  await store.upsertTempo(days.map((date, i) => ({ date, color: colours[i % 3]! })));
  const curve: CurveReading[] = [];
  for (let t = parisMidnightUtc('2026-01-01'), i = 0; t < parisMidnightUtc('2026-02-19'); t += HOUR / 2, i++) {
    curve.push({ start: t, minutes: 30, w: 300 + ((i * 37) % 2500) });
  }
  await store.upsertCurve(PDL, 'consumption', curve);
});

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Tempo statistics', () => {
  it('imports the six periods and their costs next to the totals, equal to the store split', async () => {
    await exportOnce();
    const ids = TEMPO_PERIODS.flatMap((p) => [
      statisticId(PDL, `consumption_${p}`),
      statisticId(PDL, `consumption_${p}_cost`),
    ]);
    expect(ids.filter((id) => !ha.rows.has(id))).toEqual([]);
    expect(ha.rows.has(statisticId(PDL, 'consumption'))).toBe(true);
    expect(ha.rows.has(statisticId(PDL, 'consumption_hc'))).toBe(false);
    await expectHaEqualsStore();
  });

  it('a corrected colour far back (outside the trailing window) recomputes from 06:00 of that Tempo day', async () => {
    // 2026-01-15 was the 15th day: 14 % 3 = 2, RED; it becomes BLUE.
    await store.upsertTempo([{ date: '2026-01-15', color: 'BLUE' }]);
    const imports = await exportOnce();
    const six = parisMidnightUtc('2026-01-15') + 6 * HOUR;
    expect(Math.min(...imports.map(([, from]) => from))).toBe(six);
    const ids = new Set(imports.map(([id]) => id));
    expect(ids.has(statisticId(PDL, 'consumption_blue_hp'))).toBe(true);
    expect(ids.has(statisticId(PDL, 'consumption'))).toBe(false); // the energy total does not change
    await expectHaEqualsStore();
    expect(await exportOnce()).toEqual([]);
  });
});
