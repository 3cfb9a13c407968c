import { addDays, addYears } from '../../src/domain/time.js';
import { ENDPOINT_RULES, reachableRange } from '../../src/gateway/plan-requests.js';
import {
  accountStreams,
  isDayStream,
  STREAM_LIST,
  STREAMS,
  type StreamName,
  storeKey,
  streamSpec,
} from '../../src/streams/index.js';

const TODAYS = ['2026-11-27', '2026-03-29', '2028-02-29', '2027-01-01'];

describe('the stream table', () => {
  it('names every stream once, under the key it is filed under', () => {
    const names = STREAM_LIST.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [key, spec] of Object.entries(STREAMS)) expect(spec.name).toBe(key);
    expect(names).toEqual([
      'contract',
      'address',
      'consumption_daily',
      'consumption_curve',
      'max_power',
      'production_daily',
      'production_curve',
      'tempo',
      'ecowatt',
    ]);
  });

  it('says what each stream is, who has it and which energy it measures', () => {
    const rows = STREAM_LIST.map((s) => [s.name, s.unit, s.kind, s.owner, s.energy]);
    expect(rows).toEqual([
      ['contract', 'snapshot', 'contract', 'consumption', null],
      ['address', 'snapshot', 'address', 'every-pdl', null],
      ['consumption_daily', 'day', 'daily-energy', 'consumption', 'consumption'],
      ['consumption_curve', 'day', 'curve', 'consumption', 'consumption'],
      ['max_power', 'day', 'max-power', 'consumption', null],
      ['production_daily', 'day', 'daily-energy', 'production', 'production'],
      ['production_curve', 'day', 'curve', 'production', 'production'],
      ['tempo', 'day', 'tempo', 'account', null],
      ['ecowatt', 'snapshot', 'ecowatt', 'account', null],
    ]);
    expect(accountStreams().map((s) => s.name)).toEqual(['tempo', 'ecowatt']);
  });

  it('fetches metered streams through their gateway route, load curves by batch', () => {
    const endpoints = STREAM_LIST.filter(isDayStream).map((s) => [s.name, s.horizon.endpoint]);
    expect(endpoints).toEqual([
      ['consumption_daily', 'consumptionDaily'],
      ['consumption_curve', 'consumptionCurveBatch'],
      ['max_power', 'maxPower'],
      ['production_daily', 'productionDaily'],
      ['production_curve', 'productionCurveBatch'],
      ['tempo', null],
    ]);
  });

  it.each(TODAYS)('on %s each metered horizon is exactly what its route reaches, in its batch size', (today) => {
    for (const spec of STREAM_LIST.filter(isDayStream)) {
      const { endpoint } = spec.horizon;
      if (endpoint === null) continue;
      expect([spec.name, spec.horizon.reachable(today)]).toEqual([spec.name, reachableRange(endpoint, today)]);
      expect([spec.name, spec.horizon.maxSpanDays]).toEqual([spec.name, ENDPOINT_RULES[endpoint].maxDays]);
      expect(spec.horizon.recheckRecent).toBe(true);
    }
  });

  it.each(TODAYS)('on %s Tempo reaches three seasons back through tomorrow, in one call', (today) => {
    const { horizon } = streamSpec('tempo');
    expect(horizon.reachable(today)).toEqual({ start: addYears(today, -3), end: addDays(today, 2) });
    expect(horizon.maxSpanDays).toBe(3650);
    expect(horizon.recheckRecent).toBe(false);
  });

  it('derives consumption daily J-1 from the consumption curve, and nothing else', () => {
    const derivations = STREAM_LIST.filter(isDayStream).map((s) => [s.name, s.derives?.stream ?? null]);
    expect(derivations.filter(([, d]) => d !== null)).toEqual([['consumption_curve', 'consumption_daily']]);
  });

  it('serves the metered day streams on the API, with their range limits', () => {
    const routes = STREAM_LIST.filter(isDayStream).map((s) => [s.name, s.api?.path ?? null, s.api?.limits ?? null]);
    const daily = { defaultDays: 30, maxDays: Number.POSITIVE_INFINITY };
    const curve = { defaultDays: 7, maxDays: Number.POSITIVE_INFINITY };
    expect(routes).toEqual([
      ['consumption_daily', 'consumption/daily', daily],
      ['consumption_curve', 'consumption/curve', curve],
      ['max_power', 'max-power', daily],
      ['production_daily', 'production/daily', daily],
      ['production_curve', 'production/curve', curve],
      ['tempo', null, null],
    ]);
  });

  it('keeps account-wide streams under the global key', () => {
    const global = new Set<StreamName>(['tempo', 'ecowatt']);
    for (const s of STREAM_LIST) {
      expect([s.name, storeKey(s, '12345678901234')]).toEqual([s.name, global.has(s.name) ? '*' : '12345678901234']);
    }
  });
});
