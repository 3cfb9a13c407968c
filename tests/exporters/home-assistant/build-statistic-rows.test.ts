import { HOUR_MS } from '../../../src/domain/hourly.js';
import { parisMidnightUtc } from '../../../src/domain/time.js';
import {
  buildStatisticRows,
  EXTERNAL_ID_RE,
  STATISTIC_KINDS,
  statisticId,
  statisticMetadata,
  statisticRowChunks,
  usesMeanType,
} from '../../../src/exporters/home-assistant/build-statistic-rows.js';

const PDL = '12345678901234';

describe('statistic ids and metadata', () => {
  it('builds ids that match Home Assistant external id rule', () => {
    for (const kind of STATISTIC_KINDS) {
      expect(statisticId(PDL, kind)).toBe(`myelectricaldata:${PDL}_${kind}`);
      expect(EXTERNAL_ID_RE.test(statisticId(PDL, kind))).toBe(true);
    }
    expect(EXTERNAL_ID_RE.test('myelectricaldata:bad-id')).toBe(false);
    expect(() => statisticId('bad__pdl', 'consumption')).toThrow(RangeError);
  });

  it('sends mean_type and unit_class from 2025.11 on, has_mean before', () => {
    expect(usesMeanType('2025.10.4')).toBe(false);
    expect(usesMeanType('2025.11.0')).toBe(true);
    expect(usesMeanType('2026.1.0b2')).toBe(true);
    expect(statisticMetadata(PDL, 'consumption', '2026.11.0')).toEqual({
      source: 'myelectricaldata',
      statistic_id: `myelectricaldata:${PDL}_consumption`,
      name: `Linky ${PDL} consumption`,
      unit_of_measurement: 'kWh',
      has_sum: true,
      mean_type: 0,
      unit_class: 'energy',
    });
    expect(statisticMetadata(PDL, 'consumption_cost', '2026.11.0')).toMatchObject({
      unit_of_measurement: 'EUR',
      unit_class: null,
      name: `Linky ${PDL} consumption cost`,
    });
    expect(statisticMetadata(PDL, 'consumption', '2026.11.0', 'Maison').name).toBe('Maison consumption');
    expect(statisticMetadata(PDL, 'production', '2026.11.0', '  ').name).toBe(`Linky ${PDL} production`);
    const legacy = statisticMetadata(PDL, 'production', '2025.6.0');
    expect(legacy).toMatchObject({ has_mean: false, unit_of_measurement: 'kWh' });
    expect(legacy).not.toHaveProperty('unit_class');
    expect(legacy).not.toHaveProperty('mean_type');
  });
});

describe('buildStatisticRows', () => {
  const t0 = parisMidnightUtc('2026-03-29');

  it('chains the running sum from the base, exact to the watt-minute', () => {
    const values = Array.from({ length: 23 }, (_, i) => ({ hourStart: t0 + i * HOUR_MS, value: 12_345 + i * 7 }));
    const rows = buildStatisticRows(values, 'consumption', 1000.5);
    expect(rows).toHaveLength(23);
    expect(rows[0]).toEqual({
      start: '2026-03-29T00:00:00+01:00',
      state: 12_345 / 60_000,
      sum: 1000.5 + 12_345 / 60_000,
    });
    expect(rows[2]!.start).toBe('2026-03-29T03:00:00+02:00');
    const totalWm = values.reduce((s, v) => s + v.value, 0);
    expect(rows.at(-1)!.sum).toBeCloseTo(1000.5 + totalWm / 60_000, 9);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.sum - rows[i - 1]!.sum).toBeCloseTo(rows[i]!.state, 9);
  });

  it('scales money in micro-euros', () => {
    const rows = buildStatisticRows([{ hourStart: t0, value: 1_234_567 }], 'consumption_cost', 0);
    expect(rows).toEqual([{ start: '2026-03-29T00:00:00+01:00', state: 1.234567, sum: 1.234567 }]);
  });
});

describe('statisticRowChunks', () => {
  const t0 = parisMidnightUtc('2026-10-25');
  // Values whose running total in euros is not exact in binary: a chained base per chunk would drift.
  const values = Array.from({ length: 50 }, (_, i) => ({ hourStart: t0 + i * HOUR_MS, value: 333_333 + i * 1_001 }));

  it.each([1, 7, 24, 50, 500])('gives, %i hours at a time, exactly the rows built at once, and their sums', (chunk) => {
    const sums = new Float64Array(values.length);
    const chunks = [...statisticRowChunks(values, 'consumption_cost', 12.345678, chunk, sums)];
    const whole = buildStatisticRows(values, 'consumption_cost', 12.345678);
    expect(chunks.flat()).toEqual(whole);
    expect(chunks.map((c) => c.length)).toEqual(
      Array.from({ length: Math.ceil(50 / chunk) }, (_, i) => Math.min(chunk, 50 - i * chunk)),
    );
    expect([...sums]).toEqual(whole.map((r) => r.sum));
  });

  it('builds a chunk only when the one before was taken', () => {
    const sums = new Float64Array(values.length);
    const chunks = statisticRowChunks(values, 'consumption', 0, 20, sums);
    chunks.next();
    expect(sums[19]).toBeGreaterThan(0);
    expect(sums[20]).toBe(0);
  });
});
