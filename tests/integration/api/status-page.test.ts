/**
 * The status page in a real browser (Debian's Chromium, driven by playwright-core; no browser download):
 * served directly, under a path prefix, and behind an ingress-like proxy with `X-Ingress-Path`.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ApiServer, createApiServer } from '../../../src/api/server.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { silentLogger } from '../../../src/log/logger.js';
import type { SyncStatus } from '../../../src/sync/status.js';
import {
  idleStatus,
  NOW,
  openFilledStore,
  PDL_HOME,
  PDL_SOLAR,
  recordingTrigger,
  statusOf,
  type TestStore,
} from '../../api/fixtures.js';
import { type PrefixProxy, startPrefixProxy } from './prefix-proxy.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

jest.setTimeout(60_000);

const running = (): SyncStatus =>
  idleStatus({
    running: true,
    progress: {
      startedAt: NOW - 30_000,
      done: 3,
      total: 12,
      percent: 25,
      etaMs: 240_000,
      pdl: PDL_HOME,
      stream: 'consumption_curve',
      message: 'Fetching the consumption curve of Maison',
    },
  });

let browser: Browser;
let testStore: TestStore;
let api: ApiServer;
let url: string;
let status: SyncStatus;
const trigger = recordingTrigger();
const proxies: PrefixProxy[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  testStore = await openFilledStore();
  status = idleStatus();
  const realStart = trigger.start.bind(trigger);
  trigger.start = () => {
    const outcome = realStart();
    if (outcome === 'started') status = running();
    return outcome;
  };
  api = createApiServer({
    store: testStore.store,
    status: statusOf(() => status),
    syncTrigger: trigger,
    logger: silentLogger,
    clock: fixedClock(NOW),
    version: '1.2.3',
    ingress: { enabled: true, allowedAddresses: ['127.0.0.1'] },
    // Several tests press "Sync now" on the same server and frozen clock: no cool-down between them.
    manualSyncCooldownMs: 0,
  });
  url = await api.listen(0, '127.0.0.1');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  for (const p of proxies) await p.close();
  await api?.close();
  await testStore?.cleanup();
});

beforeEach(() => {
  status = idleStatus();
  trigger.running = false;
});

async function open(address: string, options: { locale?: string; width?: number } = {}) {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    viewport: { width: options.width ?? 1200, height: 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    // No price is configured here: the page's cost requests get the API's 404 `no_price`, which it expects.
    if (msg.type() === 'error' && !msg.location().url.includes('/cost?')) problems.push(msg.text());
  });
  await page.goto(address);
  await page.locator(`[data-pdl="${PDL_HOME}"]`).waitFor();
  return { page, problems, close: () => context.close() };
}

/** The text as the user sees it (layout and CSS applied, e.g. upper-cased labels). */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the test checks
const text = (page: Page, selector: string) => page.locator(selector).innerText();

it('shows the PDLs, the data held and the schedule', async () => {
  const { page, problems, close } = await open(`${url}/`);
  expect(await text(page, '#pill')).toBe('Up to date');
  const card = await text(page, `[data-pdl="${PDL_HOME}"]`);
  expect(card).toContain('Maison');
  expect(await text(page, `[data-overview-card="${PDL_HOME}"]`)).toContain(
    '9 kVA · HC_HP · off-peak 22:00–06:00 · 75001 PARIS · SERVC',
  );
  expect(card).toContain('Daily consumption');
  expect(card).toContain('1 Nov 2026 → 3 Nov 2026 · 3 days');
  expect(card).toMatch(/Contract\s+stored, refreshed daily/);
  expect(await text(page, '#facts')).toContain('27 Nov 2026, 18:00 in 6 hours');
  expect(await text(page, '#version')).toBe('v1.2.3');
  await page.screenshot({ path: '/tmp/api-status-page.png', fullPage: true });
  expect(problems).toEqual([]);
  await close();
});

const failing = (): SyncStatus => {
  const s = idleStatus({
    lastRunOk: false,
    lastError: {
      code: 'quota_exhausted',
      message: 'the gateway quota is used up: the sync resumes at 00:00 UTC',
      at: NOW - 600_000,
    },
    quota: { cachedUsed: 500, cachedLimit: 500, noCacheUsed: 50, noCacheLimit: 50, pausedUntil: NOW + 46_800_000 },
    global: [
      {
        stream: 'tempo',
        lastSuccessAt: NOW - 900_000,
        lastAttemptAt: NOW - 900_000,
        lastError: null,
        dataRange: { start: '2025-09-01', end: '2026-11-29' },
        missingDays: 0,
        givenUpDays: 0,
      },
      {
        stream: 'ecowatt',
        lastSuccessAt: null,
        lastAttemptAt: NOW - 600_000,
        lastError: 'EcoWatt is not available from the gateway right now',
        dataRange: null,
        missingDays: 0,
        givenUpDays: 0,
      },
    ],
  });
  s.pdls[0]!.streams.push({
    stream: 'consumption_curve',
    lastSuccessAt: NOW - 90_000_000,
    lastAttemptAt: NOW - 600_000,
    lastError: 'the gateway quota is used up',
    dataRange: { start: '2026-03-29', end: '2026-11-03' },
    missingDays: 4,
    givenUpDays: 1,
  });
  s.pdls.push({
    pdl: PDL_SOLAR,
    name: null,
    isActive: true,
    hasConsumption: false,
    hasProduction: true,
    selected: false,
    streams: [],
  });
  return s;
};

it('shows the last errors, the pause and every PDL', async () => {
  status = failing();
  const { page, problems, close } = await open(`${url}/`);
  expect(await text(page, '#pill')).toBe('Last sync failed');
  const errors = await text(page, '#errors-card');
  expect(errors).toContain('the gateway quota is used up: the sync resumes at 00:00 UTC');
  expect(errors).toContain('Maison · Consumption curve: the gateway quota is used up');
  expect(errors).toContain('EcoWatt: EcoWatt is not available from the gateway right now');
  expect(await text(page, '#facts')).toContain('PAUSED UNTIL');
  expect(await text(page, `[data-pdl="${PDL_HOME}"]`)).toContain('4 missing days · 1 given up');
  expect(await text(page, `[data-pdl="${PDL_SOLAR}"]`)).toContain('not synchronised');
  await page.screenshot({ path: '/tmp/api-status-page-errors.png', fullPage: true });
  expect(problems).toEqual([]);
  await close();
});

it('starts a sync with "Sync now", shows its progress and refreshes until it ends', async () => {
  const { page, problems, close } = await open(`${url}/`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.locator('#notice', { hasText: 'Sync started.' }).waitFor();
  await page.locator('#pill', { hasText: 'Syncing 25 %' }).waitFor();
  expect(await page.locator('#progress').isVisible()).toBe(true);
  expect(await text(page, '#progress-text')).toBe(
    '3 / 12 · 25 % · about 4 min left · 12345678901234 · Consumption curve',
  );
  expect(await page.getByRole('button', { name: 'Syncing…' }).isDisabled()).toBe(true);
  expect(trigger.calls).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: '/tmp/api-status-page-syncing.png', fullPage: true });
  status = idleStatus(); // the sync ends; the page polls every 2 s while running
  await page.locator('#pill', { hasText: 'Up to date' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('#progress').isVisible()).toBe(false);
  expect(problems).toEqual([]);
  await close();
});

it('works under a path prefix without trailing slash, with relative links only', async () => {
  const proxy = await startPrefixProxy(url, '/addons/med', false);
  proxies.push(proxy);
  const { page, problems, close } = await open(proxy.url);
  expect(new URL(page.url()).pathname).toBe('/addons/med/');
  expect(await text(page, '#pill')).toBe('Up to date');
  const href = await page
    .locator('footer a')
    .first()
    .evaluate((a) => (a as unknown as { href: string }).href);
  expect(href).toBe(`${proxy.url}/api/status`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.locator('#pill', { hasText: 'Syncing 25 %' }).waitFor();
  expect(problems).toEqual([]);
  await close();
});

it('behind an ingress proxy with X-Ingress-Path, in French, on a phone', async () => {
  const proxy = await startPrefixProxy(url, '/api/hassio_ingress/t0k3n', true);
  proxies.push(proxy);
  const { page, problems, close } = await open(`${proxy.url}/`, { locale: 'fr-FR', width: 390 });
  expect(await page.locator('base').getAttribute('href')).toBe('/api/hassio_ingress/t0k3n/');
  expect(await text(page, '#pill')).toBe('À jour');
  expect(await text(page, `[data-pdl="${PDL_HOME}"]`)).toContain('Consommation journalière');
  await page.screenshot({ path: '/tmp/api-status-page-fr-mobile.png', fullPage: true });
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await page.locator('#notice', { hasText: 'Synchronisation lancée.' }).waitFor();
  expect(problems).toEqual([]);
  await close();
});

const withExporters = (): SyncStatus =>
  idleStatus({
    exporters: [
      {
        name: 'mqtt',
        state: 'ok',
        lastRunAt: NOW - 120_000,
        lastSuccessAt: NOW - 120_000,
        lastResult: { reason: 'sync-finished', states: 24, configsSent: 3 },
        lastError: null,
      },
      {
        name: 'home-assistant',
        state: 'error',
        lastRunAt: NOW - 60_000,
        lastSuccessAt: null,
        lastResult: { reason: 'sync-finished' },
        lastError: 'Home Assistant refused the token: set ha_token',
      },
    ],
  });

it('shows the exporters, in English and in French', async () => {
  const { page, problems, close } = await open(`${url}/`);
  expect(await page.locator('#exporters-card').isVisible()).toBe(false);
  await close();
  status = withExporters();
  for (const [locale, words] of [
    ['en-GB', ['Exporters\n', 'Home Assistant statistics', 'LAST RUN', 'states 24 · configsSent 3', '✓ OK']],
    ['fr-FR', ['Exportations\n', 'Statistiques Home Assistant', 'DERNIÈRE EXÉCUTION', 'jamais']],
  ] as const) {
    const view = await open(`${url}/`, { locale });
    const card = await text(view.page, '#exporters-card');
    for (const w of words) expect(card).toContain(w);
    expect(await text(view.page, '[data-exporter="home-assistant"]')).toContain(
      'Home Assistant refused the token: set ha_token',
    );
    expect(view.problems).toEqual([]);
    await view.page.screenshot({ path: `/tmp/api-status-page-exporters-${locale}.png`, fullPage: true });
    await view.close();
  }
  expect(problems).toEqual([]);
});
