/**
 * The scheduler's jobs against the publication times the planner assumes, in Paris time whatever the
 * process time zone: every Tempo run comes after RTE's 10:30 publication (so it asks for tomorrow), the
 * daily full run before it (so it does not), EcoWatt runs after RTE's publication, across DST changes.
 */
import { Cron } from 'croner';
import { tempoPublishedEnd } from '../../src/domain/tempo-day.js';
import { addDays, PARIS, parisDate, parisNaive, parisNaiveToUtc } from '../../src/domain/time.js';
import { schedulePatterns } from '../../src/sync/scheduler.js';

/** Every run of `pattern` (Paris cron) in [from, to). */
function runs(pattern: string, from: string, to: string): number[] {
  const cron = new Cron(pattern, { timezone: PARIS, paused: true });
  const end = parisNaiveToUtc(to);
  const out: number[] = [];
  for (let t = cron.nextRun(new Date(parisNaiveToUtc(from))); t && t.getTime() < end; t = cron.nextRun(t)) {
    out.push(t.getTime());
  }
  cron.stop();
  return out;
}

// A week around each DST change: the spring-forward (29 March) and fall-back (25 October) Sundays of 2026.
const WEEKS = [
  ['2026-03-26 00:00:00', '2026-04-02 00:00:00'],
  ['2026-10-22 00:00:00', '2026-10-29 00:00:00'],
] as const;

describe.each(WEEKS)('the week from %s (Paris)', (from, to) => {
  test('every Tempo run can find tomorrow published; never before 10:30', () => {
    const tempo = runs(schedulePatterns(() => 0).tempo, from, to);
    expect(tempo).toHaveLength(7 * 5);
    for (const t of tempo)
      expect([parisNaive(t), tempoPublishedEnd(t)]).toEqual([parisNaive(t), addDays(parisDate(t), 2)]);
    expect(parisNaive(tempo[0]!).slice(11)).toBe('11:05:00');
  });

  test.each([0, 0.5, 0.9999])('the daily full run (random %p) asks Tempo only through today', (random) => {
    for (const t of runs(schedulePatterns(() => random).daily, from, to)) {
      expect([parisNaive(t), tempoPublishedEnd(t)]).toEqual([parisNaive(t), addDays(parisDate(t), 1)]);
    }
  });

  test('EcoWatt: 07:20 every day, then after RTE publishes (17:20, Fridays 12:35)', () => {
    const times = schedulePatterns(() => 0)
      .ecowatt.flatMap((p) => runs(p, from, to))
      .sort((a, b) => a - b);
    expect(times).toHaveLength(14);
    for (const t of times) {
      const friday = new Date(parisNaiveToUtc(`${parisDate(t)} 12:00:00`)).getUTCDay() === 5;
      expect(['07:20:00', friday ? '12:35:00' : '17:20:00']).toContain(parisNaive(t).slice(11));
    }
  });
});
