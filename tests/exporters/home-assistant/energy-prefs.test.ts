import { mergeEnergySources } from '../../../src/exporters/home-assistant/energy-prefs.js';

const ids = {
  consumption: 'myelectricaldata:1_consumption',
  production: null,
  consumptionCost: 'myelectricaldata:1_consumption_cost',
  productionCompensation: null,
};

describe('mergeEnergySources', () => {
  it('adds a unified grid source on 2026 cores and keeps the user sources', () => {
    const gas = { type: 'gas', stat_energy_from: 'sensor.gas', stat_cost: null };
    const merged = mergeEnergySources({ energy_sources: [gas] }, ids, '2026.11.0');
    expect(merged).toEqual([
      gas,
      expect.objectContaining({
        type: 'grid',
        stat_energy_from: ids.consumption,
        stat_cost: ids.consumptionCost,
        stat_energy_to: null,
      }),
    ]);
  });

  it('changes nothing once one of our statistics is used (the user may have edited it)', () => {
    const grid = { type: 'grid', stat_energy_from: ids.consumption, stat_cost: null };
    expect(mergeEnergySources({ energy_sources: [grid] }, ids, '2026.11.0')).toBeNull();
  });

  it('appends to an existing legacy grid and uses the legacy shape on older cores', () => {
    const user = { stat_energy_from: 'sensor.other', stat_cost: null };
    const merged = mergeEnergySources(
      { energy_sources: [{ type: 'grid', flow_from: [user], flow_to: [] }] },
      ids,
      '2026.11.0',
    );
    expect(merged?.[0]?.flow_from).toEqual([user, expect.objectContaining({ stat_energy_from: ids.consumption })]);
    const old = mergeEnergySources(null, ids, '2025.12.1');
    expect(old?.[0]).toMatchObject({ type: 'grid', flow_from: [{ stat_energy_from: ids.consumption }] });
  });
});
