/** The deep check's pure repair plan: only the hours whose sum no longer fits the store's running total. */
import { planRepairs } from '../../../src/exporters/home-assistant/plan-repairs.js';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
// Watt-minutes: 60 000 = 1 kWh.
const local = [60_000, 30_000, 0, 90_000, 60_000, 120_000].map((value, i) => ({ hourStart: T0 + i * H, value }));
const scale = 60_000;
const running = [1, 1.5, 1.5, 3, 4, 6];

function haWith(offset: number, edit: (m: Map<number, number | null>) => void = () => {}) {
  const m = new Map<number, number | null>(running.map((s, i) => [T0 + i * H, s + offset]));
  edit(m);
  return m;
}

it('plans nothing when every sum fits (whatever base the first import started from)', () => {
  expect(planRepairs({ local, ha: haWith(0), scale, tolerance: 1e-6 })).toEqual([]);
  expect(planRepairs({ local, ha: haWith(123.25), scale, tolerance: 1e-6 })).toEqual([]);
});

it('re-imports one altered row alone, chained from the expected sum before it', () => {
  const ha = haWith(10, (m) => m.set(T0 + 2 * H, 99));
  expect(planRepairs({ local, ha, scale, tolerance: 1e-6 })).toEqual([{ values: [local[2]], base: 11.5 }]);
});

it('re-imports a shifted stretch and a missing row as two stretches, the first hour included', () => {
  const ha = haWith(0, (m) => {
    m.set(T0, 0.5);
    m.set(T0 + H, 1);
    m.delete(T0 + 4 * H);
  });
  expect(planRepairs({ local, ha, scale, tolerance: 1e-6 })).toEqual([
    { values: [local[0], local[1]], base: 0 },
    { values: [local[4]], base: 3 },
  ]);
});

it('leaves a statistic without its last row to the incremental run', () => {
  const ha = haWith(0, (m) => m.delete(T0 + 5 * H));
  expect(planRepairs({ local, ha, scale, tolerance: 1e-6 })).toBeNull();
  expect(planRepairs({ local: [], ha, scale, tolerance: 1e-6 })).toEqual([]);
});
