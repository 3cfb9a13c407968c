/**
 * Render time of the energy card in Debian's Chromium with a stub `hass` (the browser tests' stub):
 * 3 years of daily bars (1 095, Tempo-stacked, compared with last year) and 400 hourly bars picked from
 * 2 years of hourly statistics, from `setConfig` to the last bar in the DOM; then a `hass` update, which
 * must hit the per-period cache (no new statistics call). Median of 5 runs each.
 * Type-checked with DOM types by tests/integration/lovelace-cards/tsconfig.json (page-side code).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { startOfDay } from '../lovelace-cards/shared/zoned-time.js';
import { bundleCards } from '../src/cards-delivery/bundle-options.js';
import { installStubHass, type PageFixtures } from '../tests/integration/lovelace-cards/stub-hass.js';
import { type BenchTable, count, median, millis } from './report.js';

const ZONE = 'Europe/Paris';
const PDL = '12345678901234';
const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-15T10:00:00Z');
type Rows = PageFixtures['rows'];

function statistics(): Rows {
  const rows: Rows = {};
  const push = (id: string, start: number, end: number, change: number) => {
    rows[id] ??= [];
    rows[id].push({ start, end, change });
  };
  const id = (s: string) => `myelectricaldata:${PDL}_${s}`;
  // Two years of hours, then days back to four years (the comparison reaches one more year).
  const hourFrom = NOW - 2 * 365 * 24 * HOUR;
  for (let t = Math.floor(hourFrom / HOUR) * HOUR, i = 0; t < NOW; t += HOUR, i++) {
    const hc = new Date(t).getUTCHours() < 5 || new Date(t).getUTCHours() >= 21;
    push(id('consumption'), t, t + HOUR, 0.2 + (i % 17) / 20);
    push(id(`consumption_blue_${hc ? 'hc' : 'hp'}`), t, t + HOUR, 0.2 + (i % 17) / 20);
  }
  for (let t = startOfDay(NOW - 4 * 365 * 24 * HOUR, ZONE), n = 0; t < startOfDay(NOW, ZONE); n++) {
    const end = startOfDay(t + 27 * HOUR, ZONE);
    const c = n % 5 === 0 ? 'red' : n % 3 === 0 ? 'white' : 'blue';
    push(id('consumption'), t, end, 14 + (n % 9));
    push(id(`consumption_${c}_hp`), t, end, 10 + (n % 9));
    push(id(`consumption_${c}_hc`), t, end, 4);
    t = end;
  }
  return rows;
}

async function renderMs(page: Page, config: Record<string, unknown>, bars: number): Promise<number> {
  return page.evaluate(
    async ({ config, bars }) => {
      const el = document.createElement('myelectricaldata-energy-card') as HTMLElement & {
        setConfig(c: unknown): void;
        hass: unknown;
      };
      const t0 = performance.now();
      el.setConfig({ type: 'custom:myelectricaldata-energy-card', ...config });
      el.hass = (window as unknown as { hass: unknown }).hass;
      document.body.append(el);
      while ((el.shadowRoot?.querySelectorAll('tr[data-total]').length ?? 0) < bars) {
        await new Promise((r) => setTimeout(r, 1));
      }
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const ms = performance.now() - t0;
      el.remove();
      return ms;
    },
    { config, bars },
  );
}

export async function benchCards(): Promise<BenchTable> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing: apt-get install -y chromium');
  const bundle = await bundleCards(build, fileURLToPath(new URL('..', import.meta.url)));
  const rows = statistics();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.clock.setFixedTime(NOW);
    await page.setContent('<!doctype html><html><body></body></html>');
    // tsx compiles with esbuild's keepNames: the functions sent to the page call its `__name` helper.
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(installStubHass, { rows, states: {}, history: {}, language: 'en', dark: false });
    await page.addScriptTag({ content: bundle, type: 'module' });
    const runs = async (config: Record<string, unknown>, bars: number) => {
      const times: number[] = [];
      // The cache is per window: a new count each run forces a new statistics call.
      for (let i = 0; i < 5; i++) times.push(await renderMs(page, { ...config, count: bars - i }, bars - i));
      return median(times);
    };
    const daily = await runs({ pdls: [PDL], period: 'day', compare: 'last_year' }, 1095);
    const hourly = await runs({ pdls: [PDL], period: 'hour' }, 400);
    const cached = await runs({ pdls: [PDL], period: 'day', count: 1095 }, 1095);
    const statRows = Object.values(rows).reduce((a, r) => a + r.length, 0);
    return {
      title: 'Energy card render time (Chromium, stub hass)',
      rows: [
        ['statistics rows held by the stub', count(statRows)],
        ['3 years of days, Tempo-stacked, vs last year (1 095 bars), median', millis(daily)],
        ['400 hours out of 2 years of hourly rows, median', millis(hourly)],
        ['same day view again (cached statistics), median', millis(cached)],
        ['bundle', `${count(bundle.length)} bytes`],
      ],
      notes: [
        'From setConfig to the last bar in the DOM plus one animation frame; the stub answers callWS in the page.',
      ],
    };
  } finally {
    await browser.close();
  }
}
