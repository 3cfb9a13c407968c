/**
 * The status page of a server with `api_token`, in a real browser (Debian's Chromium): it asks for the
 * token once, keeps it in the browser, shows the data and starts a sync with it; without a token it says
 * what is needed instead of "offline".
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { type ApiServer, createApiServer } from '../../../src/api/server.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { silentLogger } from '../../../src/log/logger.js';
import {
  idleStatus,
  NOW,
  openFilledStore,
  PDL_HOME,
  recordingTrigger,
  statusOf,
  type TestStore,
} from '../../api/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'page-token-5f0c2a9e7b31';
type Storage = { getItem(key: string): string | null };
jest.setTimeout(60_000);

let browser: Browser;
let testStore: TestStore;
let api: ApiServer;
let url: string;
const trigger = recordingTrigger();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  testStore = await openFilledStore();
  api = createApiServer({
    store: testStore.store,
    status: statusOf(() => idleStatus()),
    syncTrigger: trigger,
    logger: silentLogger,
    clock: fixedClock(NOW),
    version: '1.2.3',
    token: TOKEN,
  });
  url = await api.listen(0, '127.0.0.1');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await testStore?.cleanup();
});

it('asks for the token once, keeps it, shows the data and syncs with it', async () => {
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  const prompts: string[] = [];
  page.on('dialog', (dialog) => {
    prompts.push(dialog.message());
    void dialog.accept(TOKEN);
  });
  await page.goto(`${url}/`);
  await page.locator(`[data-pdl="${PDL_HOME}"]`).waitFor();
  expect(prompts).toEqual(['This client asks for its API token (api_token):']);
  expect(
    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: Storage }).localStorage.getItem('myelectricaldata.apiToken'),
    ),
  ).toBe(TOKEN);
  await page.reload();
  await page.locator(`[data-pdl="${PDL_HOME}"]`).waitFor();
  expect(prompts).toHaveLength(1);
  // A CSV link downloads with the kept token (a plain link would get 401).
  await page.locator('#charts-card[data-ready]').waitFor();
  const link = page.locator('#charts-card a.csv').first();
  const href = (await link.getAttribute('href'))!;
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const expected = await api.inject({ url: `/${href}`, headers: { authorization: `Bearer ${TOKEN}` } });
  expect(expected.statusCode).toBe(200);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(expected.body);
  expect(expected.body).toContain('2026-11-02,2026-11-03,9050');
  expect(prompts).toHaveLength(1);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.locator('#notice', { hasText: 'Sync started.' }).waitFor();
  expect(trigger.calls).toBe(1);
  await context.close();
});

it('says the token is needed when the prompt is dismissed (French)', async () => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.dismiss());
  await page.goto(`${url}/`);
  await page.locator('#notice', { hasText: 'Le jeton d’API est nécessaire' }).waitFor();
  expect(await page.locator(`[data-pdl="${PDL_HOME}"]`).count()).toBe(0);
  expect(await page.locator('#pill').textContent()).toBe('Jeton requis');
  await page.screenshot({ path: '/tmp/api-status-page-token-fr.png', fullPage: true });
  await context.close();
});
