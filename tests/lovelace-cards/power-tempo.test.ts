import { parsePowerConfig } from '../../lovelace-cards/power/config.js';
import { dailyMax, overThreshold } from '../../lovelace-cards/power/daily-max.js';
import { parseStatusConfig } from '../../lovelace-cards/status/config.js';
import { parseTempoConfig } from '../../lovelace-cards/tempo/config.js';
import { colourOfState, tempoPeriodAt } from '../../lovelace-cards/tempo/tempo-day.js';

const PARIS = 'Europe/Paris';

describe('Tempo card', () => {
  it('tells peak from off-peak hours in Paris time, ranges crossing midnight included', () => {
    const at = (iso: string) => tempoPeriodAt(Date.parse(iso), PARIS, ['22:00-06:00']);
    expect(at('2026-01-10T20:59:00Z')).toBe('hp'); // 21:59 Paris
    expect(at('2026-01-10T21:00:00Z')).toBe('hc'); // 22:00
    expect(at('2026-07-10T03:59:00Z')).toBe('hc'); // 05:59 summer time
    expect(at('2026-07-10T04:00:00Z')).toBe('hp'); // 06:00
    expect(tempoPeriodAt(Date.parse('2026-01-10T12:30:00Z'), PARIS, ['12:00-14:00', '23:00-05:00'])).toBe('hc');
  });

  it('reads the sensor states, unknown ones as not published', () => {
    expect(['BLUE', 'WHITE', 'RED', 'unknown', undefined].map(colourOfState)).toEqual([
      'blue',
      'white',
      'red',
      null,
      null,
    ]);
  });

  it('validates the off-peak hours and prices', () => {
    expect(parseTempoConfig({ type: 't' }).offpeak).toEqual(['22:00-06:00']);
    expect(() => parseTempoConfig({ type: 't', offpeak: ['22h-6h'] })).toThrow(
      /offpeak\.0: write off-peak hours as "22:00-06:00"/,
    );
    expect(() => parseTempoConfig({ type: 't', prices: { blue_hp: 'cheap' } })).toThrow(/prices\.blue_hp/);
  });
});

describe('power card', () => {
  it('keeps the highest value per measured day, from the date attribute', () => {
    const days = dailyMax(
      [
        { s: '4200', a: { date: '2026-03-01' }, lu: 1 },
        { s: '5100', a: { date: '2026-03-01' }, lu: 2 },
        { s: 'unavailable', a: {}, lu: 3 },
        { s: '3900', a: {}, lu: Date.parse('2026-03-02T23:30:00Z') / 1000 },
      ],
      PARIS,
    );
    expect(days).toEqual([
      { date: '2026-03-01', va: 5100 },
      { date: '2026-03-03', va: 3900 },
    ]);
    expect(overThreshold(days, 6, 80)).toEqual({ limitVa: 4800, over: ['2026-03-01'] });
  });

  it('validates its config', () => {
    expect(parsePowerConfig({ type: 'p', pdl: '12345678901234' })).toMatchObject({ days: 30, threshold: 90 });
    expect(() => parsePowerConfig({ type: 'p', pdl: '12345678901234', threshold: 500 })).toThrow(/threshold/);
    expect(() => parseStatusConfig({ type: 's', pdl: '12345678901234', api_url: 'ftp://x' })).toThrow(
      /api_url must look like/,
    );
  });
});
