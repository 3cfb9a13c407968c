/**
 * The page's other views in real Chromium, on data synced from the gateway simulator: the Tempo calendar
 * shows the API's colour of every day of the season, the page works under a path prefix and behind an
 * ingress proxy (every request under the prefix), switches language, and follows the dark colour scheme.
 */
import { join } from 'node:path';
import { DEMO_SECRET, type Demo, HOUSE, openPage, SHOTS, SOLAR, startDemo } from './page-demo.js';
import { type PrefixProxy, startPrefixProxy } from './prefix-proxy.js';

jest.setTimeout(120_000);

let demo: Demo;
const proxies: PrefixProxy[] = [];
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  for (const p of proxies) await p.close();
  await demo?.close();
});

it('the Tempo calendar colours every day of the season as the API does, with the counts', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  const rows = await demo.json<{ date: string; color: string }[]>('/api/tempo?start=2026-09-01&end=2027-09-01');
  expect(rows.length).toBeGreaterThan(80);
  const shown = await v.page
    .locator('#tempo-card td[data-color]')
    .evaluateAll((els) => els.map((e) => ({ date: e.getAttribute('data-date'), color: e.getAttribute('data-color') })));
  expect(shown).toEqual(rows);
  expect(await v.page.locator('#tempo-card td[data-date]').count()).toBe(365);
  for (const [color, allowance] of [
    ['BLUE', 300],
    ['WHITE', 43],
    ['RED', 22],
  ] as const) {
    const n = rows.filter((r) => r.color === color).length;
    expect(await v.page.locator(`[data-count="${color}"]`).textContent()).toMatch(new RegExp(` ${n} / ${allowance}$`));
  }
  expect(await v.page.locator('#tempo-title').textContent()).toBe('Tempo days 2026–2027');
  expect(await v.page.locator('#tempo-card td.today').getAttribute('data-date')).toBe('2026-11-27');
  await v.page.locator('#tempo-card').screenshot({ path: join(SHOTS, 'tempo.png') });
  await v.page.screenshot({ path: join(SHOTS, 'page-en-light.png'), fullPage: true });
  // The README's picture (docs/images/page.png): the overviews and the charts.
  await v.page.evaluate('window.scrollTo(0, 0)');
  const charts = await v.page.locator('#charts-card').boundingBox(); // relative to the top, scrolled to 0
  await v.page.screenshot({
    path: join(SHOTS, 'readme.png'),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1200, height: charts!.y + charts!.height + 16 },
  });
  expect(v.problems).toEqual([]);
  await v.close();
});

for (const ingress of [false, true]) {
  it(`works ${ingress ? 'behind an ingress proxy (X-Ingress-Path)' : 'under a path prefix without trailing slash'}`, async () => {
    const prefix = ingress ? '/api/hassio_ingress/t0k3n' : '/addons/med';
    const proxy = await startPrefixProxy(demo.url, prefix, ingress);
    proxies.push(proxy);
    const requested: string[] = [];
    const v = await openPage(demo, proxy.url, {
      onRequest: (u) => requested.push(u),
    });
    expect(new URL(v.page.url()).pathname).toBe(`${prefix}/`);
    expect(requested.filter((u) => u.startsWith(`${proxy.url}/api/pdls/`)).length).toBeGreaterThan(5);
    // The first request is the address typed (no trailing slash); every other one is under the prefix.
    expect(requested.filter((u) => u !== proxy.url && !u.startsWith(`${proxy.url}/`))).toEqual([]);
    const agg = await demo.json<{ wh: number }>(
      `/api/pdls/${HOUSE}/consumption/aggregate?period=day&start=2026-11-26&end=2026-11-27`,
    );
    expect(await v.page.locator(`[data-tile="consumption-yesterday"]`).first().getAttribute('data-wh')).toBe(
      String(agg.wh),
    );
    const csv = await v.page
      .locator('#charts-card a.csv')
      .first()
      .evaluate((a) => (a as unknown as { href: string }).href);
    expect(csv.startsWith(`${proxy.url}/api/pdls/${HOUSE}/consumption/aggregate?`)).toBe(true);
    expect(v.problems).toEqual([]);
    await v.close();
  });
}

it('switches to French with the language button, keeps the choice, and comes back to English', async () => {
  const v = await openPage(demo, `${demo.url}/`, { width: 390 });
  await v.page.getByRole('button', { name: 'Afficher la page en français' }).click();
  await v.page.locator('[data-overview][data-ready]').first().waitFor();
  await v.page.locator('#charts-card[data-ready]').waitFor();
  expect(await v.page.locator('html').getAttribute('lang')).toBe('fr');
  expect(await v.page.locator(`[data-overview="${HOUSE}"]`).textContent()).toContain('Hier');
  expect(await v.page.locator(`[data-overview="${SOLAR}"]`).textContent()).toContain('Ce mois-ci');
  expect(await v.page.locator('#charts-card .seg-btn').allInnerTexts()).toEqual(
    expect.arrayContaining(['Jours', 'Mois', 'Années']),
  );
  expect(await v.page.locator('#tempo-title').textContent()).toBe('Jours Tempo 2026–2027');
  await v.page.reload();
  await v.page.locator('#charts-card[data-ready]').waitFor();
  await v.page.locator('#tempo-card[data-ready]').waitFor();
  expect(await v.page.locator('#sync-now').textContent()).toBe('Synchroniser');
  // Nothing wider than the phone's screen.
  expect(await v.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await v.page.screenshot({ path: join(SHOTS, 'page-fr-mobile.png'), fullPage: true });
  await v.page.getByRole('button', { name: 'Show the page in English' }).click();
  await v.page.locator('#sync-now', { hasText: 'Sync now' }).waitFor();
  expect(v.problems).toEqual([]);
  await v.close();
});

it('shows the configuration in force with the secrets masked, opened from the keyboard', async () => {
  const v = await openPage(demo, `${demo.url}/`);
  const card = v.page.locator('#config-card');
  await card.waitFor();
  await card.locator('summary').focus();
  await v.page.keyboard.press('Enter');
  const { settings } = await demo.json<{ settings: Record<string, unknown> }>('/api/config');
  await card.locator('[data-setting="client_secret"]').waitFor();
  expect(await card.locator('[data-setting="client_secret"] td').nth(1).textContent()).toBe('***');
  expect(await card.locator('[data-setting="price_hc_kwh"] td').nth(1).textContent()).toBe(
    String(settings.price_hc_kwh),
  );
  expect(await card.locator('tr[data-setting]').count()).toBe(Object.keys(settings).length);
  expect(await v.page.content()).not.toContain(DEMO_SECRET);
  await card.screenshot({ path: join(SHOTS, 'config-card.png') });
  expect(v.problems).toEqual([]);
  await v.close();
});

it('follows the dark colour scheme', async () => {
  const v = await openPage(demo, `${demo.url}/`, { dark: true });
  const background = await v.page.evaluate('getComputedStyle(document.body).backgroundColor');
  expect(background).toBe('rgb(17, 22, 27)');
  const tile = await v.page.evaluate("getComputedStyle(document.querySelector('.tile-value')).color");
  expect(tile).toBe('rgb(230, 235, 240)');
  await v.page.screenshot({ path: join(SHOTS, 'page-en-dark.png'), fullPage: true });
  expect(v.problems).toEqual([]);
  await v.close();
});
