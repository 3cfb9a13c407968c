/**
 * The charts' hour view in real Chromium, on data synced from the gateway simulator: each bar is the sum
 * of the API curve's readings of its local hour to the Wh, split HC/HP by the PDL's off-peak hours, the
 * day moves with the keyboard (previous/next buttons) down to the DST fall-back day and its 25 hours,
 * and the CSV link downloads that day's curve as the API serves it. Then the sync history: the page lists
 * the runs `api/status` returns, newest first, after more runs of the real engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Demo, HOUSE, openPage, SHOTS, SOLAR, startDemo } from './page-demo.js';

jest.setTimeout(180_000);

interface Reading {
  start: string;
  minutes: number;
  wh: number;
}

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

const attr = (page: Page, selector: string, name: string) =>
  page.locator(selector).evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
const next = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The test's own sums: per local hour (the start's date, hour and offset), and off-peak by local start. */
function expected(rows: Reading[], offpeak: { start: string; end: string }[]) {
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const off = (m: number) =>
    offpeak.some((r) => {
      const [a, b] = [minute(r.start), minute(r.end)];
      return a < b ? m >= a && m < b : m >= a || m < b;
    });
  const hours = new Map<string, { wh: number; hc: number; hp: number }>();
  for (const r of rows) {
    const key = `${r.start.slice(0, 13)}:00:00${r.start.slice(-6)}`;
    const x = hours.get(key) ?? { wh: 0, hc: 0, hp: 0 };
    hours.set(key, x);
    x.wh += r.wh;
    if (off(minute(r.start.slice(11, 16)))) x.hc += r.wh;
    else x.hp += r.wh;
  }
  return hours;
}

async function showsDay(page: Page, day: string) {
  await page.locator(`#charts-card[data-ready="${HOUSE}|consumption|hour|${day}"]`).waitFor();
  const rows = await demo.json<Reading[]>(`/api/pdls/${HOUSE}/consumption/curve?start=${day}&end=${next(day)}`);
  const [pdl] = (
    await demo.json<{ pdl: string; offpeakHours: { start: string; end: string }[] }[]>('/api/pdls')
  ).filter((p) => p.pdl === HOUSE);
  const hours = expected(rows, pdl!.offpeakHours);
  expect(pdl!.offpeakHours.length).toBeGreaterThan(0);
  expect(await attr(page, '#energy-chart g.bar', 'data-start')).toEqual([...hours.keys()]);
  expect((await attr(page, '#energy-chart g.bar', 'data-wh')).map(Number)).toEqual(
    [...hours.values()].map((x) => x.wh),
  );
  for (const key of ['hc', 'hp'] as const) {
    const shown = await page
      .locator('#energy-chart g.bar')
      .evaluateAll(
        (bars, k) => bars.map((b) => Number(b.querySelector(`rect[data-key="${k}"]`)?.getAttribute('data-value') ?? 0)),
        key,
      );
    expect(shown.map((x) => Math.round(x * 1000))).toEqual([...hours.values()].map((x) => Math.round(x[key])));
  }
  return { rows, hours };
}

it('draws the newest curve day per hour with HC/HP, then steps back with the keyboard to the DST day', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  const status = await demo.json<{
    pdls: { pdl: string; streams: { stream: string; dataRange: { start: string; end: string } | null }[] }[];
  }>('/api/status');
  const held = status.pdls.find((p) => p.pdl === HOUSE)!.streams.find((s) => s.stream === 'consumption_curve')!
    .dataRange!;
  const newest = new Date(Date.parse(`${held.end}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await v.page.getByRole('button', { name: 'Hours' }).click();
  const first = await showsDay(v.page, newest);
  expect(first.hours.size).toBe(24);
  expect(first.rows.length).toBeGreaterThanOrEqual(24);
  expect(await v.page.locator('[data-day-step="1"]').isDisabled()).toBe(true);
  await v.page.locator('#charts-card').screenshot({ path: join(SHOTS, 'charts-hours.png') });

  // The CSV link: that day's curve as the API serves it.
  const link = v.page.locator('#charts-card a.csv');
  const href = (await link.getAttribute('href'))!;
  expect(href).toBe(`api/pdls/${HOUSE}/consumption/curve?start=${newest}&end=${next(newest)}&format=csv`);
  const [download] = await Promise.all([v.page.waitForEvent('download'), link.press('Enter')]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe((await demo.api.inject(`/${href}`)).body);

  // Back, day by day, with Enter on the focused "previous day" button, to 25 October 2026.
  expect(held.start <= '2026-10-25').toBe(true);
  await v.page.locator('[data-day-step="-1"]').focus();
  let day = newest;
  while (day > '2026-10-25') {
    await v.page.keyboard.press('Enter');
    day = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await v.page.locator(`#charts-card[data-ready="${HOUSE}|consumption|hour|${day}"]`).waitFor();
  }
  expect(await v.page.evaluate("document.activeElement?.getAttribute('data-day-step')")).toBe('-1');
  const dst = await showsDay(v.page, '2026-10-25');
  expect(dst.hours.size).toBe(25);
  expect(await v.page.locator('#energy-chart g.bar').count()).toBe(25);
  const total = dst.rows.reduce((a, r) => a + r.wh, 0);
  expect([...dst.hours.values()].reduce((a, x) => a + x.wh, 0)).toBe(total);
  await v.page.locator('#charts-card').screenshot({ path: join(SHOTS, 'charts-hours-dst.png') });

  // Production: the hours of its newest curve day, never split by off-peak hours.
  await v.page.getByRole('button', { name: 'Maison neuve - panneaux' }).click();
  await v.page.locator(`#charts-card[data-ready^="${SOLAR}|production|hour|"]`).waitFor();
  const solarDay = (await v.page.locator('#energy-chart').getAttribute('data-day'))!;
  const solarRows = await demo.json<Reading[]>(
    `/api/pdls/${SOLAR}/production/curve?start=${solarDay}&end=${next(solarDay)}`,
  );
  const solarHours = expected(solarRows, []);
  expect(solarRows.length).toBeGreaterThan(0);
  expect((await attr(v.page, '#energy-chart g.bar', 'data-wh')).map(Number)).toEqual(
    [...solarHours.values()].map((x) => x.wh),
  );
  expect(await v.page.locator('#energy-chart rect[data-key="hc"]').count()).toBe(0);
  expect(v.problems).toEqual([]);
  await v.close();
});

interface Run {
  startedAt: string;
  finishedAt: string;
  scope: string;
  outcome: string;
  calls: number;
}

it('lists the sync runs the API returns, newest first, opened from the keyboard (English and French)', async () => {
  expect((await demo.harness.engine.run('tempo')).status).toBe('ok');
  expect((await demo.harness.engine.run({ pdl: HOUSE })).status).toBe('ok');
  const { history } = await demo.json<{ history: Run[] }>('/api/status');
  expect(history.map((r) => [r.scope, r.outcome])).toEqual([
    [`PDL ${HOUSE}`, 'ok'],
    ['tempo', 'ok'],
    ['full', 'ok'],
  ]);
  expect(history[2]!.calls).toBeGreaterThan(0);
  for (const [locale, words] of [
    ['en-GB', { full: 'All PDLs', ok: 'OK', title: 'Last runs (3)' }],
    ['fr-FR', { full: 'Tous les PDL', ok: 'OK', title: 'Dernières synchronisations (3)' }],
  ] as const) {
    const v = await openPage(demo, `${demo.url}/`, { locale });
    const summary = v.page.locator('#history-box summary');
    expect((await summary.textContent())?.trim()).toBe(words.title);
    await summary.focus();
    await v.page.keyboard.press('Enter');
    expect(await v.page.locator('#history-box').getAttribute('open')).not.toBeNull();
    const rows = v.page.locator('#sync-history tbody tr');
    expect(await attr(v.page, '#sync-history tbody tr', 'data-run')).toEqual(history.map((r) => r.startedAt));
    expect(await attr(v.page, '#sync-history td[data-calls]', 'data-calls')).toEqual(
      history.map((r) => String(r.calls)),
    );
    expect(await attr(v.page, '#sync-history time', 'datetime')).toEqual(history.map((r) => r.finishedAt));
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    expect(cells.map((c) => c.slice(1))).toEqual([
      [`PDL ${HOUSE}`, words.ok, String(history[0]!.calls)],
      ['Tempo', words.ok, String(history[1]!.calls)],
      [words.full, words.ok, String(history[2]!.calls)],
    ]);
    await v.page.locator('#sync-card').screenshot({ path: join(SHOTS, `sync-history-${locale}.png`) });
    expect(v.problems).toEqual([]);
    await v.close();
  }
});
