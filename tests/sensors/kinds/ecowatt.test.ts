/** EcoWatt documents: the day level, the 24 hourly levels and, today, the level of the Paris hour in force. */
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { ecowattPayload } from '../../../src/sensors/kinds/ecowatt.js';

const hourly = Array.from({ length: 24 }, (_, h) => (h === 8 || h === 19 ? 2 : h < 6 ? 0 : 1));
const signal = { date: '2026-10-25', level: 2, message: 'Système tendu', hourly };

test.each([
  ['2026-10-25 00:30:00', 'earlier', 0],
  ['2026-10-25 02:30:00', 'later', 0], // the repeated hour of the fall-back day is still hour 2
  ['2026-10-25 08:00:00', 'earlier', 2],
  ['2026-10-25 19:59:00', 'earlier', 2],
  ['2026-10-25 23:00:00', 'earlier', 1],
] as const)('at %s Paris (%s) the current hour level is %i, whatever the process zone', (naive, fold, level) => {
  const payload = ecowattPayload(signal, signal.date, parisNaiveToUtc(naive, fold));
  expect(payload).toEqual({
    value: 2,
    unit: null,
    date: '2026-10-25',
    quality: 'complete',
    message: 'Système tendu',
    hourly,
    current_hour_level: level,
  });
});

test('the next days carry no current hour; an unknown day is missing', () => {
  expect(ecowattPayload(signal, signal.date)).not.toHaveProperty('current_hour_level');
  expect(ecowattPayload(null, '2026-10-26', parisNaiveToUtc('2026-10-26 10:00:00'))).toEqual({
    value: null,
    unit: null,
    date: '2026-10-26',
    quality: 'missing',
    message: null,
    hourly: null,
    current_hour_level: null,
  });
});
