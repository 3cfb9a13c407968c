import {
  normaliseDaily,
  normaliseEcoWatt,
  normaliseMaxPower,
  normaliseTempo,
} from '../../src/domain/normalise-readings.js';
import { normaliseUsagePoint } from '../../src/domain/normalise-usage-point.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('daily values', () => {
  it('keys integer Wh by local date, sorted, a repeated day keeping its last value', () => {
    expect(
      normaliseDaily([
        { value: 12110, date: '2026-02-09' },
        { value: 10532, date: '2026-02-08' },
        { value: 12111, date: '2026-02-09' },
      ]),
    ).toEqual([
      { date: '2026-02-08', wh: 10532 },
      { date: '2026-02-09', wh: 12111 },
    ]);
  });
});

describe('max power', () => {
  it('turns the local peak time into a UTC instant, winter and summer', () => {
    const out = normaliseMaxPower([
      { value: 5820, date: '2026-02-09 19:42:11' },
      { value: 6100, date: '2026-07-01 08:00:00' },
    ]);
    expect(out.map((p) => [p.date, p.va, iso(p.at)])).toEqual([
      ['2026-02-09', 5820, '2026-02-09T18:42:11.000Z'],
      ['2026-07-01', 6100, '2026-07-01T06:00:00.000Z'],
    ]);
  });
});

describe('EcoWatt', () => {
  it('reads periode as naive UTC of Paris midnight, winter and summer', () => {
    const values = Array.from({ length: 24 }, (_, h) => (h === 19 ? 2 : 1));
    const out = normaliseEcoWatt([
      { periode: '2026-07-01T22:00:00', dvalue: 1, message: 'Pas d’alerte.', values },
      { periode: '2026-02-11T23:00:00', dvalue: 2, message: null, values },
    ]);
    expect(out.map((s) => [s.date, s.level, s.message, s.hourly[19]])).toEqual([
      ['2026-02-12', 2, '', 2],
      ['2026-07-02', 1, 'Pas d’alerte.', 2],
    ]);
  });
});

describe('Tempo', () => {
  it('maps colours by date, sorted', () => {
    expect(
      normaliseTempo([
        { date: '2026-02-12', color: 'RED' },
        { date: '2026-02-11', color: 'BLUE' },
      ]),
    ).toEqual([
      { date: '2026-02-11', color: 'BLUE' },
      { date: '2026-02-12', color: 'RED' },
    ]);
  });
});

describe('usage point', () => {
  it('maps a /pdl object, offpeak hours and flags included', () => {
    expect(
      normaliseUsagePoint({
        id: '7c1e',
        usage_point_id: '12345678901234',
        name: 'Maison',
        subscribed_power: 9,
        offpeak_hours: { ranges: ['22:00-06:00'] },
        pricing_option: 'HC_HP',
        has_consumption: true,
        has_production: false,
        is_active: true,
        activation_date: '2019-03-04',
        oldest_available_data_date: null,
        linked_production_pdl_id: 'a91f',
      }),
    ).toEqual({
      id: '7c1e',
      pdl: '12345678901234',
      name: 'Maison',
      subscribedPowerKva: 9,
      offpeakHours: [{ start: '22:00', end: '06:00' }],
      pricingOption: 'HC_HP',
      hasConsumption: true,
      hasProduction: false,
      isActive: true,
      activationDate: '2019-03-04',
      oldestAvailableDataDate: null,
      linkedProductionPdlId: 'a91f',
    });
  });

  it('applies the gateway defaults when flags are missing', () => {
    const up = normaliseUsagePoint({ id: 'x', usage_point_id: '12345678901234', pricing_option: 'weird' });
    expect([up.hasConsumption, up.hasProduction, up.isActive, up.pricingOption, up.name]).toEqual([
      true,
      false,
      true,
      null,
      null,
    ]);
  });
});
