import { addDays, eachDay } from '../../../src/domain/time.js';
import type { RunningSimulator } from '../../../src/gateway/simulator/index.js';
import { TempoCalendar } from '../../../src/gateway/simulator/tempo-calendar.js';
import { call, start, TODAY } from './helpers.js';

const TOMORROW = addDays(TODAY, 1);

describe('simulated Tempo and EcoWatt', () => {
  let sim: RunningSimulator;
  let clock: Awaited<ReturnType<typeof start>>['clock'];
  beforeEach(async () => {
    ({ sim, clock } = await start());
  });
  afterEach(() => sim.close());

  const days = (path: string) =>
    call(sim, path, { token: null }).then((r) => r.body.data.map((d: { date: string }) => d.date));

  it('has 22 red (Nov–Mar weekdays), 43 white (never Sunday) and the rest blue per season', () => {
    const cal = new TempoCalendar(5, '10:40');
    for (const season of [2019, 2023, 2025]) {
      const all = eachDay({ start: `${season}-09-01`, end: `${season + 1}-09-01` });
      const colors = all.map((d) => cal.color(d));
      expect(colors.filter((c) => c === 'RED')).toHaveLength(22);
      expect(colors.filter((c) => c === 'WHITE')).toHaveLength(43);
      for (const d of all.filter((x) => cal.color(x) === 'RED')) {
        const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
        expect([Number(d.slice(5, 7)) <= 3 || Number(d.slice(5, 7)) >= 11, wd >= 1 && wd <= 5]).toEqual([true, true]);
      }
      expect(all.filter((d) => cal.color(d) === 'WHITE' && new Date(`${d}T12:00:00Z`).getUTCDay() === 0)).toEqual([]);
    }
  });

  it('filters /tempo/days by start_date/end_date inclusively, exclusive start with the quirk', async () => {
    expect(await days('/tempo/days?start_date=2026-11-20&end_date=2026-11-22')).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    expect(await days('/tempo?start=2026-11-20&end=2026-11-21')).toEqual(['2026-11-20', '2026-11-21']);
    const first = (await call(sim, '/tempo?start=2026-11-20&end=2026-11-20', { token: null })).body.data[0];
    expect(Object.keys(first).sort()).toEqual(['color', 'date', 'updated_at']);
    sim.quirks.tempoStartExclusive = true;
    expect(await days('/tempo/days?start_date=2026-11-20&end_date=2026-11-22')).toEqual(['2026-11-21', '2026-11-22']);
  });

  it('returns the whole history when the parameter names are wrong', async () => {
    const all = await days('/tempo/days?start=2026-11-20&end=2026-11-22');
    expect(all[0]).toBe('2016-09-01');
    expect(all.length).toBeGreaterThan(3000);
  });

  it('shows tomorrow only after the publication time (10:40 Paris)', async () => {
    clock.set(Date.parse('2026-11-27T09:39:00Z'));
    expect(await days(`/tempo/days?start_date=${TODAY}`)).toEqual([TODAY]);
    clock.set(Date.parse('2026-11-27T09:40:00Z'));
    expect(await days(`/tempo/days?start_date=${TODAY}`)).toEqual([TODAY, TOMORROW]);
    const entry = (await call(sim, `/tempo/days?start_date=${TOMORROW}`, { token: null })).body.data[0];
    expect(entry.rte_updated_date).toBe('2026-11-27T10:40:00+01:00');
    expect(entry.updated_at).toMatch(/^2026-11-27T09:4\d:\d\d\+00:00$/);
  });

  it('EcoWatt forecast: periode is naive UTC of Paris midnight, today excluded, J+3 after 17:00', async () => {
    const periodes = async () =>
      (await call(sim, '/ecowatt/forecast?days=4')).body.data.map((s: { periode: string }) => s.periode);
    clock.set(Date.parse('2026-11-25T15:59:00Z')); // Wednesday 16:59 Paris
    expect(await periodes()).toEqual(['2026-11-25T23:00:00', '2026-11-26T23:00:00']);
    clock.set(Date.parse('2026-11-25T16:00:00Z'));
    expect(await periodes()).toEqual(['2026-11-25T23:00:00', '2026-11-26T23:00:00', '2026-11-27T23:00:00']);
    clock.set(Date.parse('2026-11-27T11:15:00Z')); // Friday 12:15 Paris: J+3 already out
    expect(await periodes()).toContain('2026-11-29T23:00:00');
    const one = (await call(sim, '/ecowatt/forecast?days=1')).body.data[0];
    expect(one.values).toHaveLength(24);
    expect(one.values.every((v: number) => v >= 0 && v <= 3)).toBe(true);
    expect(one).toMatchObject({ hdebut: 0, hfin: 23, dvalue: Math.max(1, ...one.values) });
    expect((await call(sim, '/ecowatt/forecast?days=9')).status).toBe(422);
    expect((await call(sim, '/ecowatt/forecast', { token: null })).status).toBe(401);
  });

  it('EcoWatt summer periode is 22:00 UTC, current and history are not enveloped', async () => {
    clock.set(Date.parse('2026-07-01T10:00:00Z'));
    const data = (await call(sim, '/ecowatt/forecast?days=2')).body.data;
    expect(data[0].periode).toBe('2026-07-01T22:00:00');
    const current = await call(sim, '/ecowatt/current');
    expect(current.body.periode).toBe('2026-06-30T22:00:00');
    const history = await call(sim, '/ecowatt/history?start_date=2026-06-01&end_date=2026-06-03');
    expect(history.body).toHaveLength(3);
    expect((await call(sim, '/ecowatt/history?start_date=2024-01-01&end_date=2026-06-03')).status).toBe(400);
  });
});
