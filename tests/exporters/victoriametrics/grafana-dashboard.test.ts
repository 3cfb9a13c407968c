/**
 * The Grafana dashboard in docs/grafana/ (no Grafana server can be installed here: it is neither in
 * the Debian archive nor on PyPI as a server), checked against what the exporter pushes: every metric an
 * expression reads is a series we push, with only the labels that series has; panels have unique ids and
 * do not overlap; the data source is the dashboard's one input; cost panels read the cost series.
 */
import { readFileSync } from 'node:fs';
import { ENERGY, MAX_POWER, POWER } from '../../../src/exporters/victoriametrics/build-import-lines.js';
import { COST } from '../../../src/exporters/victoriametrics/cost-series.js';

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource: { uid: string };
  targets: { expr: string; datasource: { uid: string } }[];
  fieldConfig: { defaults: { unit?: string } };
}

const dashboard = JSON.parse(readFileSync('docs/grafana/myelectricaldata-victoriametrics.json', 'utf8')) as {
  __inputs: { name: string; pluginId: string }[];
  panels: Panel[];
  templating: { list: { name: string }[] };
};

/** The labels each pushed series carries (besides `victoriametrics_extra_labels`). */
const LABELS: Record<string, string[]> = {
  [ENERGY]: ['pdl', 'direction', 'resolution'],
  [POWER]: ['pdl', 'direction'],
  [MAX_POWER]: ['pdl'],
  [COST]: ['pdl', 'direction', 'resolution'],
};

const selectors = (expr: string) => [...expr.matchAll(/(myelectricaldata_[a-z_]+)\{([^}]*)\}/g)];

it('reads only series the exporter pushes, with their labels and values', () => {
  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
  const names = exprs.flatMap((e) => [...e.matchAll(/myelectricaldata_[a-z_]+/g)].map((m) => m[0]));
  expect(new Set(names)).toEqual(new Set(Object.keys(LABELS)));
  for (const [, name, body] of exprs.flatMap(selectors)) {
    for (const [, label, value] of body!.matchAll(/([a-z_]+)="([^"]*)"/g)) {
      expect(LABELS[name!]).toContain(label);
      if (label === 'direction') expect(['consumption', 'production']).toContain(value);
      if (label === 'resolution') expect(['day', '30min']).toContain(value);
      if (label === 'pdl') expect(value).toBe('$pdl');
    }
  }
});

it('has unique panel ids, panels that do not overlap, one data source input and its variables', () => {
  const ids = dashboard.panels.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  const cells = new Set<string>();
  for (const p of dashboard.panels) {
    const { x, y, w, h } = p.gridPos;
    expect(x + w).toBeLessThanOrEqual(24);
    for (let i = x; i < x + w; i++)
      for (let j = y; j < y + h; j++) {
        expect(cells.has(`${i},${j}`)).toBe(false);
        cells.add(`${i},${j}`);
      }
  }
  expect(dashboard.__inputs.map((i) => [i.name, i.pluginId])).toEqual([['DS_VICTORIAMETRICS', 'prometheus']]);
  const uids = dashboard.panels.flatMap((p) => [p.datasource.uid, ...p.targets.map((t) => t.datasource.uid)]);
  expect(new Set(uids)).toEqual(new Set([`\${DS_VICTORIAMETRICS}`]));
  const variables = dashboard.templating.list.map((v) => v.name);
  const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\$([a-z_]+)/g)]));
  for (const [, v] of used) if (!v!.startsWith('_')) expect(variables).toContain(v);
});

it('shows the cost and the compensation in euros, per day, rolling 30 days, month and year to date', () => {
  const cost = dashboard.panels.filter((p) => p.targets.some((t) => t.expr.includes(COST)));
  expect(cost.map((p) => p.title)).toEqual([
    'Cost, month to date',
    'Cost, year to date',
    'Compensation, month to date',
    'Compensation, year to date',
    'Cost (consumption) and compensation (production) per day',
    'Cost and compensation per 30 days (rolling)',
  ]);
  expect(new Set(cost.map((p) => p.fieldConfig.defaults.unit))).toEqual(new Set(['currencyEUR']));
});
