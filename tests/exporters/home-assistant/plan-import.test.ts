import { HOUR_MS } from '../../../src/domain/hourly.js';
import { densify, planImport } from '../../../src/exporters/home-assistant/plan-import.js';

const T0 = Date.UTC(2026, 1, 9);
const local = densify([
  { hourStart: T0, value: 60_000 },
  { hourStart: T0 + 2 * HOUR_MS, value: 120_000 },
]);

describe('planImport', () => {
  it('fills gaps with zero hours', () => {
    expect(local.map((v) => v.value)).toEqual([60_000, 0, 120_000]);
  });

  it('is up to date when HA changes match the local values', () => {
    const ha = new Map([
      [T0, 11],
      [T0 + HOUR_MS, 11],
      [T0 + 2 * HOUR_MS, 13],
      [T0 - HOUR_MS, 10],
    ]);
    expect(planImport({ local, ha, scale: 60_000, verifyFrom: T0, tolerance: 1e-6 })).toEqual({ kind: 'up-to-date' });
  });

  it('re-imports from the first differing hour with the sum before it as base', () => {
    const ha = new Map([
      [T0, 1],
      [T0 + HOUR_MS, 1],
      [T0 + 2 * HOUR_MS, 2.5],
    ]);
    expect(planImport({ local, ha, scale: 60_000, verifyFrom: T0, tolerance: 1e-6 })).toEqual({
      kind: 'import',
      fromHour: T0 + 2 * HOUR_MS,
      base: 1,
    });
  });

  it('imports new hours after the last HA row and asks for a full compare without an anchor row', () => {
    const ha = new Map([[T0, 1]]);
    expect(planImport({ local, ha, scale: 60_000, verifyFrom: T0, tolerance: 1e-6 })).toEqual({
      kind: 'import',
      fromHour: T0 + HOUR_MS,
      base: 1,
    });
    expect(planImport({ local, ha: new Map(), scale: 60_000, verifyFrom: T0 + HOUR_MS, tolerance: 1e-6 })).toEqual({
      kind: 'compare-all',
    });
  });
});
