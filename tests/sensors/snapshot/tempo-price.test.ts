/**
 * The Tempo price in force in the snapshot: the colour of the Tempo day in force, HC 22:00–06:00, and the
 * dated prices, all through the tariff engine; it must equal what the engine charges for that instant.
 */
import { consumptionTariff, type Prices } from '../../../src/domain/tariff.js';
import { eachDay, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { TempoColor, TempoDay } from '../../../src/domain/types.js';
import { tempoSnapshot } from '../../../src/sensors/snapshot/tempo-snapshot.js';

const at = (naive: string) => parisNaiveToUtc(naive);

// EDF Tarif Bleu Tempo, 1 August 2025 then 1 February 2026 (EUR/kWh TTC).
const PRICES: Prices = {
  tempo: { blue_hc: 0.1232, blue_hp: 0.1494, white_hc: 0.1391, white_hp: 0.173, red_hc: 0.146, red_hp: 0.6468 },
  dated: [
    {
      from: '2026-02-01',
      tempo: { blue_hc: 0.1325, blue_hp: 0.1612, white_hc: 0.1499, white_hp: 0.1871, red_hc: 0.1575, red_hp: 0.706 },
    },
  ],
};

const COLOURS: Record<string, TempoColor> = {
  '2026-01-30': 'WHITE',
  '2026-01-31': 'RED',
  '2026-02-01': 'BLUE',
  '2026-03-28': 'WHITE',
  '2026-03-29': 'RED',
};
const DAYS: TempoDay[] = Object.entries(COLOURS).map(([date, color]) => ({ date, color }));

const priceAt = (ms: number, prices: Prices = PRICES) => tempoSnapshot(DAYS, ms, prices).price;

describe('the Tempo price in force', () => {
  test.each([
    ['2026-01-30 08:00:00', 'white_hp', 0.173],
    ['2026-01-30 21:59:00', 'white_hp', 0.173],
    ['2026-01-30 22:00:00', 'white_hc', 0.1391],
    ['2026-01-31 05:59:00', 'white_hc', 0.1391], // before 06:00: the previous day's colour
    ['2026-01-31 06:00:00', 'red_hp', 0.6468],
    ['2026-02-01 03:00:00', 'red_hc', 0.1575], // Saturday's red night, priced at the new prices of 1 February
    ['2026-02-01 06:00:00', 'blue_hp', 0.1612],
  ])('%s: %s at %d EUR/kWh', (naive, period, eurKwh) => {
    expect(priceAt(at(naive))).toEqual({ period, eurKwh });
  });

  test('unknown while the colour of the Tempo day in force is not known, or without Tempo prices', () => {
    expect(priceAt(at('2026-02-02 08:00:00'))).toBeNull();
    expect(priceAt(at('2026-02-02 05:00:00'))?.period).toBe('blue_hc'); // still 1 February's Tempo day
    expect(priceAt(at('2026-01-30 08:00:00'), { baseKwh: 0.2 })).toBeNull();
    expect(tempoSnapshot(DAYS, at('2026-01-30 08:00:00')).price).toBeNull();
  });

  test('equals what the engine charges, every 15 minutes over a price change and the spring-forward day', () => {
    const tempo = { ...COLOURS };
    const tariff = consumptionTariff(PRICES, { pricingOption: 'TEMPO', offpeakHours: [] }, { tempo })!;
    let checked = 0;
    for (const range of [
      { start: '2026-01-30', end: '2026-02-02' },
      { start: '2026-03-28', end: '2026-03-30' },
    ]) {
      const [first] = eachDay(range);
      const end = at(`${range.end} 06:00:00`);
      for (let t = at(`${first} 06:00:00`); t < end; t += 15 * 60_000) {
        expect([t, priceAt(t)]).toEqual([t, { period: tariff.periodAt(t), eurKwh: tariff.priceAt(t) }]);
        checked++;
      }
    }
    // 3 days + 2 days of 96 quarters, less the 4 quarters 02:00–03:00 that 29 March does not have.
    expect(checked).toBe(5 * 96 - 4);
  });
});
