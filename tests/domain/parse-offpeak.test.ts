import { parseOffpeakHours } from '../../src/domain/parse-offpeak.js';

describe('parseOffpeakHours', () => {
  it('reads a list of HH:MM ranges', () => {
    expect(parseOffpeakHours(['22:00-06:00'])).toEqual([{ start: '22:00', end: '06:00' }]);
  });

  it('reads {"ranges": [...]} with several ranges', () => {
    expect(parseOffpeakHours({ ranges: ['22:00-06:00', '12:00-14:00'] })).toEqual([
      { start: '22:00', end: '06:00' },
      { start: '12:00', end: '14:00' },
    ]);
  });

  it('reads the legacy {"default": "HC (22H00-6H00)"}', () => {
    expect(parseOffpeakHours({ default: 'HC (22H00-6H00)' })).toEqual([{ start: '22:00', end: '06:00' }]);
  });

  it('reads a per-weekday dict as the union of its ranges', () => {
    const value = {
      monday: ['22:00-06:00'],
      tuesday: ['22:00-06:00'],
      saturday: ['22:00-06:00', '13:00-16:00'],
    };
    expect(parseOffpeakHours(value)).toEqual([
      { start: '22:00', end: '06:00' },
      { start: '13:00', end: '16:00' },
    ]);
  });

  it('reads Enedis contract strings with H or h, ;-separated, crossing midnight', () => {
    expect(parseOffpeakHours('HC (22H00-6H00;12H00-14H00)')).toEqual([
      { start: '22:00', end: '06:00' },
      { start: '12:00', end: '14:00' },
    ]);
    expect(parseOffpeakHours('HC (23h30-7h30)')).toEqual([{ start: '23:30', end: '07:30' }]);
  });

  it('gives no range for null, empty or unknown shapes', () => {
    expect(parseOffpeakHours(null)).toEqual([]);
    expect(parseOffpeakHours([])).toEqual([]);
    expect(parseOffpeakHours('HP toute la journée')).toEqual([]);
    expect(parseOffpeakHours(42)).toEqual([]);
  });
});
