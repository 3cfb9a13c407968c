import { buildStateMessages } from '../../../src/exporters/mqtt/state/build-state-messages.js';
import { readSnapshot } from '../../../src/sensors/snapshot/read-snapshot.js';
import { NOW, openTempStore, PDL_A, PDL_B, seedStore, type TempStore } from './seed-store.js';

let temp: TempStore;
let byTopic: Map<string, unknown>;

beforeAll(async () => {
  temp = await openTempStore();
  await seedStore(temp.store);
  const messages = buildStateMessages(await readSnapshot(temp.store, NOW));
  byTopic = new Map(messages.map((m) => [m.topic, m.payload]));
});
afterAll(() => temp.cleanup());

const energy = (
  value: number | null,
  date: string,
  quality: string,
  start: string,
  days: [number, number, number],
) => ({
  value,
  unit: 'kWh',
  date,
  quality,
  start,
  wh: value === null ? null : Math.round(value * 1000),
  days_from_daily: days[0],
  days_from_curve: days[1],
  days_missing: days[2],
});

describe('state documents after a sync of known data (Paris calendar, clock 2026-11-27 08:00)', () => {
  test('publishes exactly the expected topics, in order', () => {
    expect([...byTopic.keys()]).toEqual([
      ...[
        'consumption/yesterday',
        'consumption/week',
        'consumption/month',
        'consumption/year',
        'consumption/last_hour',
      ].map((t) => `${PDL_A}/${t}`),
      ...['production/yesterday', 'production/week', 'production/month', 'production/year'].map((t) => `${PDL_A}/${t}`),
      ...['max_power', 'max_power_ratio', 'contract', 'address', 'sync'].map((t) => `${PDL_A}/${t}`),
      ...[
        'consumption/yesterday',
        'consumption/week',
        'consumption/month',
        'consumption/year',
        'consumption/last_hour',
      ].map((t) => `${PDL_B}/${t}`),
      ...['max_power', 'max_power_ratio', 'contract', 'address', 'sync'].map((t) => `${PDL_B}/${t}`),
      'tempo/today',
      'tempo/tomorrow',
      'tempo/remaining/blue',
      'tempo/remaining/white',
      'tempo/remaining/red',
      'tempo/period',
      'tempo/price',
      'ecowatt/j0',
      'ecowatt/j1',
      'ecowatt/j2',
      'ecowatt/j3',
    ]);
  });

  test('consumption periods: daily values, the curve for 25 Nov, 20 Nov missing', () => {
    expect(byTopic.get(`${PDL_A}/consumption/yesterday`)).toEqual(
      energy(10, '2026-11-26', 'complete', '2026-11-26', [1, 0, 0]),
    );
    expect(byTopic.get(`${PDL_A}/consumption/week`)).toEqual(
      energy(42, '2026-11-26', 'complete', '2026-11-23', [3, 1, 0]),
    );
    expect(byTopic.get(`${PDL_A}/consumption/month`)).toEqual(
      energy(252, '2026-11-26', 'partial', '2026-11-01', [24, 1, 1]),
    );
    expect(byTopic.get(`${PDL_A}/consumption/year`)).toEqual(
      energy(3292, '2026-11-26', 'partial', '2026-01-01', [328, 1, 1]),
    );
  });

  test('production periods where the PDL produces', () => {
    expect(byTopic.get(`${PDL_A}/production/yesterday`)).toEqual(
      energy(2, '2026-11-26', 'complete', '2026-11-26', [1, 0, 0]),
    );
    expect(byTopic.get(`${PDL_A}/production/month`)).toEqual(
      energy(52, '2026-11-26', 'complete', '2026-11-01', [26, 0, 0]),
    );
    expect(byTopic.get(`${PDL_A}/production/year`)).toEqual(
      energy(52, '2026-11-26', 'partial', '2026-01-01', [26, 0, 304]),
    );
  });

  test('latest hour of the load curve, max power and its ratio', () => {
    expect(byTopic.get(`${PDL_A}/consumption/last_hour`)).toEqual({
      value: 500,
      unit: 'Wh',
      date: '2026-11-25',
      quality: 'complete',
      start: '2026-11-25T23:00:00+01:00',
      end: '2026-11-26T00:00:00+01:00',
    });
    expect(byTopic.get(`${PDL_A}/max_power`)).toEqual({
      value: 6120,
      unit: 'VA',
      date: '2026-11-26',
      quality: 'complete',
      time: '2026-11-26T19:02:00+01:00',
    });
    expect(byTopic.get(`${PDL_A}/max_power_ratio`)).toEqual({
      value: 68,
      unit: '%',
      date: '2026-11-26',
      quality: 'complete',
      max_power_va: 6120,
      subscribed_power_kva: 9,
    });
  });

  test('contract, address and sync', () => {
    expect(byTopic.get(`${PDL_A}/contract`)).toEqual({
      value: 9,
      unit: 'kVA',
      date: '2026-11-27',
      quality: 'complete',
      subscribed_power_kva: 9,
      offpeak_hours: '22:00-06:00',
      tariff_option: 'HC_HP',
      contract_status: 'SERVC',
      segment: 'C5',
      distribution_tariff: 'BTINFCU4',
      meter_type: 'AMM',
      last_activation_date: '2019-05-04',
    });
    expect(byTopic.get(`${PDL_A}/address`)).toEqual({
      value: '1 rue de la Paix, 75002 Paris',
      unit: null,
      date: '2026-11-27',
      quality: 'complete',
      street: '1 rue de la Paix',
      postal_code: '75002',
      city: 'Paris',
      country: 'France',
      latitude: 48.8686,
      longitude: 2.3314,
    });
    expect(byTopic.get(`${PDL_A}/sync`)).toEqual({
      value: '2026-11-27T07:30:00+01:00',
      unit: null,
      date: '2026-11-27',
      quality: 'complete',
      status: 'ok',
      error: null,
    });
  });

  test('a PDL without data publishes nulls with quality "missing", and its sync error', () => {
    expect(byTopic.get(`${PDL_B}/consumption/yesterday`)).toEqual(
      energy(null, '2026-11-26', 'missing', '2026-11-26', [0, 0, 1]),
    );
    expect(byTopic.get(`${PDL_B}/max_power`)).toEqual({
      value: null,
      unit: 'VA',
      date: null,
      quality: 'missing',
      time: null,
    });
    expect(byTopic.get(`${PDL_B}/sync`)).toEqual({
      value: null,
      unit: null,
      date: null,
      quality: 'missing',
      status: 'error',
      error: 'quota reached',
    });
  });

  test('Tempo today, tomorrow and days left in the 2026-2027 season', () => {
    expect(byTopic.get('tempo/today')).toEqual({
      value: 'WHITE',
      unit: null,
      date: '2026-11-27',
      quality: 'complete',
      published: true,
      starts_at: '2026-11-27T06:00:00+01:00',
      ends_at: '2026-11-28T06:00:00+01:00',
    });
    expect(byTopic.get('tempo/tomorrow')).toEqual({
      value: 'RED',
      unit: null,
      date: '2026-11-28',
      quality: 'complete',
      published: true,
      starts_at: '2026-11-28T06:00:00+01:00',
      ends_at: '2026-11-29T06:00:00+01:00',
    });
    const season = { season_start: '2026-09-01', season_end: '2027-08-31' };
    // Held: 1 Sep → 28 Nov (89 days, tomorrow's red included): 85 blue, 2 white, 2 red.
    const remaining = (quota: number, used: number) => ({
      value: quota - used,
      unit: 'd',
      date: '2026-11-27',
      quality: 'complete',
      quota,
      used,
      days_unknown: 0,
      ...season,
    });
    expect(byTopic.get('tempo/remaining/blue')).toEqual(remaining(300, 85));
    expect(byTopic.get('tempo/remaining/white')).toEqual(remaining(43, 2));
    expect(byTopic.get('tempo/remaining/red')).toEqual(remaining(22, 2));
    expect(byTopic.get('tempo/period')).toEqual({
      value: 'HP',
      unit: null,
      date: '2026-11-27',
      quality: 'complete',
      color: 'WHITE',
      ends_at: '2026-11-27T22:00:00+01:00',
      offpeak_hours: '22:00-06:00',
    });
    // No price configured here: the price in force is unknown (the colour alone does not price it).
    expect(byTopic.get('tempo/price')).toEqual({
      value: null,
      unit: 'EUR/kWh',
      date: '2026-11-27',
      quality: 'missing',
      color: 'WHITE',
      period: 'HP',
      tariff_period: null,
      ends_at: '2026-11-27T22:00:00+01:00',
    });
  });

  test('EcoWatt today and the next days', () => {
    expect(byTopic.get('ecowatt/j0')).toEqual({
      value: 1,
      unit: null,
      date: '2026-11-27',
      quality: 'complete',
      message: 'Pas d’alerte',
      hourly: Array(24).fill(1),
      current_hour_level: 1,
    });
    expect((byTopic.get('ecowatt/j1') as { value: number }).value).toBe(2);
    expect(byTopic.get('ecowatt/j2')).toEqual({
      value: null,
      unit: null,
      date: '2026-11-29',
      quality: 'missing',
      message: null,
      hourly: null,
    });
  });
});
