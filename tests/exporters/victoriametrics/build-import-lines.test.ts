/** The renderer's golden lines: names, labels, values in Wh/W/VA and the original instants. */
import { parisMidnightUtc } from '../../../src/domain/time.js';
import {
  curveSeries,
  dailySeries,
  importLines,
  maxPowerSeries,
  selector,
} from '../../../src/exporters/victoriametrics/build-import-lines.js';

const PDL = '12345678901234';
const T = Date.UTC(2026, 0, 15, 23, 0); // 2026-01-16 00:00 Paris

describe('curveSeries', () => {
  it('gives the energy of each interval (Wh, at its start) and its average power (W)', () => {
    const series = curveSeries(PDL, 'consumption', [
      { start: T, minutes: 30, w: 673 },
      { start: T + 1_800_000, minutes: 30, w: 512 },
    ]);
    expect(series.map((s) => importLines(s, s.samples))).toEqual([
      'myelectricaldata_energy_wh{direction="consumption",pdl="12345678901234",resolution="30min"} 336.5 1768518000000\n' +
        'myelectricaldata_energy_wh{direction="consumption",pdl="12345678901234",resolution="30min"} 256 1768519800000\n',
      'myelectricaldata_power_watts{direction="consumption",pdl="12345678901234"} 673 1768518000000\n' +
        'myelectricaldata_power_watts{direction="consumption",pdl="12345678901234"} 512 1768519800000\n',
    ]);
    expect(series.map((s) => s.stream)).toEqual(['consumption_curve', 'consumption_curve']);
  });

  it('keeps a series per interval length (10-min meters) and adds the extra labels', () => {
    const series = curveSeries(PDL, 'production', [{ start: T, minutes: 10, w: 7 }], { home: 'paris' });
    expect(series.map((s) => selector(s.name, s.labels))).toEqual([
      'myelectricaldata_energy_wh{direction="production",home="paris",pdl="12345678901234",resolution="10min"}',
      'myelectricaldata_power_watts{direction="production",home="paris",pdl="12345678901234"}',
    ]);
    expect(series[0]!.samples).toEqual([{ t: T, v: 1.167 }]);
  });
});

describe('dailySeries and maxPowerSeries', () => {
  it('stamps a day at its Paris midnight (DST included) and a max power at its peak', () => {
    const [daily] = dailySeries(PDL, 'consumption', [{ date: '2026-03-29', wh: 9050 }]);
    expect(importLines(daily!, daily!.samples)).toBe(
      `myelectricaldata_energy_wh{direction="consumption",pdl="12345678901234",resolution="day"} 9050 ${parisMidnightUtc('2026-03-29')}\n`,
    );
    expect(parisMidnightUtc('2026-03-29')).toBe(Date.UTC(2026, 2, 28, 23));
    const [max] = maxPowerSeries(PDL, [{ date: '2026-11-02', va: 5030, at: Date.UTC(2026, 10, 2, 18, 40, 5) }]);
    expect(importLines(max!, max!.samples)).toBe(
      'myelectricaldata_max_power_va{pdl="12345678901234"} 5030 1793644805000\n',
    );
  });

  it('renders no series for no rows, and escapes label values', () => {
    expect(dailySeries(PDL, 'production', [])).toEqual([]);
    expect(maxPowerSeries(PDL, [])).toEqual([]);
    expect(selector('m', { site: 'a"b\\c\nd' })).toBe('m{site="a\\"b\\\\c\\nd"}');
  });
});
