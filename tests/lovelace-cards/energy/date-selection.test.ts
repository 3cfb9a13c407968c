import { collectionKeys, periodForRange, subscribeEnergyRange } from '../../../lovelace-cards/energy/date-selection.js';
import type { Hass } from '../../../lovelace-cards/shared/hass.js';

const hass = (connection: Record<string, unknown>, panelUrl?: string): Hass => ({
  states: {},
  callWS: async () => undefined as never,
  config: { time_zone: 'Europe/Paris' },
  connection,
  panelUrl,
});

describe('following the energy date picker', () => {
  it("looks where Home Assistant's frontend keeps the collection", () => {
    expect(collectionKeys(hass({}, 'med-linky'))).toEqual(['_energy_med-linky', '_energy']);
    expect(collectionKeys(hass({}))).toEqual(['_energy']);
    expect(collectionKeys(hass({}, 'energy'), 'energy_linky')).toEqual(['_energy_linky']);
  });

  it('subscribes to the first collection found and turns its dates into a range', () => {
    const seen: unknown[] = [];
    const collection = {
      subscribe(cb: (d: { start?: Date; end?: Date }) => void) {
        cb({ start: new Date('2026-03-01T00:00:00+01:00'), end: new Date('2026-03-07T23:59:59.999+01:00') });
        cb({});
        return () => seen.push('unsubscribed');
      },
    };
    expect(subscribeEnergyRange(hass({ _energy: {} }, 'x'), () => undefined)).toBeNull();
    const off = subscribeEnergyRange(hass({ _energy_x: collection }, 'x'), (r) => seen.push(r));
    expect(seen).toEqual([
      { start: Date.parse('2026-03-01T00:00:00+01:00'), end: Date.parse('2026-03-08T00:00:00+01:00') },
    ]);
    off?.();
    expect(seen.at(-1)).toBe('unsubscribed');
  });

  it('chooses the bar width from the length of the range', () => {
    const r = (days: number) => periodForRange({ start: 0, end: days * 86_400_000 });
    expect([r(1), r(2), r(7), r(35), r(90), r(365)]).toEqual(['hour', 'hour', 'day', 'day', 'week', 'month']);
  });
});
