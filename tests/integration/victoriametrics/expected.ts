/**
 * What VictoriaMetrics must hold, from the store with plain arithmetic (not the exporter's renderer):
 * a half-hour of `w` watts is `w / 2` Wh at its start, a day's Wh at its Paris midnight, a max power's
 * VA at its peak instant.
 */
import { parisMidnightUtc } from '../../../src/domain/time.js';
import type { Direction } from '../../../src/domain/types.js';
import type { Store } from '../../../src/store/repository.js';
import { byTimestamp, readBack } from './read-back.js';

const ALL = { start: '1970-01-01', end: '9999-12-31' };

export interface ExpectedSeries {
  selector: string;
  samples: Map<number, number>;
}

/** `labels`: extra matchers, e.g. `test_run="ab12"`, or '' for none. */
export async function expectedSeries(store: Store, pdl: string, labels: string): Promise<ExpectedSeries[]> {
  const pre = labels ? `${labels},` : '';
  const out: ExpectedSeries[] = [];
  const point = await store.getUsagePoint(pdl);
  const directions: Direction[] = [];
  if (point?.hasConsumption) directions.push('consumption');
  if (point?.hasProduction) directions.push('production');
  for (const d of directions) {
    const curve = await store.listCurve(pdl, d, 0, Date.UTC(2100, 0));
    const sel = (name: string, more = '') => `${name}{${pre}pdl="${pdl}",direction="${d}"${more}}`;
    out.push({
      selector: sel('myelectricaldata_energy_wh', ',resolution="30min"'),
      samples: new Map(curve.map((r) => [r.start, (r.w * r.minutes) / 60])),
    });
    out.push({ selector: sel('myelectricaldata_power_watts'), samples: new Map(curve.map((r) => [r.start, r.w])) });
    const daily = await store.listDaily(pdl, d, ALL);
    out.push({
      selector: sel('myelectricaldata_energy_wh', ',resolution="day"'),
      samples: new Map(daily.map((r) => [parisMidnightUtc(r.date), r.wh])),
    });
  }
  const max = await store.listMaxPower(pdl, ALL);
  out.push({
    selector: `myelectricaldata_max_power_va{${pre}pdl="${pdl}"}`,
    samples: new Map(max.map((m) => [m.at, m.va])),
  });
  return out.filter((s) => s.samples.size > 0);
}

/** Asserts VictoriaMetrics holds exactly these samples: one per timestamp, each value equal. */
export async function expectHeld(url: string, e: ExpectedSeries): Promise<void> {
  const series = await readBack(url, e.selector, e.samples.size);
  expect([e.selector, series.length]).toEqual([e.selector, 1]);
  const held = byTimestamp(series[0]);
  const doubled = [...held].filter(([, v]) => v.length !== 1);
  expect([e.selector, doubled.length]).toEqual([e.selector, 0]);
  const wrong = [...e.samples].filter(([t, v]) => held.get(t)?.[0] !== v).slice(0, 3);
  expect([e.selector, wrong, held.size]).toEqual([e.selector, [], e.samples.size]);
}
