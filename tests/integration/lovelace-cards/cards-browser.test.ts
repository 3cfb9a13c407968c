/**
 * Every card in a real browser (Debian's Chromium, playwright-core) with a stub `hass` answering from
 * fixtures: English and French, light and dark, the error state; the numbers shown equal the fixtures.
 * Screenshots go to $ARTIFACTS_DIR/cards (default test-artifacts/cards).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localDate } from '../../../lovelace-cards/shared/zoned-time.js';
import { add, launch, openPage, SHOTS, tableOf } from './browser.js';
import {
  dailyRows,
  dayValue,
  HPHC_PDL,
  MISSING_DAY,
  maxPowerHistory,
  NOW,
  sumDays,
  TEMPO_PDL,
  ZONE,
} from './fixtures.js';

const DAY = 86_400_000;

jest.setTimeout(90_000);

let browser: Browser;
let bundle: string;
const rows = dailyRows();
const id = (pdl: string, s: string) => `myelectricaldata:${pdl}_${s}`;
/** The energy card's default day window: 30 days ending yesterday. */
const days = Array.from({ length: 30 }, (_, i) => localDate(NOW - (30 - i) * DAY, ZONE));

beforeAll(async () => {
  ({ browser, bundle } = await launch());
});

afterAll(async () => {
  await browser?.close();
});

const totalsOf = (page: Page, nth: number) => tableOf(page, nth);

describe.each([
  ['en', false],
  ['fr', true],
])('cards in %s (dark: %s)', (language, dark) => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(browser, bundle, { language, dark, rows }));
  });
  afterAll(async () => page?.close());

  it('the energy card stacks the Tempo buckets and its numbers equal the statistics', async () => {
    await add(page, 'myelectricaldata-energy-card', { pdls: [TEMPO_PDL], compare: 'last_year' });
    const card = page.locator('myelectricaldata-energy-card').nth(0);
    await card.locator('tr[data-total]').first().waitFor({ state: 'attached' });
    const shown = (await totalsOf(page, 0)).map(Number);
    expect(shown).toHaveLength(30);
    shown.forEach((v, i) => {
      expect(v).toBeCloseTo(dayValue(rows, id(TEMPO_PDL, 'consumption'), days[i]!)!, 9);
    });
    const total = sumDays(rows, id(TEMPO_PDL, 'consumption'), days[0]!, days[29]!);
    const fmt = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 }).format(
      total,
    );
    await expect(card.locator('.total').textContent()).resolves.toContain(fmt.replace(/\s/g, '\u202f').slice(0, 1));
    expect((await card.locator('.total').textContent())!.replace(/\s/g, '')).toBe(`${fmt.replace(/\s/g, '')}kWh`);
    const legend = await card.locator('.legend li').allTextContents();
    expect(legend.join('|')).toContain(language === 'fr' ? 'Bleu HP' : 'Blue peak');
    expect(legend.join('|')).toContain(language === 'fr' ? "Même période l'an dernier" : 'Same period last year');
    const lastYearFrom = localDate(NOW - 30 * DAY - 364 * DAY, ZONE);
    const lastYearTo = localDate(NOW - DAY - 364 * DAY, ZONE);
    const lyTotal = sumDays(rows, id(TEMPO_PDL, 'consumption'), lastYearFrom, lastYearTo);
    const lyText = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 }).format(
      lyTotal,
    );
    expect((await card.locator('.compare-total').textContent())!.replace(/\s/g, '')).toContain(
      lyText.replace(/\s/g, ''),
    );
    // One statistics call per window: this one and the comparison one.
    const calls = await page.evaluate(
      () => (window as unknown as { wsCalls: { type: string; period?: string }[] }).wsCalls,
    );
    expect(calls.filter((c) => c.type === 'recorder/statistics_during_period')).toHaveLength(2);
  });

  it('the energy card stacks the costs of two PDLs, each with its own split', async () => {
    await add(page, 'myelectricaldata-energy-card', {
      pdls: [HPHC_PDL, TEMPO_PDL],
      metric: 'cost',
      period: 'day',
      count: 7,
    });
    const card = page.locator('myelectricaldata-energy-card').nth(1);
    await card.locator('tr[data-total]').first().waitFor({ state: 'attached' });
    const last7 = days.slice(-7);
    const shown = await totalsOf(page, 1);
    shown.forEach((v, i) => {
      // HP/HC costs of one PDL (none on its missing day) stacked on the other PDL's total cost (it has no
      // per-period cost statistics, so auto mode shows its total).
      const hphc =
        last7[i] === MISSING_DAY
          ? 0
          : (dayValue(rows, id(HPHC_PDL, 'consumption_hp_cost'), last7[i]!) ?? Number.NaN) +
            (dayValue(rows, id(HPHC_PDL, 'consumption_hc_cost'), last7[i]!) ?? Number.NaN);
      const other = dayValue(rows, id(TEMPO_PDL, 'consumption_cost'), last7[i]!)!;
      expect(Number(v)).toBeCloseTo(hphc + other, 9);
    });
    // The day one PDL misses still has the other's cost: not counted as missing.
    expect(await card.locator('.quality').count()).toBe(0);
    expect(days.slice(-7)).toContain(MISSING_DAY);
    expect((await card.locator('.legend li').allTextContents()).join('|')).toContain(
      language === 'fr' ? 'Heures creuses' : 'Off-peak hours',
    );
    await expect(card.locator('.total').textContent()).resolves.toContain('€');
  });

  it('the Tempo card shows the published colours and the days left', async () => {
    await add(page, 'myelectricaldata-tempo-card', { prices: { blue_hp: 0.1609, blue_hc: 0.1296 } });
    const card = page.locator('myelectricaldata-tempo-card');
    await card.locator('.left').waitFor();
    expect(await card.locator('.day.blue').textContent()).toContain(language === 'fr' ? 'Bleu' : 'Blue');
    expect(await card.locator('.day.unknown').textContent()).toContain(
      language === 'fr' ? 'pas encore publié' : 'not yet published',
    );
    expect(await card.locator('.left li').allTextContents()).toEqual(
      language === 'fr' ? ['Bleu: 187', 'Blanc: 31', 'Rouge: 9'] : ['Blue: 187', 'White: 31', 'Red: 9'],
    );
    // 11:00 in Paris: peak hours, blue HP price.
    expect(await card.locator('.now').textContent()).toContain(language === 'fr' ? 'Bleu HP' : 'Blue peak');
    expect((await card.locator('.price').textContent())!).toMatch(/0[.,]1609/);
  });

  it('the power card draws the daily maxima and highlights the days over the threshold', async () => {
    await add(page, 'myelectricaldata-power-card', { pdl: TEMPO_PDL, threshold: 80 });
    const card = page.locator('myelectricaldata-power-card');
    await card.locator('tr[data-va]').first().waitFor({ state: 'attached' });
    const history = maxPowerHistory();
    const shown = await card.locator('tr[data-va]').evaluateAll((t) => t.map((r) => Number(r.getAttribute('data-va'))));
    expect(shown).toEqual(history.map((h) => Number(h.s)));
    const over = history.filter((h) => Number(h.s) >= 4800).length;
    expect(await card.locator('p.over').textContent()).toContain(String(over));
    expect(await card.locator('g.bar.over').count()).toBe(over);
    expect(await card.locator('.subscribed').textContent()).toContain('6 kVA');
  });

  it('the status card shows the last sync, the newest day per stream and the error', async () => {
    await add(page, 'myelectricaldata-status-card', { pdl: TEMPO_PDL });
    const card = page.locator('myelectricaldata-status-card');
    await card.locator('li[data-stream]').first().waitFor();
    expect(await card.locator('li[data-stream="consumption"] strong').textContent()).toBe('2026-03-14');
    expect(await card.locator('.error').textContent()).toContain('503');
    expect(await card.locator('.last-sync').textContent()).toMatch(/08:12/);
  });

  it('a wrong config is explained inside the card', async () => {
    await add(page, 'myelectricaldata-energy-card', { pdls: ['1234'], period: 'decade' });
    const alert = page.locator('myelectricaldata-energy-card').nth(2).locator('[role=alert]');
    const text = await alert.textContent();
    expect(text).toContain(language === 'fr' ? 'Erreur de configuration' : 'Card configuration error');
    expect(text).toContain('pdls.0: a PDL is 14 digits');
    expect(text).toContain('period: expected one of hour, day, week, month, year');
  });

  it('the editors render ha-form with their fields and send config-changed', async () => {
    const result = await page.evaluate(async () => {
      const Card = customElements.get('myelectricaldata-energy-card') as unknown as {
        getConfigElement(): Promise<HTMLElement>;
      };
      const ed = (await Card.getConfigElement()) as HTMLElement & {
        setConfig(c: unknown): void;
        hass: unknown;
        updateComplete: Promise<unknown>;
      };
      ed.hass = (window as unknown as { hass: unknown }).hass;
      ed.setConfig({ type: 'custom:myelectricaldata-energy-card', pdls: ['12345678901234'] });
      document.body.append(ed);
      await ed.updateComplete;
      const form = ed.shadowRoot!.querySelector('ha-form')!;
      let sent: unknown = null;
      ed.addEventListener('config-changed', (e) => (sent = (e as CustomEvent).detail.config));
      form.dispatchEvent(
        new CustomEvent('value-changed', {
          detail: {
            value: {
              type: 'custom:myelectricaldata-energy-card',
              statistics: ['myelectricaldata:98765432109876_consumption'],
              period: 'month',
            },
          },
        }),
      );
      const stub = await (
        customElements.get('myelectricaldata-energy-card') as unknown as { getStubConfig(h: unknown): Promise<unknown> }
      ).getStubConfig((window as unknown as { hass: unknown }).hass);
      ed.remove();
      return { fields: form.getAttribute('data-fields'), sent, stub };
    });
    expect(result.fields).toContain('statistics');
    expect(result.fields).toContain('compare');
    expect(result.sent).toEqual({
      type: 'custom:myelectricaldata-energy-card',
      pdls: ['98765432109876'],
      period: 'month',
    });
    expect(result.stub).toEqual({ pdls: [TEMPO_PDL], period: 'day' });
    const picker = await page.evaluate(() =>
      (window as unknown as { customCards: { type: string }[] }).customCards.map((c) => c.type),
    );
    expect(picker).toEqual([
      'myelectricaldata-energy-card',
      'myelectricaldata-tempo-card',
      'myelectricaldata-power-card',
      'myelectricaldata-status-card',
    ]);
  });

  it('no console error, and a screenshot for the docs', async () => {
    const theme = dark ? 'dark' : 'light';
    await page.screenshot({ path: join(SHOTS, `cards-${language}-${theme}.png`), fullPage: true });
    for (const tag of ['energy', 'tempo', 'power', 'status']) {
      const card = page.locator(`myelectricaldata-${tag}-card`).first();
      await card.screenshot({ path: join(SHOTS, `${tag}-card-${language}-${theme}.png`) });
    }
    expect(errors).toEqual([]);
  });
});
