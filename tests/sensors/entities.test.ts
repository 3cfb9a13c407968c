/** The catalog applied to a known, hand-made snapshot: which entities exist and what each one shows. */
import { documentsForSnapshot, entitiesForSnapshot, readEntities, readEntity } from '../../src/sensors/entities.js';
import { KNOWN_SNAPSHOT, PDL_A, PDL_B, PDL_C } from './known-snapshot.js';

const readings = readEntities(KNOWN_SNAPSHOT);
const keysOf = (pdl: string) =>
  entitiesForSnapshot(KNOWN_SNAPSHOT)
    .filter((e) => e.device.kind === 'pdl' && e.device.pdl === pdl)
    .map((e) => e.key);
const globalValue = (uniqueId: string) => readings.find((r) => r.entity.uniqueId === uniqueId)?.value;
const pdlReading = (pdl: string, key: string) =>
  readings.find((r) => r.entity.key === key && r.entity.device.kind === 'pdl' && r.entity.device.pdl === pdl);

const ALWAYS = [
  'max_power',
  'max_power_ratio',
  'subscribed_power',
  'offpeak_hours',
  'tariff_option',
  'contract_status',
  'address',
  'last_sync',
  'sync_status',
];

describe('when a sensor applies', () => {
  test('a PDL that consumes and produces, both priced: every PDL sensor', () => {
    expect(keysOf(PDL_A)).toEqual([
      'consumption_yesterday',
      'consumption_week',
      'consumption_month',
      'consumption_year',
      'consumption_last_hour',
      'production_yesterday',
      'production_week',
      'production_month',
      'production_year',
      'consumption_cost_yesterday',
      'consumption_cost_month',
      'consumption_cost_year',
      'consumption_hp_yesterday',
      'consumption_cost_hp_yesterday',
      'consumption_hp_month',
      'consumption_cost_hp_month',
      'consumption_hp_year',
      'consumption_cost_hp_year',
      'consumption_hc_yesterday',
      'consumption_cost_hc_yesterday',
      'consumption_hc_month',
      'consumption_cost_hc_month',
      'consumption_hc_year',
      'consumption_cost_hc_year',
      'production_compensation_yesterday',
      'production_compensation_month',
      'production_compensation_year',
      ...ALWAYS,
    ]);
  });

  test('consumption only, unpriced: no production, no cost', () => {
    expect(keysOf(PDL_B)).toEqual([
      'consumption_yesterday',
      'consumption_week',
      'consumption_month',
      'consumption_year',
      'consumption_last_hour',
      ...ALWAYS,
    ]);
  });

  test('production only: no consumption and no last hour', () => {
    expect(keysOf(PDL_C)).toEqual([
      'production_yesterday',
      'production_week',
      'production_month',
      'production_year',
      ...ALWAYS,
    ]);
  });

  test('global sensors always, once; documents follow the same rules', () => {
    const entities = entitiesForSnapshot(KNOWN_SNAPSHOT);
    expect(entities.filter((e) => e.device.kind !== 'pdl').map((e) => e.key)).toEqual([
      'tempo_today',
      'tempo_tomorrow',
      'tempo_days_blue',
      'tempo_days_white',
      'tempo_days_red',
      'tempo_period',
      'tempo_price',
      'ecowatt_j0',
      'ecowatt_j1',
      'ecowatt_j2',
      'ecowatt_j3',
    ]);
    const topics = new Set(documentsForSnapshot(KNOWN_SNAPSHOT).map((d) => d.topic));
    expect(new Set(entities.map((e) => e.topic))).toEqual(topics);
    expect(topics.has(`${PDL_B}/consumption/cost/yesterday`)).toBe(false);
    expect(topics.has(`${PDL_C}/consumption/last_hour`)).toBe(false);
  });
});

describe('the value of each kind (known snapshot)', () => {
  test.each([
    ['consumption_yesterday', 10],
    ['consumption_week', 42],
    ['consumption_month', 252.5],
    ['consumption_year', 3292],
    ['consumption_last_hour', 500],
    ['production_yesterday', 2],
    ['production_month', 52],
    ['consumption_cost_yesterday', 2.67],
    ['consumption_cost_month', 67.2],
    ['consumption_cost_year', 900],
    // The HC/HP split of the fixture (watt-minutes / 60 = Wh): yesterday 3.333 kWh HC, 6.667 kWh HP.
    ['consumption_hp_yesterday', 6.667],
    ['consumption_cost_hp_yesterday', 2],
    ['consumption_hp_month', 162.5],
    ['consumption_cost_hp_month', 49.2],
    ['consumption_hc_yesterday', 3.333],
    ['consumption_cost_hc_yesterday', 0.67],
    ['consumption_hc_month', 90],
    ['consumption_cost_hc_month', 18],
    ['production_compensation_yesterday', 0.2],
    ['production_compensation_month', 5.2],
    ['max_power', 6120],
    ['max_power_ratio', 68],
    ['subscribed_power', 9],
    ['offpeak_hours', '22:00-06:00'],
    ['tariff_option', 'HC_HP'],
    ['contract_status', 'SERVC'],
    ['address', '1 rue de la Paix, 75002 Paris'],
    ['last_sync', '2026-11-27T07:30:00+01:00'],
    ['sync_status', 'ok'],
  ])('PDL A %s = %j', (key, value) => {
    expect(pdlReading(PDL_A, key)?.value).toEqual(value);
  });

  test.each([
    ['myelectricaldata_tempo_today', 'WHITE'],
    ['myelectricaldata_tempo_tomorrow', 'RED'],
    ['myelectricaldata_tempo_days_blue', 215],
    ['myelectricaldata_tempo_days_white', 41],
    ['myelectricaldata_tempo_days_red', 20],
    ['myelectricaldata_tempo_period', 'HP'],
    ['myelectricaldata_tempo_price', 0.1871],
    ['myelectricaldata_ecowatt_J0', 1],
    ['myelectricaldata_ecowatt_J1', 2],
    ['myelectricaldata_ecowatt_J2', null],
  ])('%s = %j', (uniqueId, value) => {
    expect(globalValue(uniqueId)).toEqual(value);
  });

  test('a PDL without data shows nulls, and its sync error', () => {
    expect(pdlReading(PDL_B, 'consumption_yesterday')?.value).toBeNull();
    expect(pdlReading(PDL_B, 'max_power')?.value).toBeNull();
    expect(pdlReading(PDL_B, 'last_sync')?.value).toBeNull();
    expect(pdlReading(PDL_B, 'sync_status')?.value).toBe('error');
    expect(pdlReading(PDL_B, 'sync_status')?.attributes).toMatchObject({ error: 'quota reached', quality: 'missing' });
  });

  test('attributes: the rest of the document, without value and unit', () => {
    expect(pdlReading(PDL_A, 'consumption_week')?.attributes).toEqual({
      date: '2026-11-26',
      quality: 'complete',
      start: '2026-11-23',
      wh: 42_000,
      days_from_daily: 1,
      days_from_curve: 0,
      days_missing: 0,
    });
    const tariff = pdlReading(PDL_A, 'tariff_option')?.attributes;
    expect(tariff).toMatchObject({ subscribed_power_kva: 9, tariff_option: 'HC_HP', segment: 'C5' });
    expect(tariff).not.toHaveProperty('value');
    expect(pdlReading(PDL_A, 'consumption_cost_month')?.attributes).toMatchObject({
      last_reset: '2026-11-01T00:00:00+01:00',
      micro_eur: 67_200_000,
    });
  });

  test('readEntity (one document built alone) agrees with readEntities; null where it does not apply', () => {
    for (const r of readings) expect(readEntity(r.entity, KNOWN_SNAPSHOT)).toEqual(r);
    const cost = readings.find((r) => r.entity.key === 'consumption_cost_month')!.entity;
    const unpriced = {
      ...KNOWN_SNAPSHOT,
      pdls: KNOWN_SNAPSHOT.pdls.map((p) => ({ ...p, consumption: p.consumption && { ...p.consumption, cost: null } })),
    };
    expect(readEntity(cost, unpriced)).toBeNull();
    expect(readEntity(cost, { ...KNOWN_SNAPSHOT, pdls: [] })).toBeNull();
  });
});
