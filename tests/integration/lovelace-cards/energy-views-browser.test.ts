/**
 * The energy card's quality, production and date-picker views in Chromium. Day quality comes from the
 * real local API (its aggregate route on a real SQLite store) at the page's own origin: one day held
 * only as a load curve (derived), one day not held at all (Home Assistant has a zero row for it, as the
 * exporter writes every hour of its span). The date picker is Home Assistant's energy collection as the
 * frontend keeps it on the connection (`_energy_<panel url>`), created after the card, then moved.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatValue } from '../../../lovelace-cards/shared/format.js';
import { localDate, zonedTime } from '../../../lovelace-cards/shared/zoned-time.js';
import { type ApiServer, createApiServer } from '../../../src/api/server.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, parisMidnightUtc } from '../../../src/domain/time.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { idleStatus, recordingTrigger, statusOf } from '../../api/fixtures.js';
import { usagePoint } from '../../store/fixtures.js';
import { add, launch, openPage, SHOTS, tableOf } from './browser.js';
import { dailyRows, dayValue, NOW, sumDays, TEMPO_PDL, ZONE } from './fixtures.js';
import { installEnergyCollection, moveEnergyPeriod } from './stub-energy-collection.js';

jest.setTimeout(90_000);

const DAY = 86_400_000;
const DERIVED_DAY = '2026-03-03';
const GAP_DAY = '2026-03-08';
const days = Array.from({ length: 30 }, (_, i) => localDate(NOW - (30 - i) * DAY, ZONE));
const id = (s: string) => `myelectricaldata:${TEMPO_PDL}_${s}`;
const rows = dailyRows();
// The exporter writes zeros for the hours of a day it does not hold (the span is dense).
for (const r of rows[id('consumption')]!) if (localDate(r.start, ZONE) === GAP_DAY) r.change = 0;

let browser: Browser;
let bundle: string;
let store: Store;
let api: ApiServer;
let apiUrl: string;
let dir: string;
/** An address where nothing listens (a port just released). */
let closedUrl: string;

beforeAll(async () => {
  ({ browser, bundle } = await launch());
  dir = mkdtempSync(join(tmpdir(), 'med-cards-quality-'));
  store = await openStore({ dataDir: dir, logger: memoryLogger() });
  await store.upsertUsagePoints([usagePoint(TEMPO_PDL)], NOW);
  const held = days.filter((d) => d !== DERIVED_DAY && d !== GAP_DAY);
  await store.upsertDaily(
    TEMPO_PDL,
    'consumption',
    held.map((date) => ({ date, wh: Math.round(dayValue(rows, id('consumption'), date)! * 1000) })),
  );
  const from = parisMidnightUtc(DERIVED_DAY);
  const curve = Array.from({ length: 48 }, (_, i) => ({ start: from + i * 1_800_000, minutes: 30, w: 700 }));
  expect(parisMidnightUtc(addDays(DERIVED_DAY, 1)) - from).toBe(48 * 1_800_000);
  await store.upsertCurve(TEMPO_PDL, 'consumption', curve);
  const logger = memoryLogger();
  const status = statusOf(() => idleStatus());
  api = createApiServer({
    store,
    status,
    syncTrigger: recordingTrigger(),
    logger,
    clock: fixedClock(NOW),
    version: 't',
  });
  apiUrl = await api.listen(0, '127.0.0.1');
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((ok) => probe.close(ok));
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Waits until the n-th card's table has `n` rows (the card follows the picker asynchronously). */
async function rowsBecome(page: Page, nth: number, n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await tableOf(page, nth)).length !== n) {
    if (Date.now() > deadline)
      throw new Error(`card ${nth} still shows ${(await tableOf(page, nth)).length} bars, not ${n}`);
    await page.waitForTimeout(50);
  }
}

const card = (page: Page, nth: number) => page.locator('myelectricaldata-energy-card').nth(nth);
const ready = (page: Page, nth: number) =>
  card(page, nth).locator('tr[data-total]').first().waitFor({ state: 'attached' });

describe.each([
  ['en', false],
  ['fr', true],
])('energy views in %s (dark: %s)', (language, dark) => {
  let page: Page;
  let errors: string[];
  const fr = language === 'fr';

  beforeAll(async () => {
    ({ page, errors } = await openPage(browser, bundle, {
      language,
      dark,
      rows,
      url: `${apiUrl}/cards-test`,
      panelUrl: 'linky',
    }));
  });
  afterAll(async () => page?.close());

  it('with the local API, days derived from the load curve and missing days are marked', async () => {
    await add(page, 'myelectricaldata-energy-card', {
      pdls: [TEMPO_PDL],
      stack: 'none',
      api_url: apiUrl,
      energy_date_selection: false,
    });
    await card(page, 0).locator('.quality-total').waitFor();
    const quality = await tableOf(page, 0, 'data-quality');
    expect(quality).toEqual(days.map((d) => (d === DERIVED_DAY ? 'derived' : d === GAP_DAY ? 'incomplete' : '')));
    const totals = (await tableOf(page, 0)).map(Number);
    totals.forEach((v, i) => {
      expect(v).toBeCloseTo(dayValue(rows, id('consumption'), days[i]!)!, 9);
    });
    expect(await card(page, 0).locator('g.bar.derived').count()).toBe(1);
    expect(await card(page, 0).locator('g.bar.incomplete > rect.missing').count()).toBe(1);
    expect(await card(page, 0).locator('.quality-total').textContent()).toBe(
      fr
        ? 'Calculés depuis la courbe de charge : 1 jour · manquants : 1 jour'
        : 'Derived from the load curve: 1 day · missing: 1 day',
    );
    const legend = (await card(page, 0).locator('.legend li').allTextContents()).join('|');
    expect(legend).toContain(fr ? 'Calculé depuis la courbe de charge' : 'Derived from the load curve');
    expect(legend).toContain(fr ? 'Jours manquants' : 'Missing days');
    const gapRow = card(page, 0).locator('tr[data-quality="incomplete"] td').first();
    expect(await gapRow.textContent()).toContain(fr ? 'manquants : 1 jour' : 'missing: 1 day');
    await card(page, 0).screenshot({ path: join(SHOTS, `energy-quality-${language}-${dark ? 'dark' : 'light'}.png`) });
  });

  it('without the API only days without statistics count; an unreachable API is said', async () => {
    await add(page, 'myelectricaldata-energy-card', { pdls: [TEMPO_PDL], stack: 'none', energy_date_selection: false });
    await add(page, 'myelectricaldata-energy-card', {
      pdls: [TEMPO_PDL],
      api_url: closedUrl,
      energy_date_selection: false,
    });
    await ready(page, 1);
    await card(page, 2).locator('.api-note').waitFor();
    expect(new Set(await tableOf(page, 1, 'data-quality'))).toEqual(new Set(['']));
    expect(await card(page, 1).locator('.quality-total, .legend-derived, .api-note').count()).toBe(0);
    expect(await card(page, 2).locator('.api-note').textContent()).toContain(
      fr ? 'API locale injoignable' : 'Local API not reachable',
    );
  });

  it('both: production beside consumption and the net, from the two statistics', async () => {
    await add(page, 'myelectricaldata-energy-card', {
      pdls: [TEMPO_PDL],
      direction: 'both',
      stack: 'none',
      count: 14,
      energy_date_selection: false,
    });
    await ready(page, 3);
    const last = days.slice(-14);
    const prod = (await tableOf(page, 3, 'data-production')).map(Number);
    const net = (await tableOf(page, 3, 'data-net')).map(Number);
    last.forEach((d, i) => {
      expect(prod[i]).toBeCloseTo(dayValue(rows, id('production'), d)!, 9);
      expect(net[i]).toBeCloseTo(dayValue(rows, id('consumption'), d)! - dayValue(rows, id('production'), d)!, 9);
    });
    expect(await card(page, 3).locator('rect.side').count()).toBe(14);
    const p = formatValue(sumDays(rows, id('production'), last[0]!, last[13]!), 'energy', fr ? 'fr-FR' : 'en-GB');
    const shownTotal = await card(page, 3).locator('.production-total').textContent();
    expect(shownTotal!.replace(/\s/g, '')).toContain(p.replace(/\s/g, ''));
    expect(await card(page, 3).locator('.net-total').textContent()).toContain(
      fr ? 'Net (consommation − production)' : 'Net (consumption − production)',
    );
    await card(page, 3).screenshot({ path: join(SHOTS, `energy-both-${language}-${dark ? 'dark' : 'light'}.png`) });
  });

  it('follows the energy date picker, even when its collection appears after the card', async () => {
    await add(page, 'myelectricaldata-energy-card', { pdls: [TEMPO_PDL], stack: 'none' });
    await ready(page, 4);
    expect(await tableOf(page, 4)).toHaveLength(30);
    const week = [zonedTime(ZONE, 2026, 3, 2), zonedTime(ZONE, 2026, 3, 9) - 1];
    await page.evaluate(installEnergyCollection, { key: '_energy_linky', start: week[0]!, end: week[1]! });
    await rowsBecome(page, 4, 7);
    const shown = (await tableOf(page, 4)).map(Number);
    shown.forEach((v, i) => {
      expect(v).toBeCloseTo(dayValue(rows, id('consumption'), `2026-03-0${i + 2}`)!, 9);
    });
    expect(await card(page, 4).locator('.nav').count()).toBe(0);
    // A quarter: the bars become weeks (Monday to Sunday), like the Energy Dashboard's.
    await page.evaluate(moveEnergyPeriod, {
      key: '_energy_linky',
      start: zonedTime(ZONE, 2025, 12, 1),
      end: zonedTime(ZONE, 2026, 3, 1) - 1,
    });
    await rowsBecome(page, 4, 13);
    const weeks = (await tableOf(page, 4)).map(Number);
    expect(weeks[0]).toBeCloseTo(sumDays(rows, id('consumption'), '2025-12-01', '2025-12-07'), 9);
    expect(weeks[12]).toBeCloseTo(sumDays(rows, id('consumption'), '2026-02-23', '2026-03-01'), 9);
    // Another week: same bar width, other days.
    await page.evaluate(moveEnergyPeriod, {
      key: '_energy_linky',
      start: zonedTime(ZONE, 2026, 2, 2),
      end: zonedTime(ZONE, 2026, 2, 9) - 1,
    });
    await rowsBecome(page, 4, 7);
    const feb = (await tableOf(page, 4)).map(Number);
    feb.forEach((v, i) => {
      expect(v).toBeCloseTo(dayValue(rows, id('consumption'), `2026-02-0${i + 2}`)!, 9);
    });
  });

  it('no console error but the refused connection', () => {
    // The browser reports the refused connection of the unreachable API, nothing else.
    expect(errors).toEqual(['Failed to load resource: net::ERR_CONNECTION_REFUSED']);
  });
});
