/**
 * Energy models of the simulated meters: integer Wh per interval, so that W = Wh × 60 / minutes is an integer
 * and a day's total is exactly the sum of its curve. Pure functions of (seed, PRM, day, interval).
 */
import { dayNumber } from '../../domain/time.js';
import { type DayFrame, intervalStartUtc, localHour } from './day-frame.js';
import { hash32, hashString, mulberry32 } from './rng.js';
import type { PdlSpec } from './types.js';

const TWO_PI = 2 * Math.PI;

function dayOfYear(date: string): number {
  return dayNumber(date) - dayNumber(`${date.slice(0, 4)}-01-01`);
}

function bump(h: number, centre: number, width: number): number {
  const x = (h - centre) / width;
  return Math.exp(-x * x);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function inOffpeak(spec: PdlSpec, hour: number): boolean {
  const m = hour * 60;
  return spec.offpeakRanges.some(({ start, end }) => {
    const a = minutesOf(start);
    const b = minutesOf(end);
    return a <= b ? m >= a && m < b : m >= a || m < b;
  });
}

interface DayConstants {
  winter: number;
  season: number;
}

function consumptionWatts(spec: PdlSpec, frame: DayFrame, i: number, day: number, c: DayConstants, rnd: () => number) {
  const h = localHour(frame, i);
  const w = c.winter;
  const heatingShare = spec.profile === 'heating' ? 1 : 0.25;
  const coldSpell = 0.7 + 0.6 * day;
  const heating = heatingShare * 2000 * w ** 1.6 * coldSpell * (0.75 + 0.25 * bump(h, 7, 2) + 0.3 * bump(h, 20, 3));
  const life = 1300 * bump(h, 7.5, 0.9) + 600 * bump(h, 12.7, 0.8) + 1900 * bump(h, 19.8, 1.4) + 300 * bump(h, 16, 3);
  const waterHeater = spec.offpeakRanges.length > 0 && inOffpeak(spec, h) && h >= 22 ? 1800 * (h < 23.5 ? 1 : 0.4) : 0;
  const base = 220 + 80 * rnd();
  const noise = 0.75 + 0.5 * rnd();
  const watts = (base + (heating + life) * noise) * (spec.scale / 1.5) + waterHeater;
  const cap = (spec.subscribedPowerKva ?? 12) * 1000 * 0.92;
  return Math.min(watts, cap);
}

function solarWatts(spec: PdlSpec, frame: DayFrame, i: number, weather: number, c: DayConstants, rnd: () => number) {
  const utcHour = ((intervalStartUtc(frame, i) % 86_400_000) + frame.minutes * 30_000) / 3_600_000;
  const season = c.season;
  const dayLength = 12 + 4 * season;
  const rise = 11.8 - dayLength / 2;
  const x = (utcHour - rise) / dayLength;
  if (x <= 0 || x >= 1) return 0;
  const amplitude = 0.6 + 0.4 * season;
  const clouds = 1 - (1 - weather) * rnd();
  return spec.scale * 1000 * amplitude * weather * clouds * Math.sin(Math.PI * x) ** 1.4;
}

/** Energy of every interval of the day, in integer Wh (full curve, before holes). */
export function generateDayWh(seed: number, spec: PdlSpec, frame: DayFrame): number[] {
  const dayN = dayNumber(frame.date);
  const prm = hashString(spec.usagePointId);
  const dayRnd = mulberry32(hash32(seed, prm, dayN, 1));
  const rnd = mulberry32(hash32(seed, prm, dayN, 2));
  const dayFactor = dayRnd();
  const weather = 0.12 + 0.88 * dayRnd() ** 0.55;
  const doy = dayOfYear(frame.date);
  // winter: 1 in mid-January, 0 in mid-July; season: 1 at the summer solstice, -1 at the winter one.
  const c: DayConstants = {
    winter: (1 + Math.cos((TWO_PI * (doy - 15)) / 365)) / 2,
    season: Math.sin((TWO_PI * (doy - 80)) / 365),
  };
  const solar = spec.profile === 'solar';
  const out = new Array<number>(frame.count);
  for (let i = 0; i < frame.count; i++) {
    const watts = solar
      ? solarWatts(spec, frame, i, weather, c, rnd)
      : consumptionWatts(spec, frame, i, dayFactor, c, rnd);
    out[i] = Math.max(0, Math.round((watts * frame.minutes) / 60));
  }
  return out;
}
