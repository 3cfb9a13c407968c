import { parseEnergyConfig } from '../../../lovelace-cards/energy/config.js';

describe('energy card config', () => {
  it('fills the defaults and accepts pdl as a shorthand', () => {
    expect(parseEnergyConfig({ type: 'custom:myelectricaldata-energy-card', pdl: '12345678901234' })).toEqual({
      type: 'custom:myelectricaldata-energy-card',
      pdls: ['12345678901234'],
      period: 'day',
      count: undefined,
      metric: 'energy',
      direction: 'consumption',
      stack: 'auto',
      compare: 'none',
      energy_date_selection: true,
      show_totals: true,
    });
  });

  it('names the wrong field and the expected values', () => {
    expect(() => parseEnergyConfig({ type: 'x', pdls: ['123'], period: 'decade' })).toThrow(
      /pdls\.0: a PDL is 14 digits.*period: expected one of hour, day, week, month, year/,
    );
    expect(() => parseEnergyConfig({ type: 'x', pdls: [] })).toThrow(/pdls: give at least one PDL/);
    expect(() => parseEnergyConfig({ type: 'x', pdls: ['12345678901234'], colour: 'red' })).toThrow(/colour/);
    expect(() => parseEnergyConfig(null)).toThrow(/myelectricaldata-energy-card/);
  });
});
