/**
 * The visual editors of the Tempo, power and status cards in Chromium, in English and French: each is
 * loaded only by `getConfigElement`, gives `ha-form` its fields with their labels in the user's
 * language, sends `config-changed` with the edited config; screenshots for review.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, SHOTS } from './browser.js';
import { dailyRows, TEMPO_PDL } from './fixtures.js';

jest.setTimeout(90_000);

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  ({ browser, bundle } = await launch());
});
afterAll(async () => browser?.close());

interface Case {
  card: string;
  config: Record<string, unknown>;
  fields: string;
  edit: Record<string, unknown>;
  en: string[];
  fr: string[];
}

const CASES: Case[] = [
  {
    card: 'tempo',
    config: { offpeak: ['23:00-07:00'] },
    fields: 'title,offpeak,prices',
    edit: { title: 'Mon Tempo', offpeak: ['22:30-06:30'], prices: { blue_hp: 0.1609 } },
    en: ['Title', 'Off-peak hours (e.g. 22:00-06:00)', 'Prices per kWh (blue_hp, blue_hc … red_hc)'],
    fr: ['Titre', 'Heures creuses (ex. 22:00-06:00)', 'Prix du kWh (blue_hp, blue_hc … red_hc)'],
  },
  {
    card: 'power',
    config: { pdl: TEMPO_PDL, threshold: 90 },
    fields: 'title,pdl,days,threshold',
    edit: { pdl: TEMPO_PDL, threshold: 75, days: '' },
    en: ['Title', 'PDL', 'Days shown', 'Highlight above (% of subscribed)'],
    fr: ['Titre', 'PDL', 'Jours affichés', 'Surligner au-delà (% de la souscrite)'],
  },
  {
    card: 'status',
    config: { pdl: TEMPO_PDL },
    fields: 'title,pdl,api_url',
    edit: { pdl: TEMPO_PDL, api_url: 'http://192.168.1.20:8099' },
    en: ['Title', 'PDL', 'Local API address (data quality, sync now)'],
    fr: ['Titre', 'PDL', "Adresse de l'API locale (qualité, synchro)"],
  },
];

/** Opens the card's editor as the dashboard editor does, edits it once and returns what it showed and sent. */
function openEditor(page: Page, c: Case) {
  return page.evaluate(async ({ card, config, edit }) => {
    const tag = `myelectricaldata-${card}-card`;
    const before = customElements.get(`${tag}-editor`) !== undefined;
    const Card = customElements.get(tag) as unknown as { getConfigElement(): Promise<HTMLElement> };
    const ed = (await Card.getConfigElement()) as HTMLElement & {
      setConfig(c: unknown): void;
      hass: unknown;
      updateComplete: Promise<unknown>;
    };
    ed.hass = (window as unknown as { hass: unknown }).hass;
    ed.setConfig({ type: `custom:${tag}`, ...config });
    ed.style.cssText = 'display:block;width:420px;margin:12px;padding:8px;background:#fff;color:#212121';
    ed.dataset.card = card;
    document.body.append(ed);
    await ed.updateComplete;
    const form = ed.shadowRoot!.querySelector('ha-form')!;
    const shown = form.textContent;
    let sent: unknown = null;
    ed.addEventListener('config-changed', (e) => (sent = (e as CustomEvent).detail.config));
    form.dispatchEvent(new CustomEvent('value-changed', { detail: { value: { type: `custom:${tag}`, ...edit } } }));
    await ed.updateComplete;
    return {
      before,
      fields: form.getAttribute('data-fields'),
      labels: form.getAttribute('data-labels')!.split('|'),
      shown,
      after: form.textContent,
      sent,
    };
  }, c);
}

describe.each(['en', 'fr'])('editors in %s', (language) => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(browser, bundle, { language, dark: false, rows: dailyRows() }));
  });
  afterAll(async () => page?.close());

  it.each(CASES)('the $card editor is loaded on demand, labelled, and sends the edited config', async (c) => {
    const r = await openEditor(page, c);
    expect(r.before).toBe(false);
    expect(r.labels).toEqual(language === 'fr' ? c.fr : c.en);
    expect(r.fields).toBe(c.fields);
    for (const v of Object.values(c.config)) expect(r.shown).toContain(JSON.stringify(v));
    // Emptied fields are dropped, so the card falls back to its default.
    const want = Object.fromEntries(Object.entries(c.edit).filter(([, v]) => v !== ''));
    for (const v of Object.values(c.edit)) if (v !== '') expect(r.after).toContain(JSON.stringify(v));
    expect(r.sent).toEqual({ type: `custom:myelectricaldata-${c.card}-card`, ...want });
    const ed = page.locator(`[data-card="${c.card}"]`);
    await ed.screenshot({ path: join(SHOTS, `${c.card}-editor-${language}.png`) });
  });

  it('no console error', () => {
    expect(errors).toEqual([]);
  });
});
