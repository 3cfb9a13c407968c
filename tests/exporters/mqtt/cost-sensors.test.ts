/**
 * Monetary sensors: which tariff prices a PDL, the cost of a period, the state documents and the
 * discovery configs (golden), from the known store data of seed-store.ts (HC 22:00-06:00, winter).
 * Expected amounts are worked out here by hand: HC 0.20, HP 0.30, production 0.10 EUR/kWh; a daily-only
 * day is priced at the day-weighted price 0.20 × 8/24 + 0.30 × 16/24.
 */
import { flatTariff } from '../../../src/domain/pricing.js';
import { consumptionTariff, productionTariff } from '../../../src/domain/tariff.js';
import { buildDiscoveryConfig } from '../../../src/exporters/mqtt/discovery/build-discovery-config.js';
import { checkSensorConfig } from '../../../src/exporters/mqtt/discovery/ha-sensor-rules.js';
import { parseMqttExporterOptions, pricesOf } from '../../../src/exporters/mqtt/options.js';
import { buildStateMessages } from '../../../src/exporters/mqtt/state/build-state-messages.js';
import { entitiesForSnapshot } from '../../../src/sensors/entities.js';
import { periodCost } from '../../../src/sensors/snapshot/period-cost.js';
import { readSnapshot } from '../../../src/sensors/snapshot/read-snapshot.js';
import type { Snapshot } from '../../../src/sensors/snapshot/snapshot-types.js';
import { NOW, openTempStore, PDL_A, PDL_B, seedStore, type TempStore } from './seed-store.js';

const PRICES = { hcKwh: 0.2, hpKwh: 0.3, productionKwh: 0.1 };
const DAY_WEIGHTED_MICRO = Math.round(10 * (0.2 * (8 / 24) + 0.3 * (16 / 24)) * 1e6); // 10 kWh, one day
const CURVE_DAY_MICRO = 16 * 250 * 0.2 * 1000 + 32 * 250 * 0.3 * 1000; // 16 HC + 32 HP half-hours of 250 Wh
const ctx = { topicPrefix: 'myelectricaldata', discoveryPrefix: 'homeassistant', swVersion: '1.2.0' };

let temp: TempStore;
let priced: Snapshot;
let unpriced: Snapshot;
beforeAll(async () => {
  temp = await openTempStore();
  await seedStore(temp.store);
  priced = await readSnapshot(temp.store, NOW, PRICES);
  unpriced = await readSnapshot(temp.store, NOW);
});
afterAll(() => temp.cleanup());

const states = (s: Snapshot) => new Map(buildStateMessages(s).map((m) => [m.topic, m.payload]));

describe('tariff of a PDL', () => {
  const hcPoint = { pricingOption: 'HC_HP' as const, offpeakHours: [{ start: '22:00', end: '06:00' }] };
  test('HC/HP with off-peak hours; Base otherwise; none without prices', () => {
    expect(consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3, baseKwh: 0.25 }, hcPoint)?.fingerprint).toBe(
      'hc_hp:0.2:0.3:22:00-06:00',
    );
    expect(
      consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3, baseKwh: 0.25 }, { ...hcPoint, pricingOption: 'BASE' })?.fingerprint,
    ).toBe('flat:0.25');
    expect(consumptionTariff({ hcKwh: 0.2, hpKwh: 0.3 }, { ...hcPoint, offpeakHours: [] })).toBeNull();
    expect(consumptionTariff({ hcKwh: 0.2 }, hcPoint)).toBeNull();
    expect(consumptionTariff({}, hcPoint)).toBeNull();
    expect(productionTariff({ productionKwh: 0.1 })?.fingerprint).toBe('flat:0.1');
    expect(productionTariff({ baseKwh: 0.25 })).toBeNull();
  });

  test('options: the prices reach the tariff engine, invalid prices are rejected', () => {
    const prices = { baseKwh: 0.19, hcKwh: 0.16, hpKwh: 0.21, productionKwh: 0.04 };
    expect(pricesOf(parseMqttExporterOptions({ prices }))).toEqual(prices);
    expect(pricesOf(parseMqttExporterOptions({}))).toEqual({});
    expect(() => parseMqttExporterOptions({ prices: { baseKwh: -1 } })).toThrow();
    expect(() => parseMqttExporterOptions({ prices: { hcKwh: '0.2' } })).toThrow();
    const unsorted = [{ from: '2026-02-01' }, { from: '2025-08-01' }];
    expect(() => parseMqttExporterOptions({ prices: { dated: unsorted } })).toThrow();
  });
});

describe('cost of a period', () => {
  test('daily-only days, full curve days and missing days; quality like the energy', () => {
    const curveDay = '2026-03-29'; // DST: 23 hours, 46 half-hours
    const from = Date.UTC(2026, 2, 28, 23);
    const curve = Array.from({ length: 46 }, (_, i) => ({ start: from + i * 1_800_000, minutes: 30, w: 1000 }));
    const cost = periodCost(
      { start: '2026-03-28', end: '2026-03-31' },
      { daily: new Map([['2026-03-28', 4000]]), fullCurveDays: new Map([[curveDay, curve]]) },
      flatTariff(0.5),
    );
    // 28 Mar: 4 kWh; 29 Mar: 46 × 500 Wh = 23 kWh; 30 Mar missing.
    expect(cost).toEqual({
      range: { start: '2026-03-28', end: '2026-03-31' },
      microEur: (4 + 23) * 0.5 * 1e6,
      daysFromDaily: 1,
      daysFromCurve: 1,
      daysMissing: 1,
      quality: 'partial',
      tariff: 'flat:0.5',
      tariffPeriods: ['base'],
      periods: { base: { wattMinutes: (4000 + 23_000) * 60, microEur: (4 + 23) * 0.5 * 1e6 } },
    });
    const none = periodCost(
      { start: '2026-03-30', end: '2026-03-31' },
      { daily: new Map(), fullCurveDays: new Map() },
      flatTariff(0.5),
    );
    expect([none.microEur, none.quality]).toEqual([null, 'missing']);
  });
});

describe('cost state documents (golden)', () => {
  test('consumption cost yesterday and month so far, production compensation, in EUR with last_reset', () => {
    const s = states(priced);
    expect(s.get(`${PDL_A}/consumption/cost/yesterday`)).toEqual({
      value: 2.67,
      unit: 'EUR',
      date: '2026-11-26',
      quality: 'complete',
      start: '2026-11-26',
      last_reset: '2026-11-26T00:00:00+01:00',
      micro_eur: DAY_WEIGHTED_MICRO,
      tariff: 'hc_hp:0.2:0.3:22:00-06:00',
      days_from_daily: 1,
      days_from_curve: 0,
      days_missing: 0,
    });
    // November: 24 daily-only days, 25 Nov from its load curve, 20 Nov missing.
    const month = 24 * DAY_WEIGHTED_MICRO + CURVE_DAY_MICRO;
    expect(s.get(`${PDL_A}/consumption/cost/month`)).toMatchObject({
      value: Math.round(month / 10_000) / 100,
      micro_eur: month,
      quality: 'partial',
      start: '2026-11-01',
      last_reset: '2026-11-01T00:00:00+01:00',
      days_from_daily: 24,
      days_from_curve: 1,
      days_missing: 1,
    });
    expect(s.get(`${PDL_A}/consumption/cost/month`)?.value).toBe(67.2);
    expect(s.get(`${PDL_A}/production/compensation/yesterday`)).toMatchObject({ value: 0.2, tariff: 'flat:0.1' });
    expect(s.get(`${PDL_A}/production/compensation/month`)).toMatchObject({ value: 5.2, quality: 'complete' });
    expect(s.get(`${PDL_B}/consumption/cost/yesterday`)).toMatchObject({
      value: null,
      micro_eur: null,
      quality: 'missing',
    });
    expect(s.has(`${PDL_B}/production/compensation/yesterday`)).toBe(false);
  });

  test('without prices: no cost topic and no cost entity', () => {
    expect([...states(unpriced).keys()].filter((t) => /\/(cost|compensation)\//.test(t))).toEqual([]);
    expect(entitiesForSnapshot(unpriced).filter((e) => e.deviceClass === 'monetary')).toEqual([]);
  });
});

describe('cost discovery configs (golden)', () => {
  const configs = () => entitiesForSnapshot(priced).map((e) => buildDiscoveryConfig(ctx, e));
  test('monetary, EUR, state class total with last_reset; passes the HA rule table', () => {
    const cost = configs().find(
      (c) => c.payload.unique_id === `myelectricaldata_linky_${PDL_A}_consumption_cost_yesterday`,
    );
    expect(cost).toEqual({
      topic: `homeassistant/sensor/myelectricaldata_linky_${PDL_A}_consumption_cost_yesterday/config`,
      stateTopic: `myelectricaldata/${PDL_A}/consumption/cost/yesterday`,
      payload: {
        name: 'Coût consommation hier',
        unique_id: `myelectricaldata_linky_${PDL_A}_consumption_cost_yesterday`,
        default_entity_id: `sensor.linky_${PDL_A}_consumption_cost_yesterday`,
        state_topic: `myelectricaldata/${PDL_A}/consumption/cost/yesterday`,
        value_template: '{{ value_json.value }}',
        json_attributes_topic: `myelectricaldata/${PDL_A}/consumption/cost/yesterday`,
        availability_topic: 'myelectricaldata/status',
        device_class: 'monetary',
        state_class: 'total',
        unit_of_measurement: 'EUR',
        last_reset_value_template: '{{ value_json.last_reset }}',
        device: {
          identifiers: [PDL_A],
          name: `Linky ${PDL_A}`,
          manufacturer: 'Enedis',
          model: 'Linky',
          serial_number: PDL_A,
          sw_version: '1.2.0',
        },
        origin: { name: 'MyElectricalData Client Local', sw: '1.2.0', url: 'https://github.com/MyElectricalData' },
      },
    });
    const monetary = configs().filter((c) => c.payload.device_class === 'monetary');
    expect(monetary.map((c) => c.payload.unique_id)).toEqual([
      `myelectricaldata_linky_${PDL_A}_consumption_cost_yesterday`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_month`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_year`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_hp_yesterday`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_hp_month`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_hp_year`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_hc_yesterday`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_hc_month`,
      `myelectricaldata_linky_${PDL_A}_consumption_cost_hc_year`,
      `myelectricaldata_linky_${PDL_A}_production_compensation_yesterday`,
      `myelectricaldata_linky_${PDL_A}_production_compensation_month`,
      `myelectricaldata_linky_${PDL_A}_production_compensation_year`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_yesterday`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_month`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_year`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_hp_yesterday`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_hp_month`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_hp_year`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_hc_yesterday`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_hc_month`,
      `myelectricaldata_linky_${PDL_B}_consumption_cost_hc_year`,
    ]);
    for (const c of configs())
      expect([c.payload.unique_id, checkSensorConfig(c.payload)]).toEqual([c.payload.unique_id, []]);
  });
});
