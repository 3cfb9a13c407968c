/**
 * The page's overview and charts in real Chromium, on data synced from the gateway simulator: every tile,
 * bar, HC/HP segment and max-power bar shows what the API answers for the same range, the period
 * switches with the keyboard, and the CSV links download what the API serves as CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Demo, HOUSE, openPage, SHOTS, SOLAR, startDemo } from './page-demo.js';

jest.setTimeout(120_000);

interface Agg {
  wh: number;
  buckets: { start: string; wh: number; quality: { daily: number; curve: number; missing: number } }[];
}
interface Cost {
  total_eur: number;
  days: { date: string; periods: Record<string, { wh: number }> }[];
}

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

const kwhText = (wh: number) =>
  `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: Math.abs(wh) < 1e6 ? 1 : 0 }).format(wh / 1000)} kWh`;
const attr = (page: Page, selector: string, name: string) =>
  page.locator(selector).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);

/** The ranges of the tiles on 27 November 2026, and the same days one year earlier. */
const SPANS = {
  yesterday: [
    { start: '2026-11-26', end: '2026-11-27' },
    { start: '2025-11-26', end: '2025-11-27' },
  ],
  month: [
    { start: '2026-11-01', end: '2026-11-27' },
    { start: '2025-11-01', end: '2025-11-27' },
  ],
  year: [
    { start: '2026-01-01', end: '2026-11-27' },
    { start: '2025-01-01', end: '2025-11-27' },
  ],
} as const;
const q = (r: { start: string; end: string }) => `start=${r.start}&end=${r.end}`;

it('the overview shows, per PDL and span, the API’s energy and cost and last year’s energy', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  for (const [pdl, direction] of [
    [HOUSE, 'consumption'],
    [SOLAR, 'production'],
  ] as const) {
    for (const [span, [now, before]] of Object.entries(SPANS)) {
      const base = `/api/pdls/${pdl}/${direction}`;
      const agg = await demo.json<Agg>(`${base}/aggregate?period=year&${q(now)}`);
      const last = await demo.json<Agg>(`${base}/aggregate?period=year&${q(before)}`);
      const cost = await demo.json<Cost>(`${base}/cost?${q(now)}`);
      expect(agg.wh).toBeGreaterThan(0);
      const tile = `[data-overview="${pdl}"] [data-tile="${direction}-${span}"]`;
      expect(await v.page.locator(tile).getAttribute('data-wh')).toBe(String(agg.wh));
      expect(await v.page.locator(tile).getAttribute('data-last-wh')).toBe(String(last.wh));
      expect(Number(await v.page.locator(tile).getAttribute('data-eur'))).toBeCloseTo(cost.total_eur, 6);
      expect(await v.page.locator(`${tile} .tile-value`).textContent()).toBe(kwhText(agg.wh));
      const eur = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cost.total_eur);
      expect(await v.page.locator(`${tile} .tile-cost`).textContent()).toBe(eur);
      expect(await v.page.locator(`${tile} .tile-compare`).textContent()).toContain(`last year ${kwhText(last.wh)}`);
    }
  }
  expect(await v.page.locator(`[data-overview-card="${HOUSE}"]`).textContent()).toContain('9 kVA · HC_HP');
  expect(v.problems).toEqual([]);
  await v.close();
});

it('the day chart draws the API’s daily buckets, split HC/HP by the cost route, and the max power; then weeks', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  const range = 'start=2026-10-28&end=2026-11-27';
  const agg = await demo.json<Agg>(`/api/pdls/${HOUSE}/consumption/aggregate?period=day&${range}`);
  const cost = await demo.json<Cost>(`/api/pdls/${HOUSE}/consumption/cost?${range}`);
  expect(agg.buckets).toHaveLength(30);
  expect(await attr(v.page, '#energy-chart g.bar', 'data-start')).toEqual(agg.buckets.map((b) => b.start));
  expect(await attr(v.page, '#energy-chart g.bar', 'data-wh')).toEqual(agg.buckets.map((b) => String(b.wh)));
  for (const key of ['hc', 'hp']) {
    const shown = (await attr(v.page, `#energy-chart rect[data-key="${key}"]`, 'data-value')).map(Number);
    expect(shown).toEqual(cost.days.map((d) => d.periods[key]!.wh / 1000));
  }
  const rows = await demo.json<{ date: string; va: number }[]>(`/api/pdls/${HOUSE}/max-power?${range}`);
  const byDay = new Map(rows.map((r) => [r.date, String(r.va)]));
  expect(rows.length).toBeGreaterThan(25);
  expect(await attr(v.page, '#power-chart g.bar', 'data-va')).toEqual(agg.buckets.map((b) => byDay.get(b.start) ?? ''));
  expect(await v.page.locator('#power-chart line.threshold').count()).toBe(1);
  expect(await v.page.locator('[data-subscribed]').getAttribute('data-subscribed')).toBe('9');
  // The values, as a table under "Values", opened from the keyboard.
  const summary = v.page.locator('#charts-card details.values summary').first();
  await summary.focus();
  await v.page.keyboard.press('Enter');
  const cells = await v.page.locator('#charts-card details.values').first().locator('tbody tr').allTextContents();
  expect(cells).toHaveLength(30);
  expect(cells[0]).toBe(
    `28 Oct 2026${kwhText(agg.buckets[0]!.wh)} · Off-peak ${kwhText(cost.days[0]!.periods.hc!.wh)}, Peak ${kwhText(cost.days[0]!.periods.hp!.wh)}`,
  );
  await v.page.locator('#charts-card').screenshot({ path: join(SHOTS, 'charts-days.png') });

  // Weeks: the 12 ISO weeks up to yesterday's (Monday 7 September to Monday 23 November 2026).
  await v.page.getByRole('button', { name: 'Weeks' }).click();
  await v.page.locator('#charts-card[data-ready$="|week"]').waitFor();
  const weeks = await demo.json<Agg>(
    `/api/pdls/${HOUSE}/consumption/aggregate?period=week&start=2026-09-07&end=2026-11-27`,
  );
  expect(weeks.buckets).toHaveLength(12);
  expect(await attr(v.page, '#energy-chart g.bar', 'data-start')).toEqual(weeks.buckets.map((b) => b.start));
  expect(await attr(v.page, '#energy-chart g.bar', 'data-wh')).toEqual(weeks.buckets.map((b) => String(b.wh)));
  expect(v.problems).toEqual([]);
  await v.close();
});

/** Presses Tab until the focused element is the button `name` of the group `choice`; returns the presses. */
async function tabTo(page: Page, choice: string, name: string): Promise<number> {
  for (let i = 1; i <= 40; i++) {
    await page.keyboard.press('Tab');
    // A string expression: this file is type-checked without the DOM library.
    const here = (await page.evaluate(`(() => {
      const el = document.activeElement;
      return { text: el?.textContent ?? '', choice: el?.closest('[data-choice]')?.dataset.choice ?? '' };
    })()`)) as { text: string; choice: string };
    if (here.choice === choice && here.text === name) return i;
  }
  throw new Error(`Tab never reached ${choice} ${name}`);
}

it('switches period and PDL with the keyboard: months against last year, years, production', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  await tabTo(v.page, 'period', 'Months');
  await v.page.keyboard.press('Enter');
  await v.page.locator('#charts-card[data-ready$="|month"]').waitFor();
  const months = await demo.json<Agg>(
    `/api/pdls/${HOUSE}/consumption/aggregate?period=month&start=2025-12-01&end=2026-11-27`,
  );
  const before = await demo.json<Agg>(
    `/api/pdls/${HOUSE}/consumption/aggregate?period=month&start=2024-12-01&end=2025-12-01`,
  );
  expect(await attr(v.page, '#energy-chart g.bar', 'data-wh')).toEqual(months.buckets.map((b) => String(b.wh)));
  expect(await v.page.locator('#energy-chart line.compare').count()).toBe(before.buckets.length);
  expect(await v.page.evaluate("document.activeElement?.getAttribute('aria-pressed')")).toBe('true');
  await v.page.locator('#charts-card').screenshot({ path: join(SHOTS, 'charts-months.png') });

  await v.page.keyboard.press('Tab'); // Years, next in the group
  await v.page.keyboard.press('Space');
  await v.page.locator('#charts-card[data-ready$="|year"]').waitFor();
  const years = await demo.json<Agg>(
    `/api/pdls/${HOUSE}/consumption/aggregate?period=year&start=2017-01-01&end=2026-11-27`,
  );
  const held = years.buckets.filter((b) => b.quality.daily + b.quality.curve > 0);
  expect(await attr(v.page, '#energy-chart g.bar', 'data-start')).toEqual(held.map((b) => b.start));
  expect(await attr(v.page, '#energy-chart g.bar', 'data-wh')).toEqual(held.map((b) => String(b.wh)));

  await tabTo(v.page, 'pdl', 'Maison neuve - panneaux');
  await v.page.keyboard.press('Enter');
  await v.page.locator(`#charts-card[data-ready="${SOLAR}|production|year"]`).waitFor();
  const solar = await demo.json<Agg>(
    `/api/pdls/${SOLAR}/production/aggregate?period=year&start=2017-01-01&end=2026-11-27`,
  );
  const solarHeld = solar.buckets.filter((b) => b.quality.daily + b.quality.curve > 0);
  expect(await attr(v.page, '#energy-chart g.bar', 'data-wh')).toEqual(solarHeld.map((b) => String(b.wh)));
  expect(await v.page.locator('#power-chart').count()).toBe(0); // no max power for a production PDL
  expect(v.problems).toEqual([]);
  await v.close();
});

it('downloads each shown series as the API’s CSV', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  const links = v.page.locator('#charts-card a.csv');
  expect(await links.allInnerTexts()).toEqual(['CSV · Consumption', 'CSV · cost', 'CSV · Maximum power']);
  for (const [i, name] of [
    [0, `${HOUSE}-consumption-aggregate-day-2026-10-28-2026-11-27.csv`],
    [2, `${HOUSE}-max-power-2026-10-28-2026-11-27.csv`],
  ] as const) {
    const href = (await links.nth(i).getAttribute('href'))!;
    expect(href).toMatch(/^api\/pdls\/\d{14}\/.+format=csv$/);
    const [download] = await Promise.all([v.page.waitForEvent('download'), links.nth(i).press('Enter')]);
    const body = readFileSync((await download.path())!, 'utf8');
    const expected = await demo.api.inject(`/${href}`);
    expect(expected.headers['content-type']).toContain('text/csv');
    expect(body).toBe(expected.body);
    expect(download.suggestedFilename()).toBe(
      expected.headers['content-disposition']
        ? /filename="([^"]+)"/.exec(String(expected.headers['content-disposition']))![1]
        : name,
    );
  }
  expect(v.problems).toEqual([]);
  await v.close();
});
