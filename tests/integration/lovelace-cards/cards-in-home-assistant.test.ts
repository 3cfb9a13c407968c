/**
 * The cards inside the real Home Assistant frontend: the program syncs 40 days of a simulated Linky
 * (the gateway simulator, the sync engine, a real SQLite store), its statistics exporter imports them
 * (and adds them to the Energy Dashboard), the add-on delivery path (installCards) writes the bundle into
 * `www` and registers the dashboard resource, a storage-mode dashboard holding every card and Home
 * Assistant's `energy-date-selection` card is saved over the websocket API, and headless Chromium
 * (logged in by the frontend's stored tokens) opens it. The energy card's numbers equal the store's
 * daily energy; the card next to the date picker follows it when its period changes; the browser
 * console shows no error.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bundleCards } from '../../../src/cards-delivery/bundle-options.js';
import { installCards } from '../../../src/cards-delivery/install-cards.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, parisDate, parisMidnightUtc, parisToday } from '../../../src/domain/time.js';
import { connectHomeAssistant } from '../../../src/exporters/home-assistant/ha-client.js';
import { HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { defaultPdlSpecs, PRM } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { type HomeAssistantInstance, haRest, startHomeAssistant } from '../home-assistant/harness/ha.js';
import { type Harness, startHarness } from '../sync/harness.js';
import { type BrowserTokens, loginFlow, storedTokens } from './ha-login.js';

jest.setTimeout(400_000);

const PDL = PRM.house;
const DAY = 86_400_000;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = join(process.env.ARTIFACTS_DIR ?? join(ROOT, 'test-artifacts'), 'cards');
const NOW = Date.now();

let ha: HomeAssistantInstance;
let sync: Harness;
let browser: Browser;
let browserTokens: BrowserTokens;

beforeAll(async () => {
  // The simulator's house, activated 40 days ago: a full sync holds its load curve and daily values.
  const [house] = defaultPdlSpecs(1, parisToday(NOW));
  sync = await startHarness(NOW, { dataset: { pdls: [{ ...house!, activationDate: addDays(parisToday(NOW), -40) }] } });
  const outcome = await sync.engine.run('full');
  expect(outcome).toMatchObject({ status: 'ok' });
  ha = await startHomeAssistant({
    extraConfig: 'frontend:\nconfig:\n',
    // HA serves /local/ only when www exists at start-up.
    prepareConfig: async (configDir) => mkdirSync(join(configDir, 'www')),
  });
  // The harness only creates the user; the frontend shows the remaining onboarding steps until done.
  await haRest(ha, '/api/onboarding/core_config', {});
  await haRest(ha, '/api/onboarding/analytics', {});
  browserTokens = await loginFlow(ha);
  const done = await fetch(`${ha.url}/api/onboarding/integration`, {
    method: 'POST',
    headers: { authorization: `Bearer ${browserTokens.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: `${ha.url}/`, redirect_uri: `${ha.url}/?auth_callback=1` }),
  });
  expect(done.status).toBe(200);
  const exporter = new HomeAssistantExporter(
    parseHomeAssistantExporterOptions({
      url: ha.url,
      token: ha.token,
      prices: { hcKwh: 0.2, hpKwh: 0.3 },
      energyDashboard: 'auto',
      retryDelaysMs: [60_000],
    }),
  );
  await exporter.start({ store: sync.store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() });
  await exporter.run('test');
  await exporter.stop();
  expect(exporter.status().lastError).toBeNull();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await ha?.stop();
  await sync?.close();
});

/**
 * Paris day → kWh as the store holds it: the daily value Enedis publishes, else the sum of the load
 * curve (w watts for `minutes` = w × minutes / 60 Wh).
 */
async function storeDays(): Promise<Map<string, number>> {
  const days = new Map<string, number>();
  for (const r of await sync.store.listCurve(PDL, 'consumption', 0, NOW + DAY)) {
    const d = parisDate(r.start);
    days.set(d, (days.get(d) ?? 0) + (r.w * r.minutes) / 60 / 1000);
  }
  const range = { start: addDays(parisToday(NOW), -60), end: parisToday(NOW) };
  for (const d of await sync.store.listDaily(PDL, 'consumption', range)) days.set(d.date, d.wh / 1000);
  return days;
}

/** Moves the Energy Dashboard's date collection of this dashboard, as the picker's arrows do. */
function movePicker(page: Page, start: number, end: number): Promise<string[]> {
  return page.evaluate(
    ({ start, end }) => {
      const hass = (
        document.querySelector('home-assistant') as unknown as { hass: { connection: Record<string, unknown> } }
      ).hass;
      const keys = Object.keys(hass.connection).filter((k) => k.startsWith('_energy'));
      const c = hass.connection[keys[0]!] as { setPeriod(s: Date, e?: Date): void; refresh(): Promise<unknown> };
      c.setPeriod(new Date(start), new Date(end));
      void c.refresh();
      return keys;
    },
    { start, end },
  );
}

describe('cards in the real Home Assistant frontend', () => {
  it('the add-on path installs the bundle and one resource, and a second run changes nothing', async () => {
    const bundle = await bundleCards(build, ROOT);
    const api = await connectHomeAssistant({ url: ha.url, token: ha.token });
    try {
      const first = await installCards(api, ha.configDir, bundle);
      expect(first).toMatchObject({ file: 'written', resource: 'created', removed: 0 });
      expect(await readFile(join(ha.configDir, 'www', 'myelectricaldata-cards.js'), 'utf8')).toBe(bundle);
      expect(await installCards(api, ha.configDir, bundle)).toMatchObject({ file: 'unchanged', resource: 'kept' });
      const resources = await api.listResources();
      expect(resources.map((r) => [r.url, r.type])).toEqual([[first.url, 'module']]);
      const served = await fetch(`${ha.url}${first.url}`);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe(bundle);
    } finally {
      api.close();
    }
  });

  it('a dashboard with every card opens in Chromium and shows the store values', async () => {
    const cards = [
      { type: 'custom:myelectricaldata-energy-card', pdls: [PDL], energy_date_selection: false },
      {
        type: 'custom:myelectricaldata-energy-card',
        pdls: [PDL],
        metric: 'cost',
        period: 'week',
        count: 4,
        energy_date_selection: false,
      },
      { type: 'energy-date-selection' },
      { type: 'custom:myelectricaldata-energy-card', pdls: [PDL], stack: 'none', title: 'Follows the date picker' },
      { type: 'custom:myelectricaldata-tempo-card' },
      { type: 'custom:myelectricaldata-power-card', pdl: PDL },
      { type: 'custom:myelectricaldata-status-card', pdl: PDL },
    ];
    const res = await fetch(`${ha.url}/api/`, { headers: { authorization: `Bearer ${ha.token}` } });
    expect(res.ok).toBe(true);
    const { createConnection, createLongLivedTokenAuth } = await import('home-assistant-js-websocket');
    const conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
    // A storage-mode dashboard of its own (recent cores open the new "home" dashboard by default).
    await conn.sendMessagePromise({
      type: 'lovelace/dashboards/create',
      url_path: 'med-linky',
      title: 'Linky',
      mode: 'storage',
      show_in_sidebar: true,
      require_admin: false,
    });
    await conn.sendMessagePromise({
      type: 'lovelace/config/save',
      url_path: 'med-linky',
      config: { title: 'Linky', views: [{ title: 'Linky', path: 'linky', cards }] },
    });
    conn.close();

    const context = await browser.newContext({
      viewport: { width: 1280, height: 1800 },
      locale: 'en-GB',
      // A user in France: the browser's zone is Home Assistant's (the date picker shows dates in it).
      timezoneId: 'Europe/Paris',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const tokens = storedTokens(ha, browserTokens);
    await page.addInitScript((t) => localStorage.setItem('hassTokens', JSON.stringify(t)), tokens);
    await page.goto(`${ha.url}/med-linky/linky`);
    const energy = page.locator('myelectricaldata-energy-card').first();
    await energy
      .locator('tr[data-total]')
      .first()
      .waitFor({ state: 'attached', timeout: 90_000 })
      .catch(async (error: unknown) => {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, 'in-home-assistant-failed.png'), fullPage: true });
        throw new Error(`${(error as Error).message}\nurl ${page.url()}\nbrowser errors: ${errors.join('\n')}`);
      });
    const shown = await energy.locator('tr[data-total]').evaluateAll((t) => t.map((r) => r.getAttribute('data-total')));
    const want = await storeDays();
    const days = Array.from({ length: 30 }, (_, i) => parisDate(NOW - (30 - i) * DAY));
    expect(shown).toHaveLength(30);
    expect(days.filter((d) => want.has(d)).length).toBeGreaterThan(25);
    // To the Wh; a day the store lacks (a hole of the simulated gateway) is 0 or has no row.
    shown.forEach((v, i) => {
      expect(Math.abs(Number(v) - (want.get(days[i]!) ?? 0))).toBeLessThanOrEqual(0.001);
    });
    await page.locator('myelectricaldata-status-card li[data-stream]').first().waitFor({ timeout: 60_000 });
    // The newest day the store holds (yesterday once Enedis has published it, in the morning).
    const newest = [...want.keys()].sort().at(-1);
    expect(await page.locator('myelectricaldata-status-card li[data-stream="consumption"] strong').textContent()).toBe(
      newest,
    );
    await page.locator('myelectricaldata-tempo-card .left').waitFor();
    await page.locator('myelectricaldata-power-card ha-card').waitFor();
    await followsThePicker(page, days, want);
    // The harness moves HA's HTTP port, and HA asks to confirm it in a dialog over the dashboard.
    const confirm = page.getByRole('button', { name: 'Confirm' });
    if (await confirm.isVisible()) await confirm.click();
    await page.waitForTimeout(1500);
    if (existsSync(SHOTS) || mkdirSync(SHOTS, { recursive: true })) {
      await page.screenshot({ path: join(SHOTS, 'in-home-assistant.png'), fullPage: true });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The card next to `energy-date-selection` shows the picker's week, then the week before it. */
async function followsThePicker(page: Page, days: string[], want: Map<string, number>): Promise<void> {
  const follower = page.locator('myelectricaldata-energy-card').nth(2);
  await page.locator('hui-energy-date-selection-card').waitFor({ timeout: 60_000 });
  for (const first of [days[23]!, days[16]!]) {
    const week = Array.from({ length: 7 }, (_, i) => addDays(first, i));
    const keys = await movePicker(page, parisMidnightUtc(week[0]!), parisMidnightUtc(addDays(week[6]!, 1)) - 1);
    expect(keys).toEqual(['_energy_med-linky']);
    const deadline = Date.now() + 30_000;
    const dayWord = new RegExp(`\\b${Number(first.slice(8))}\\b`);
    let shown: (string | null)[] = [];
    for (;;) {
      // Labels and values in one read: the card re-renders when the statistics of the new range arrive.
      const table = await follower
        .locator('tr[data-total]')
        .evaluateAll((t) => t.map((r) => [r.querySelector('td')?.textContent ?? '', r.getAttribute('data-total')]));
      shown = table.map(([, v]) => v ?? null);
      // The day of the month as a word of the long label (`Fri 20 November 2026`): not the `20` of `2026`.
      if (table.length === 7 && dayWord.test(table[0]![0]!)) break;
      if (Date.now() > deadline) throw new Error(`the card did not follow the picker to ${first}: ${table.join(' ')}`);
      await page.waitForTimeout(200);
    }
    week.forEach((d, i) => {
      expect(Math.abs(Number(shown[i]) - (want.get(d) ?? 0))).toBeLessThanOrEqual(0.001);
    });
    expect(await follower.locator('.nav').count()).toBe(0);
  }
}
