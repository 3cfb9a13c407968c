/**
 * The cards inside the real Home Assistant frontend: the statistics exporter imports a month of load
 * curve from a real SQLite store, the add-on delivery path (installCards) writes the bundle into `www`
 * and registers the dashboard resource, a storage-mode dashboard holding every card is saved over the
 * websocket API, and headless Chromium (logged in by the frontend's stored tokens) opens it. The energy
 * card's numbers equal the store's daily energy; the browser console shows no error.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { bundleCards } from '../../../src/cards-delivery/bundle-options.js';
import { installCards } from '../../../src/cards-delivery/install-cards.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { parisDate, parisMidnightUtc } from '../../../src/domain/time.js';
import type { CurveReading, UsagePoint } from '../../../src/domain/types.js';
import { connectHomeAssistant } from '../../../src/exporters/home-assistant/ha-client.js';
import { HomeAssistantExporter } from '../../../src/exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../../../src/exporters/home-assistant/options.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { SyncEvents } from '../../../src/sync/events.js';
import { usagePoint as storeFixturePoint } from '../../store/fixtures.js';
import { type HomeAssistantInstance, haRest, startHomeAssistant } from '../home-assistant/harness/ha.js';

jest.setTimeout(400_000);

const PDL = '33333333333333';
const HOUR = 3_600_000;
const DAY = 86_400_000;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHOTS = join(process.env.ARTIFACTS_DIR ?? join(ROOT, 'test-artifacts'), 'cards');
const NOW = Date.now();

let ha: HomeAssistantInstance;
let store: Store;
let dir: string;
let browser: Browser;
let browserTokens: { access_token: string; refresh_token: string; expires_in: number };

/** Home Assistant's login flow, as the frontend runs it: user name and password, code, tokens. */
async function loginFlow(instance: HomeAssistantInstance) {
  const clientId = `${instance.url}/`;
  const post = async (p: string, body: unknown) => {
    const r = await fetch(`${instance.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${p} answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const flow = await post('/auth/login_flow', {
    client_id: clientId,
    handler: ['homeassistant', null],
    redirect_uri: `${clientId}?auth_callback=1`,
  });
  const done = await post(`/auth/login_flow/${String(flow.flow_id)}`, {
    client_id: clientId,
    username: 'test',
    password: 'test-pass-1234',
  });
  const r = await fetch(`${instance.url}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: String(done.result), client_id: clientId }),
  });
  if (!r.ok) throw new Error(`/auth/token answered ${r.status}`);
  return (await r.json()) as { access_token: string; refresh_token: string; expires_in: number };
}

function usagePoint(pdl: string): UsagePoint {
  return storeFixturePoint(pdl, { name: null, activationDate: '2020-01-01', oldestAvailableDataDate: '2020-01-01' });
}

/** 40 days of half-hours ending at today's Paris midnight. */
function curve(): CurveReading[] {
  const out: CurveReading[] = [];
  const end = parisMidnightUtc(parisDate(NOW));
  for (let t = end - 40 * DAY, i = 0; t < end; t += HOUR / 2, i++)
    out.push({ start: t, minutes: 30, w: 150 + ((i * 37) % 1700) });
  return out;
}

beforeAll(async () => {
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
  dir = mkdtempSync(path.join(tmpdir(), 'ha-cards-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(PDL)], NOW);
  await store.upsertCurve(PDL, 'consumption', curve());
  const exporter = new HomeAssistantExporter(
    parseHomeAssistantExporterOptions({
      url: ha.url,
      token: ha.token,
      prices: { hcKwh: 0.2, hpKwh: 0.3 },
      retryDelaysMs: [60_000],
    }),
  );
  await exporter.start({ store, events: new SyncEvents(), clock: fixedClock(NOW), logger: memoryLogger() });
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
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Paris day → kWh, from the store's readings (w watts for 30 minutes = w/2 Wh). */
async function storeDays(): Promise<Map<string, number>> {
  const readings = await store.listCurve(PDL, 'consumption', 0, NOW + DAY);
  const days = new Map<string, number>();
  for (const r of readings) days.set(parisDate(r.start), (days.get(parisDate(r.start)) ?? 0) + r.w / 2 / 1000);
  return days;
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
      { type: 'custom:myelectricaldata-energy-card', pdls: [PDL], metric: 'cost', period: 'week', count: 4 },
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

    const context = await browser.newContext({ viewport: { width: 1280, height: 1800 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const tokens = {
      hassUrl: ha.url,
      clientId: `${ha.url}/`,
      access_token: browserTokens.access_token,
      refresh_token: browserTokens.refresh_token,
      token_type: 'Bearer',
      expires_in: browserTokens.expires_in,
      expires: Date.now() + browserTokens.expires_in * 1000,
    };
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
    shown.forEach((v, i) => {
      expect(Number(v)).toBeCloseTo(want.get(days[i]!)!, 6);
    });
    await page.locator('myelectricaldata-status-card li[data-stream]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('myelectricaldata-status-card li[data-stream="consumption"] strong').textContent()).toBe(
      days[29],
    );
    await page.locator('myelectricaldata-tempo-card .left').waitFor();
    await page.locator('myelectricaldata-power-card ha-card').waitFor();
    await page.waitForTimeout(1500);
    if (existsSync(SHOTS) || mkdirSync(SHOTS, { recursive: true })) {
      await page.screenshot({ path: join(SHOTS, 'in-home-assistant.png'), fullPage: true });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
