/**
 * Tempo in a real Home Assistant: the six per-period statistics (blue/white/red × HC/HP) and their
 * costs read back equal an independent split of the stored readings, hour by hour (a Tempo day runs
 * from 06:00 to 06:00 Paris time, HC from 22:00 to 06:00; the fall-back day included), they add up to
 * the total, and the total cost carries the monthly subscription spread over the hours of each month.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Connection, createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, eachDay, parisMidnightUtc, parisNaive, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { CurveReading, TempoColor } from '../../../src/domain/types.js';
import { HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint } from '../../store/fixtures.js';
import { type HomeAssistantInstance, startHomeAssistant } from './harness/ha.js';

jest.setTimeout(300_000);

const PDL = '33333333333333';
const NOW = parisNaiveToUtc('2026-11-05 08:00:00');
const HOUR = 3_600_000;
const PRICES = { blue_hc: 0.1288, blue_hp: 0.1552, white_hc: 0.1447, white_hp: 0.1792, red_hc: 0.1518, red_hp: 0.6586 };
const SUBSCRIPTION = 12.96;
const COLOURS: TempoColor[] = ['BLUE', 'WHITE', 'RED', 'BLUE', 'BLUE'];
const FROM = '2026-10-20';
const TO = '2026-11-04';

let ha: HomeAssistantInstance;
let conn: Connection;
let store: Store;
let dir: string;
const colourOf = new Map<string, TempoColor>();

function curve(): CurveReading[] {
  const out: CurveReading[] = [];
  for (let t = parisMidnightUtc(FROM), i = 0; t < parisMidnightUtc(TO); t += HOUR / 2, i++) {
    out.push({ start: t, minutes: 30, w: 300 + ((i * 37) % 2100) });
  }
  return out;
}

/** `blue_hc` … `red_hp` of a half-hour starting at `start`, computed from the Paris wall clock. */
function periodOf(start: number): keyof typeof PRICES {
  const naive = parisNaive(start);
  const hour = Number(naive.slice(11, 13));
  const tempoDay = hour < 6 ? addDays(naive.slice(0, 10), -1) : naive.slice(0, 10);
  const colour = colourOf.get(tempoDay)!.toLowerCase();
  return `${colour}_${hour >= 22 || hour < 6 ? 'hc' : 'hp'}` as keyof typeof PRICES;
}

async function haChanges(id: string): Promise<Map<number, number>> {
  const r = await conn.sendMessagePromise<Record<string, { start: number; sum: number }[]>>({
    type: 'recorder/statistics_during_period',
    start_time: new Date(parisMidnightUtc(FROM) - HOUR).toISOString(),
    end_time: new Date(parisMidnightUtc(TO)).toISOString(),
    statistic_ids: [id],
    period: 'hour',
    types: ['sum'],
  });
  const changes = new Map<number, number>();
  let prev = 0;
  for (const row of r[id] ?? []) {
    changes.set(row.start, row.sum - prev);
    prev = row.sum;
  }
  return changes;
}

function worst(a: Map<number, number>, b: Map<number, number>): number {
  let max = 0;
  for (const hour of new Set([...a.keys(), ...b.keys()]))
    max = Math.max(max, Math.abs((a.get(hour) ?? 0) - (b.get(hour) ?? 0)));
  return max;
}

beforeAll(async () => {
  ha = await startHomeAssistant();
  conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
  dir = mkdtempSync(path.join(tmpdir(), 'ha-tempo-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(PDL, { pricingOption: 'TEMPO', name: null })], NOW);
  const days = eachDay({ start: addDays(FROM, -1), end: TO }).map((date, i) => ({ date, color: COLOURS[i % 5]! }));
  for (const d of days) colourOf.set(d.date, d.color);
  await store.upsertTempo(days);
  await store.upsertCurve(PDL, 'consumption', curve());
  const options = parseHomeAssistantExporterOptions({
    url: ha.url,
    token: ha.token,
    prices: { tariff: 'tempo', tempo: PRICES, subscriptionEurMonth: SUBSCRIPTION },
    retryDelaysMs: [60_000],
  });
  const exporter = new HomeAssistantExporter(options);
  await exporter.start({ store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() });
  await exporter.run('test');
  await exporter.stop();
  expect(exporter.status().lastError).toBeNull();
});

afterAll(async () => {
  conn?.close();
  await ha?.stop();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Tempo statistics in a real Home Assistant', () => {
  it('the six periods and their costs read back equal an independent split, hour by hour', async () => {
    const want = new Map(
      Object.keys(PRICES).map((p) => [p, { kwh: new Map<number, number>(), eur: new Map<number, number>() }]),
    );
    for (const r of curve()) {
      const period = periodOf(r.start);
      const hour = Math.floor(r.start / HOUR) * HOUR;
      const kwh = r.w / 2 / 1000;
      const m = want.get(period)!;
      m.kwh.set(hour, (m.kwh.get(hour) ?? 0) + kwh);
      m.eur.set(hour, (m.eur.get(hour) ?? 0) + kwh * PRICES[period]);
    }
    const fallBack = [...(await haChanges(`myelectricaldata:${PDL}_consumption`)).keys()].filter((h) =>
      parisNaive(h).startsWith('2026-10-25'),
    );
    expect(fallBack).toHaveLength(25);
    for (const [period, m] of want) {
      const id = `myelectricaldata:${PDL}_consumption_${period}`;
      expect([period, worst(await haChanges(id), m.kwh) < 1e-6]).toEqual([period, true]);
      expect([`${period}_cost`, worst(await haChanges(`${id}_cost`), m.eur) < 1e-5]).toEqual([`${period}_cost`, true]);
    }
    // The colours of the data cover every period (so each comparison above compared something).
    for (const [period, m] of want) expect([period, m.kwh.size > 0]).toEqual([period, true]);
  });

  it('the periods add up to the total, and the total cost adds the subscription spread over each month', async () => {
    const total = await haChanges(`myelectricaldata:${PDL}_consumption`);
    const cost = await haChanges(`myelectricaldata:${PDL}_consumption_cost`);
    const energySum = new Map<number, number>();
    const costSum = new Map<number, number>();
    for (const period of Object.keys(PRICES)) {
      const id = `myelectricaldata:${PDL}_consumption_${period}`;
      for (const [h, v] of await haChanges(id)) energySum.set(h, (energySum.get(h) ?? 0) + v);
      for (const [h, v] of await haChanges(`${id}_cost`)) costSum.set(h, (costSum.get(h) ?? 0) + v);
    }
    expect(worst(energySum, total)).toBeLessThan(1e-6);
    // October 2026 has 745 hours in Paris (the fall-back day has 25), November 720.
    const share = new Map(
      [...cost.keys()].map((h) => [h, SUBSCRIPTION / (parisNaive(h).startsWith('2026-10') ? 745 : 720)]),
    );
    const subscription = new Map([...cost].map(([h, v]) => [h, v - (costSum.get(h) ?? 0)]));
    expect(worst(subscription, share)).toBeLessThan(2e-6);
  });
});
