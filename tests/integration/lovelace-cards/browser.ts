/**
 * The browser side of the cards' Chromium tests: Debian's Chromium through playwright-core, one page per
 * language and theme with the stub `hass` (stub-hass.ts) and the built bundle, and where screenshots go
 * ($ARTIFACTS_DIR/cards, default test-artifacts/cards).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { bundleCards } from '../../../src/cards-delivery/bundle-options.js';
import { maxPowerHistory, NOW, type Rows, STATES, TEMPO_PDL } from './fixtures.js';
import { addCard, installStubHass, type PageFixtures } from './stub-hass.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHOTS = join(process.env.ARTIFACTS_DIR ?? join(ROOT, 'test-artifacts'), 'cards');

export async function launch(): Promise<{ browser: Browser; bundle: string }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  const bundle = await bundleCards(build, ROOT);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return { browser, bundle };
}

export interface PageOptions {
  language: string;
  dark: boolean;
  rows: Rows;
  panelUrl?: string;
  /** Open the page at this address (routed to an empty page) instead of about:blank. */
  url?: string;
}

export async function openPage(
  browser: Browser,
  bundle: string,
  o: PageOptions,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1020, height: 900 }, locale: o.language });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.clock.setFixedTime(NOW);
  const html = '<!doctype html><html><body style="font-family:sans-serif;margin:0"></body></html>';
  if (o.url) {
    await page.route(o.url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(o.url);
  } else await page.setContent(html);
  const fixtures: PageFixtures = {
    rows: o.rows,
    states: STATES,
    history: { [`sensor.linky_${TEMPO_PDL}_max_power`]: maxPowerHistory() },
    language: o.language,
    dark: o.dark,
    panelUrl: o.panelUrl,
  };
  await page.evaluate(installStubHass, fixtures);
  await page.addScriptTag({ content: bundle, type: 'module' });
  return { page, errors };
}

export async function add(page: Page, tag: string, config: Record<string, unknown>): Promise<void> {
  // An inline module script runs after `addScriptTag` resolves: wait until the bundle defined the card.
  await page.evaluate((t) => customElements.whenDefined(t).then(() => true), tag);
  await page.evaluate(addCard, { tag, config });
}

/** The `data-total` of every row of the n-th energy card's hidden table. */
export const tableOf = (page: Page, nth: number, attribute = 'data-total') =>
  page
    .locator('myelectricaldata-energy-card')
    .nth(nth)
    .locator('tr[data-total]')
    .evaluateAll((trs, a) => trs.map((tr) => tr.getAttribute(a)), attribute);
