/**
 * The page's charts for a Tempo PDL, in real Chromium on data synced from the gateway simulator (Tempo
 * colours included): each day's bar is split into its colour's off-peak and peak energy exactly as the
 * cost route splits it, the legend names those periods; and the bars are reachable from the keyboard
 * (Tab lands on the newest bar, arrows/Home/End move, the focused bar's text is shown under the chart).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Demo, HOUSE, NOW, openPage, SHOTS, startDemo } from './page-demo.js';

jest.setTimeout(120_000);

const TEMPO = { blue_hc: 0.1288, blue_hp: 0.1552, white_hc: 0.1447, white_hp: 0.1792, red_hc: 0.1518, red_hp: 0.6586 };
const RANGE = 'start=2026-10-28&end=2026-11-27';
const COLOURS_RANGE = 'start=2026-10-27&end=2026-11-27';

interface Agg {
  buckets: { start: string; wh: number }[];
}
interface Cost {
  tariff_kind: string;
  days: { date: string; periods: Record<string, { wh: number }> }[];
}

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo({
    prices: { tempo: TEMPO, productionKwh: 0.1276 },
    prepare: async (store) => {
      const point = await store.getUsagePoint(HOUSE);
      if (!point) throw new Error('the demo sync stored no house');
      await store.upsertUsagePoints([{ ...point, pricingOption: 'TEMPO' }], NOW);
    },
  });
});
afterAll(() => demo?.close());

/** Each bar's segments as `key → kWh`, in bar order. */
const segmentsOf = (page: Page) =>
  page
    .locator('#energy-chart g.bar')
    .evaluateAll((bars) =>
      bars.map((g) =>
        Object.fromEntries(
          [...g.querySelectorAll('rect[data-key]')].map((r) => [
            r.getAttribute('data-key'),
            Number(r.getAttribute('data-value')),
          ]),
        ),
      ),
    );

const focused = (page: Page) =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    return { start: el?.getAttribute('data-start') ?? null, label: el?.getAttribute('aria-label') ?? null };
  })()`) as Promise<{ start: string | null; label: string | null }>;

it('splits each day into its Tempo colour’s off-peak and peak energy, as the cost route does', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  const agg = await demo.json<Agg>(`/api/pdls/${HOUSE}/consumption/aggregate?period=day&${RANGE}`);
  const cost = await demo.json<Cost>(`/api/pdls/${HOUSE}/consumption/cost?${RANGE}`);
  const colours = await demo.json<{ date: string; color: string }[]>(`/api/tempo?${COLOURS_RANGE}`);
  expect(cost.tariff_kind).toBe('tempo');
  expect(cost.days.map((d) => d.date)).toEqual(agg.buckets.map((b) => b.start));
  const expected = cost.days.map((d) =>
    Object.fromEntries(
      Object.entries(d.periods)
        .filter(([, p]) => p.wh > 0)
        .map(([k, p]) => [k, p.wh / 1000]),
    ),
  );
  expect(await segmentsOf(v.page)).toEqual(expected);
  // A Tempo day runs 06:00 to 06:00: a calendar day's energy is in the day before's off-peak (00:00–06:00)
  // and its own colour's off-peak and peak, and those periods add up to the day.
  const colourOf = new Map(colours.map((c) => [c.date, c.color.toLowerCase()]));
  cost.days.forEach((d, i) => {
    const before = colourOf.get(i === 0 ? '2026-10-27' : cost.days[i - 1]!.date);
    const own = colourOf.get(d.date);
    const allowed = new Set([`${before}_hc`, `${own}_hc`, `${own}_hp`]);
    const keys = Object.keys(expected[i]!);
    expect(keys.filter((k) => !allowed.has(k))).toEqual([]);
    expect(keys).toContain(`${own}_hp`);
    const sum = keys.reduce((n, k) => n + d.periods[k]!.wh, 0);
    expect(sum).toBe(agg.buckets[i]!.wh);
  });
  const shown = new Set(cost.days.map((d) => colourOf.get(d.date)));
  expect(shown.size).toBeGreaterThanOrEqual(2);
  const legend = await v.page.locator('#charts-card .legend').first().textContent();
  const words: Record<string, string> = { blue: 'Blue', white: 'White', red: 'Red' };
  for (const c of shown) expect(legend).toContain(`${words[c!]} off-peak`);
  await v.page.locator('#charts-card').screenshot({ path: join(SHOTS, 'charts-tempo.png') });
  expect(v.problems).toEqual([]);
  await v.close();
});

it('moves between the bars with the keyboard and shows the focused bar’s values', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  const agg = await demo.json<Agg>(`/api/pdls/${HOUSE}/consumption/aggregate?period=day&${RANGE}`);
  const starts = agg.buckets.map((b) => b.start);
  let presses = 0;
  while (
    (await focused(v.page)).start === null ||
    !(await v.page.evaluate("!!document.activeElement?.closest('#energy-chart')"))
  ) {
    await v.page.keyboard.press('Tab');
    if (++presses > 60) throw new Error('Tab never reached a bar of the energy chart');
  }
  // One Tab stop per chart, on the newest bar.
  expect((await focused(v.page)).start).toBe(starts.at(-1));
  expect(await v.page.locator('#energy-chart g.bar[tabindex="0"]').count()).toBe(1);
  const newest = await focused(v.page);
  expect(newest.label).toContain('26 Nov 2026');
  expect(newest.label).toContain('kWh');
  expect(await v.page.locator('#energy-chart .readout').textContent()).toBe(newest.label);

  await v.page.keyboard.press('ArrowLeft');
  expect((await focused(v.page)).start).toBe(starts.at(-2));
  await v.page.keyboard.press('Home');
  expect((await focused(v.page)).start).toBe(starts[0]);
  await v.page.keyboard.press('ArrowLeft');
  expect((await focused(v.page)).start).toBe(starts[0]);
  await v.page.keyboard.press('End');
  expect((await focused(v.page)).start).toBe(starts.at(-1));
  await v.page.keyboard.press('ArrowLeft');
  const second = await focused(v.page);
  expect(await v.page.locator('#energy-chart .readout').textContent()).toBe(second.label);
  expect(await v.page.locator('#energy-chart g.bar[tabindex="0"]').getAttribute('data-start')).toBe(starts.at(-2));
  await v.page.locator('#charts-card').screenshot({ path: join(SHOTS, 'charts-bar-focus.png') });

  // Tab leaves the chart: the readout empties.
  await v.page.keyboard.press('Tab');
  expect(await v.page.evaluate("!!document.activeElement?.closest('#energy-chart')")).toBe(false);
  expect(await v.page.locator('#energy-chart .readout').textContent()).toBe('');
  expect(v.problems).toEqual([]);
  await v.close();
});
