/**
 * The engine against an independent computation: two years of simulated half-hourly readings priced by
 * a plain loop written here (Paris wall clock from Intl, its own period and price rules), for each
 * tariff kind, per period, to the Wh and the micro-euro.
 */
import { buildHourlyEnergyCost, HOUR_MS } from '../../src/domain/hourly.js';
import { consumptionTariff, type Prices, type TariffContext } from '../../src/domain/tariff.js';
import type { CurveReading, TempoColor } from '../../src/domain/types.js';

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function wallClock(ms: number): { date: string; minute: number } {
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.UTC(2024, 8, 30, 22); // 2024-10-01 00:00 Paris
const HALF_HOURS = 2 * 365 * 48 + 48; // two years, both DST changes twice

function simulatedCurve(seed: number): CurveReading[] {
  const next = random(seed);
  const out: CurveReading[] = [];
  for (let i = 0; i < HALF_HOURS; i++) {
    if (next() < 0.002) continue; // a missing reading now and then
    out.push({ start: START + i * (HOUR_MS / 2), minutes: 30, w: Math.floor(next() * 6000) });
  }
  return out;
}

function tempoColours(seed: number): Record<string, TempoColor> {
  const next = random(seed);
  const out: Record<string, TempoColor> = {};
  for (let t = START - 86_400_000; t < START + HALF_HOURS * 1_800_000 + 86_400_000; t += 86_400_000) {
    const r = next();
    out[wallClock(t + 12 * HOUR_MS).date] = r < 0.06 ? 'RED' : r < 0.18 ? 'WHITE' : 'BLUE';
  }
  return out;
}

interface Rule {
  prices: Prices;
  context: TariffContext;
  /** The period and the price of a reading starting at a Paris wall-clock time, by the test's own rules. */
  price(date: string, minute: number): [string, number];
}

const offpeak = (minute: number, from: number, to: number) =>
  from < to ? minute >= from && minute < to : minute >= from || minute < to;

const RULES: Record<string, Rule> = {
  base: {
    prices: {
      tariff: 'base',
      baseKwh: 0.2,
      dated: [
        { from: '2025-02-01', baseKwh: 0.2016 },
        { from: '2025-08-01', baseKwh: 0.1952 },
      ],
    },
    context: {},
    price: (date) => ['base', date >= '2025-08-01' ? 0.1952 : date >= '2025-02-01' ? 0.2016 : 0.2],
  },
  hc_hp: {
    prices: { hcKwh: 0.16, hpKwh: 0.21, dated: [{ from: '2025-02-01', hcKwh: 0.1696, hpKwh: 0.2146 }] },
    context: {
      schedules: [
        { from: null, ranges: [{ start: '22:30', end: '06:30' }] },
        {
          from: '2025-06-15',
          ranges: [
            { start: '02:00', end: '07:00' },
            { start: '14:00', end: '17:00' },
          ],
        },
      ],
    },
    price(date, minute) {
      const hc =
        date >= '2025-06-15' ? offpeak(minute, 120, 420) || offpeak(minute, 840, 1020) : offpeak(minute, 1350, 390);
      const newer = date >= '2025-02-01';
      return hc ? ['hc', newer ? 0.1696 : 0.16] : ['hp', newer ? 0.2146 : 0.21];
    },
  },
};

const TEMPO_COLOURS = tempoColours(7);
const TEMPO_PRICES = {
  blue_hc: 0.1288,
  blue_hp: 0.1552,
  white_hc: 0.1447,
  white_hp: 0.1792,
  red_hc: 0.1518,
  red_hp: 0.6586,
};
RULES.tempo = {
  prices: { tariff: 'tempo', tempo: TEMPO_PRICES, dated: [{ from: '2025-02-01', tempo: { red_hp: 0.7562 } }] },
  context: { tempo: TEMPO_COLOURS },
  price(date, minute) {
    // Tempo's off-peak hours are the contract's (here 22:30–06:30); the colour changes at 06:00.
    const colour = TEMPO_COLOURS[minute < 360 ? previousDay(date) : date]!.toLowerCase();
    const period = `${colour}_${offpeak(minute, 1350, 390) ? 'hc' : 'hp'}` as keyof typeof TEMPO_PRICES;
    const price = period === 'red_hp' && date >= '2025-02-01' ? 0.7562 : TEMPO_PRICES[period];
    return [period, price];
  },
};

const POINT = { pricingOption: 'HC_HP' as const, offpeakHours: [{ start: '22:30', end: '06:30' }] };

describe.each(Object.keys(RULES))('%s over two years', (kind) => {
  it('agrees with a plain per-half-hour loop, per period, to the Wh and the micro-euro', () => {
    const rule = RULES[kind]!;
    const curve = simulatedCurve(kind.length);
    const tariff = consumptionTariff(rule.prices, POINT, rule.context)!;
    expect(tariff.kind).toBe(kind);

    const expected = new Map<string, { wm: number; micro: number }>();
    for (const r of curve) {
      const { date, minute } = wallClock(r.start);
      const [period, price] = rule.price(date, minute);
      const bucket = expected.get(period) ?? { wm: 0, micro: 0 };
      const wm = r.w * r.minutes;
      bucket.wm += wm;
      bucket.micro += Math.round(((wm * price) / 60_000) * 1e6);
      expected.set(period, bucket);
    }

    const got = new Map<string, { wm: number; micro: number }>();
    let totalWm = 0;
    let totalMicro = 0;
    for (const h of buildHourlyEnergyCost({ curve, daily: [] }, tariff)) {
      totalWm += h.wattMinutes;
      totalMicro += h.microEur;
      for (const p of h.periods) {
        const bucket = got.get(p.period) ?? { wm: 0, micro: 0 };
        bucket.wm += p.wattMinutes;
        bucket.micro += p.microEur;
        got.set(p.period, bucket);
      }
    }
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
    expect(totalWm).toBe(curve.reduce((n, r) => n + r.w * r.minutes, 0));
    expect(totalMicro).toBe([...expected.values()].reduce((n, b) => n + b.micro, 0));
    expect(expected.size).toBe(tariff.periods.length);
  });
});
