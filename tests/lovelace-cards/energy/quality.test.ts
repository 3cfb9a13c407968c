import { parseEnergyConfig } from '../../../lovelace-cards/energy/config.js';
import {
  barQualities,
  dayCounts,
  dayQualities,
  fetchQualities,
  qualityRange,
} from '../../../lovelace-cards/energy/quality.js';
import { energyView } from '../../../lovelace-cards/energy/view-model.js';
import { windowBetween, windowEndingAt } from '../../../lovelace-cards/shared/periods.js';

const PARIS = 'Europe/Paris';
const PDL = '12345678901234';
const at = (iso: string) => Date.parse(iso);
const bucket = (start: string, q: { daily: number; curve: number; missing: number }) => ({
  start,
  end: start,
  wh: 0,
  quality: q,
});
const D = { daily: 1, curve: 0, missing: 0 };
const C = { daily: 0, curve: 1, missing: 0 };
const M = { daily: 0, curve: 0, missing: 1 };

describe('day quality from the local API', () => {
  it('reads one quality per day of the aggregate answer and refuses another shape', () => {
    const q = dayQualities({ buckets: [bucket('2026-03-01', D), bucket('2026-03-02', C), bucket('2026-03-03', M)] });
    expect([...q]).toEqual([
      ['2026-03-01', 'daily'],
      ['2026-03-02', 'curve'],
      ['2026-03-03', 'missing'],
    ]);
    expect(() => dayQualities({ error: 'nope' })).toThrow(/without buckets/);
  });

  it('asks for the Paris days of the window, never today or later', () => {
    const w = windowEndingAt(at('2026-03-14T12:00:00Z'), 'day', 3, PARIS);
    expect(qualityRange(w, at('2026-03-15T10:00:00Z'))).toEqual({ start: '2026-03-12', end: '2026-03-15' });
    const month = windowEndingAt(at('2026-03-14T12:00:00Z'), 'month', 1, PARIS);
    expect(qualityRange(month, at('2026-03-15T10:00:00Z'))).toEqual({ start: '2026-03-01', end: '2026-03-15' });
    const future = windowEndingAt(at('2026-03-20T12:00:00Z'), 'day', 2, PARIS);
    expect(qualityRange(future, at('2026-03-15T10:00:00Z'))).toBeNull();
  });

  it('counts the derived and missing PDL-days of each bar (days, weeks, hours of a DST day)', () => {
    const a = new Map([
      ['2026-03-02', 'curve'],
      ['2026-03-09', 'missing'],
      ['2026-03-10', 'curve'],
    ] as const);
    const b = new Map([['2026-03-10', 'missing']] as const);
    const days = windowBetween(at('2026-03-08T23:00:00Z'), at('2026-03-11T23:00:00Z'), 'day', PARIS);
    expect(barQualities(days, [a, b])).toEqual([
      { derived: 0, missing: 1 },
      { derived: 1, missing: 1 },
      { derived: 0, missing: 0 },
    ]);
    const weeks = windowBetween(at('2026-03-01T23:00:00Z'), at('2026-03-15T23:00:00Z'), 'week', PARIS);
    expect(barQualities(weeks, [a, b])).toEqual([
      { derived: 1, missing: 0 },
      { derived: 1, missing: 2 },
    ]);
    expect(dayCounts([a, b])).toEqual({ derived: 2, missing: 2 });
    // 29 March 2026 has 23 hours in Paris: each of them carries the day's quality, the next day's do not.
    const hours = windowBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T23:00:00Z'), 'hour', PARIS);
    const q = barQualities(hours, [new Map([['2026-03-29', 'curve']] as const)]);
    expect(q).toHaveLength(24);
    expect(q.filter((x) => x.derived === 1)).toHaveLength(23);
    expect(q.at(-1)).toEqual({ derived: 0, missing: 0 });
  });

  it('reads each PDL once per window from the local API, and answers null when it is not reachable', async () => {
    const w = windowEndingAt(at('2026-02-14T12:00:00Z'), 'day', 2, PARIS);
    const urls: string[] = [];
    const ok = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ buckets: [bucket('2026-02-13', C), bucket('2026-02-14', D)] }));
    }) as typeof fetch;
    const now = at('2026-02-20T10:00:00Z');
    const got = await fetchQualities('http://api.test:8099/', [PDL], 'consumption', w, now, ok);
    expect(got?.map((m) => [...m])).toEqual([
      [
        ['2026-02-13', 'curve'],
        ['2026-02-14', 'daily'],
      ],
    ]);
    await fetchQualities('http://api.test:8099/', [PDL], 'consumption', w, now, ok);
    expect(urls).toEqual([
      `http://api.test:8099/api/pdls/${PDL}/consumption/aggregate?period=day&start=2026-02-13&end=2026-02-15`,
    ]);
    const refused = (async () => new Response('{}', { status: 401 })) as unknown as typeof fetch;
    expect(await fetchQualities('http://other.test', [PDL], 'consumption', w, now, refused)).toBeNull();
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchQualities('http://offline.test', [PDL], 'consumption', w, now, offline)).toBeNull();
    // An API that never answers gives up after the timeout instead of holding the chart back.
    const silent = ((_: string, init?: RequestInit) =>
      new Promise((_ok, fail) =>
        init?.signal?.addEventListener('abort', () => fail(init.signal?.reason)),
      )) as typeof fetch;
    expect(await fetchQualities('http://silent.test', [PDL], 'consumption', w, now, silent, 50)).toBeNull();
  });
});

describe('the energy view with quality and production', () => {
  const w = windowEndingAt(at('2026-03-03T12:00:00Z'), 'day', 3, PARIS);
  const row = (iso: string, change: number) => ({ start: at(iso), change });
  const result = {
    [`myelectricaldata:${PDL}_consumption`]: [
      row('2026-03-01T00:00:00+01:00', 10),
      row('2026-03-02T00:00:00+01:00', 0),
    ],
    [`myelectricaldata:${PDL}_production`]: [row('2026-03-01T00:00:00+01:00', 4), row('2026-03-03T00:00:00+01:00', 6)],
  };
  const input = (direction: string, quality: { derived: number; missing: number }[] | null) => ({
    config: parseEnergyConfig({ type: 'x', pdls: [PDL], direction }),
    window: w,
    result,
    compareWindow: null,
    compareResult: null,
    name: () => 'Consumption',
    format: (v: number) => `${v} kWh`,
    bucketLabel: (ms: number) => new Date(ms).toISOString().slice(0, 10),
    quality,
    qualityDays: quality ? { derived: 1, missing: 1 } : null,
    qualityText: (q: { derived: number; missing: number }) =>
      q.derived || q.missing ? ` · ${q.derived}/${q.missing}` : '',
    productionName: 'Production',
  });

  it('marks bars derived or incomplete, in their tooltip too; a bar without rows stays missing', () => {
    const v = energyView(
      input('consumption', [
        { derived: 1, missing: 0 },
        { derived: 0, missing: 1 },
        { derived: 0, missing: 1 },
      ]),
    );
    expect(v.bars.map((b) => b.quality)).toEqual(['derived', 'incomplete', null]);
    expect(v.bars.map((b) => b.total)).toEqual([10, 0, null]);
    expect(v.bars[0]!.title).toBe('2026-02-28: 10 kWh · 1/0');
    expect(v.notes).toEqual([' · 1/0', ' · 0/1', ' · 0/1']);
    expect([v.derivedDays, v.missingDays, v.missing]).toEqual([1, 1, 1]);
    expect(v.production).toBeNull();
  });

  it('both: production beside consumption, its total and no invented self-consumption', () => {
    const v = energyView(input('both', null));
    expect(v.totals).toEqual([10, 0, null]);
    expect(v.production).toEqual([4, null, 6]);
    expect(v.productionTotal).toBe(10);
    expect(v.bars.map((b) => b.side?.value ?? null)).toEqual([4, null, 6]);
    expect(v.legend.map((l) => l.key)).toEqual(['Consumption', 'Production']);
    expect([v.derivedDays, v.missingDays]).toEqual([null, null]);
  });
});
