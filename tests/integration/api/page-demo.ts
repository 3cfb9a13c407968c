/**
 * The program the page tests browse: the gateway simulator synced into a real SQLite store (the demo's
 * data: the HC/HP house with 9 kVA and the solar PDL), served by the real API with prices set, and a
 * Chromium with a fresh context per view. Screenshots go to $ARTIFACTS_DIR/page (default test-artifacts/page).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ApiServer, createApiServer } from '../../../src/api/server.js';
import { loadConfig, redactConfig } from '../../../src/config/index.js';
import type { Prices } from '../../../src/domain/tariff.js';
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { PRM } from '../../../src/gateway/simulator/pdl-catalog.js';
import { silentLogger } from '../../../src/log/logger.js';
import { createStatusProvider } from '../../../src/sync/status-provider.js';
import { type Harness, startHarness } from '../sync/harness.js';

export const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
export const TODAY = '2026-11-27';
export const HOUSE = PRM.house;
export const SOLAR = PRM.newHouseSolar;
export const PRICES: Prices = { hcKwh: 0.2068, hpKwh: 0.27, productionKwh: 0.1276 };
/** The client secret of the shown configuration: the page must never show it. */
export const DEMO_SECRET = 'demo-client-secret-never-shown';
const demoConfig = async () =>
  redactConfig(
    (
      await loadConfig({
        env: {
          CLIENT_SECRET: DEMO_SECRET,
          PRICE_HC_KWH: '0.2068',
          PRICE_HP_KWH: '0.27',
          DATA_DIR: '/tmp/med-page-demo',
        },
        optionsFile: '/nonexistent/options.json',
        fs: { exists: () => false, read: () => '' },
      })
    ).config,
  );
export const SHOTS = join(process.env.ARTIFACTS_DIR ?? join(__dirname, '../../../test-artifacts'), 'page');

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

export interface Demo {
  harness: Harness;
  api: ApiServer;
  url: string;
  browser: Browser;
  /** A JSON answer of the API, read without the browser. */
  json<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * The demo: `prices` replace the HC/HP prices, and `prepare` changes the synced store before the API
 * serves it (e.g. a PDL moved to Tempo).
 */
export async function startDemo(
  o: { prices?: Prices; prepare?: (store: Demo['harness']['store']) => Promise<void> } = {},
): Promise<Demo> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  const harness = await startHarness(NOW, {}, [HOUSE, SOLAR]);
  const run = await harness.engine.run('full');
  if (run.status !== 'ok') throw new Error(`the demo sync ended ${run.status}`);
  await o.prepare?.(harness.store);
  const status = createStatusProvider({
    store: harness.store,
    engine: harness.engine,
    client: null,
    clock: harness.clock,
    selection: [HOUSE, SOLAR],
    names: {},
    schedule: () => ({ nextDailySync: NOW + 6 * 3_600_000, nextTempo: null, nextEcoWatt: null }),
  });
  const api = createApiServer({
    store: harness.store,
    status,
    syncTrigger: harness.engine,
    logger: silentLogger,
    clock: harness.clock,
    version: '1.2.3',
    prices: o.prices ?? PRICES,
    config: await demoConfig(),
  });
  const url = await api.listen(0, '127.0.0.1');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    harness,
    api,
    url,
    browser,
    async json<T>(path: string) {
      const res = await api.inject(path);
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
      return res.json() as T;
    },
    async close() {
      await browser.close();
      await api.close();
      await harness.close();
    },
  };
}

export interface View {
  page: Page;
  problems: string[];
  close(): Promise<void>;
}

/** Opens the page and waits until the overviews, the charts and the Tempo calendar are drawn. */
export async function openPage(
  demo: Demo,
  address: string,
  o: { locale?: string; width?: number; dark?: boolean; onRequest?: (url: string) => void } = {},
): Promise<View> {
  const context = await demo.browser.newContext({
    locale: o.locale ?? 'en-GB',
    viewport: { width: o.width ?? 1200, height: 900 },
    colorScheme: o.dark ? 'dark' : 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('request', (r) => o.onRequest?.(r.url()));
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  await page.goto(address);
  await page.locator(`[data-overview="${HOUSE}"][data-ready]`).waitFor();
  await page.locator('#charts-card[data-ready]').waitFor();
  await page.locator('#tempo-card[data-ready]').waitFor();
  return { page, problems, close: () => context.close() };
}
