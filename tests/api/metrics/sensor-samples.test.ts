/** The Tempo and EcoWatt samples of /metrics, from the catalog's readings of a known snapshot. */
import { sensorSamples } from '../../../src/api/metrics/sensor-samples.js';
import { readEntities } from '../../../src/sensors/entities.js';
import { KNOWN_SNAPSHOT } from '../../sensors/known-snapshot.js';

const samples = (s = KNOWN_SNAPSHOT) => sensorSamples(readEntities(s)).filter((m) => !('pdl' in m.labels));

test('Tempo colours, days left, the period in force and EcoWatt levels', () => {
  expect(samples()).toEqual([
    { name: 'myelectricaldata_tempo_color', labels: { day: 'today' }, value: 2 },
    { name: 'myelectricaldata_tempo_color', labels: { day: 'tomorrow' }, value: 3 },
    { name: 'myelectricaldata_tempo_days_left', labels: { color: 'blue' }, value: 215 },
    { name: 'myelectricaldata_tempo_days_left', labels: { color: 'white' }, value: 41 },
    { name: 'myelectricaldata_tempo_days_left', labels: { color: 'red' }, value: 20 },
    { name: 'myelectricaldata_tempo_offpeak', labels: {}, value: 0 },
    { name: 'myelectricaldata_tempo_price_eur_per_kwh', labels: { tariff_period: 'white_hp' }, value: 0.1871 },
    { name: 'myelectricaldata_ecowatt_level', labels: { day: '0' }, value: 1 },
    { name: 'myelectricaldata_ecowatt_level', labels: { day: '1' }, value: 2 },
  ]);
});

test('off-peak is 1 during HC; an unpublished tomorrow is 0', () => {
  const night = { ...KNOWN_SNAPSHOT, tempo: { ...KNOWN_SNAPSHOT.tempo, period: 'HC' as const, tomorrow: null } };
  const byName = samples(night).filter((m) => m.name !== 'myelectricaldata_tempo_days_left');
  expect(byName.find((m) => m.name === 'myelectricaldata_tempo_offpeak')?.value).toBe(1);
  expect(byName.find((m) => m.labels.day === 'tomorrow')?.value).toBe(0);
});

test('no Tempo price sample while the price in force is unknown', () => {
  const unknown = { ...KNOWN_SNAPSHOT, tempo: { ...KNOWN_SNAPSHOT.tempo, today: null, price: null } };
  expect(samples(unknown).map((m) => m.name)).not.toContain('myelectricaldata_tempo_price_eur_per_kwh');
});
