/**
 * `time.ts` computes Paris times from the runtime's zone rules with its own arithmetic; the Temporal
 * polyfill (a dev dependency kept as the reference) must agree on every instant and wall-clock time
 * tried: samples across 1911–2099, and every half-hour around each DST change in that span.
 */
import { Temporal } from 'temporal-polyfill';
import { parseEnedisDate } from '../../src/domain/parse-enedis-date.js';
import {
  type Fold,
  isAmbiguousParis,
  parisDate,
  parisIso,
  parisNaive,
  parisNaiveToUtc,
  parisOffsetMinutes,
} from '../../src/domain/time.js';

const PARIS = 'Europe/Paris';
const zoned = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(PARIS);
const FROM = Date.UTC(1911, 3, 1);
const TO = Date.UTC(2100, 0, 1);

function transitions(): number[] {
  const out: number[] = [];
  let at: Temporal.ZonedDateTime | null = zoned(FROM);
  for (;;) {
    at = at.getTimeZoneTransition('next');
    if (!at || at.epochMilliseconds >= TO) return out;
    out.push(at.epochMilliseconds);
  }
}

function expected(ms: number) {
  const z = zoned(ms);
  return {
    date: z.toPlainDate().toString(),
    naive: `${z.toPlainDate().toString()} ${z.toPlainTime().toString({ smallestUnit: 'second' })}`,
    iso: z.toString({ timeZoneName: 'never', smallestUnit: 'second' }),
    offset: z.offsetNanoseconds / 60e9,
  };
}

const ours = (ms: number) => ({
  date: parisDate(ms),
  naive: parisNaive(ms),
  iso: parisIso(ms),
  offset: parisOffsetMinutes(ms),
});

function temporalUtc(naive: string, fold: Fold): number {
  return Temporal.PlainDateTime.from(naive.replace(' ', 'T')).toZonedDateTime(PARIS, {
    disambiguation: fold === 'later' ? 'later' : 'compatible',
  }).epochMilliseconds;
}

describe('Paris time against Temporal', () => {
  const changes = transitions();

  it('finds the DST changes of the span (two a year since 1976)', () => {
    expect(changes.length).toBeGreaterThan(2 * (2099 - 1976));
    expect(changes).toContain(Date.UTC(2026, 2, 29, 1));
    expect(changes).toContain(Date.UTC(2026, 9, 25, 1));
  });

  it('gives the same date, wall-clock time, ISO text and offset for instants across 1911–2099', () => {
    const mismatches: string[] = [];
    for (let ms = FROM; ms < TO; ms += 31 * 3_600_000 + 13 * 60_000 + 17_000) {
      const [a, b] = [ours(ms), expected(ms)];
      if (JSON.stringify(a) !== JSON.stringify(b))
        mismatches.push(`${ms}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('agrees every 30 minutes around every change, both ways, both folds', () => {
    const mismatches: string[] = [];
    for (const change of changes) {
      for (let ms = change - 4 * 3_600_000; ms <= change + 4 * 3_600_000; ms += 1_800_000) {
        const [a, b] = [ours(ms), expected(ms)];
        if (JSON.stringify(a) !== JSON.stringify(b))
          mismatches.push(`${ms}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
        for (const fold of ['earlier', 'later'] as const) {
          const naive = b.naive;
          const gapNaive = `${naive.slice(0, 14)}${naive.slice(14, 16) === '00' ? '30' : '00'}:00`;
          for (const label of [naive, gapNaive]) {
            const [x, y] = [parisNaiveToUtc(label, fold), temporalUtc(label, fold)];
            if (x !== y) mismatches.push(`${label} ${fold}: ${x} vs ${y}`);
          }
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('resolves the skipped and repeated hours of 2026 as Temporal does', () => {
    expect(parisNaiveToUtc('2026-03-29 02:30:00')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(parisNaiveToUtc('2026-03-29 02:30:00', 'later')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(parisNaiveToUtc('2026-10-25 02:30:00', 'earlier')).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(parisNaiveToUtc('2026-10-25 02:30:00', 'later')).toBe(Date.UTC(2026, 9, 25, 1, 30));
    expect([isAmbiguousParis('2026-10-25 02:30:00'), isAmbiguousParis('2026-10-25 03:00:00')]).toEqual([true, false]);
    expect(parisIso(Date.UTC(2026, 9, 25, 0, 30))).toBe('2026-10-25T02:30:00+02:00');
    expect(parisIso(Date.UTC(2026, 9, 25, 1, 30))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('refuses what is not a wall-clock time, with the text in the error', () => {
    for (const bad of ['2026-02-30 00:00:00', '2026-01-01 24:00:00', '2026-01-01 10:61:00', '26-01-01 10:00:00']) {
      expect(() => parisNaiveToUtc(bad)).toThrow(new RegExp(bad.slice(0, 10)));
    }
    expect(parisNaiveToUtc('2026-01-01T10:00')).toBe(Date.UTC(2026, 0, 1, 9));
    expect(parisNaiveToUtc('2026-01-01 10:00:00.250')).toBe(Date.UTC(2026, 0, 1, 9, 0, 0, 250));
  });

  it('reads Enedis dates and instants like Temporal did', () => {
    const cases = [
      '2019-03-03T23:30:00Z',
      '2019-03-03T23:30:00.5z',
      '2019-03-04T00:00:00+01:00',
      '2019-03-04T00:30:00+0100',
      '2019-07-01T23:59:59-02:00',
      '2019-07-01 23:59',
      '2019-07-01T10:00:00',
    ];
    for (const text of cases) {
      const t = text.replace(' ', 'T');
      const want = /[zZ]|[+-]\d{2}:?\d{2}$/.test(t)
        ? zoned(Temporal.Instant.from(t).epochMilliseconds).toPlainDate().toString()
        : Temporal.PlainDateTime.from(t).toPlainDate().toString();
      expect([text, parseEnedisDate(text)]).toEqual([text, want]);
    }
    for (const bad of ['2019-02-30T00:00:00Z', '2019-03-04T25:00:00Z', '2019-03-04T10:00:00+1:00']) {
      expect([bad, parseEnedisDate(bad)]).toEqual([bad, null]);
    }
  });
});
