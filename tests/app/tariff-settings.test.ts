/** The tariff settings from the environment, a YAML file and the add-on options, and their cross-checks. */
import { settingProblems } from '../../src/app/check-settings.js';
import { pricesOf } from '../../src/app/tariff-settings.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const files = (map: Record<string, string>) => ({ exists: (p: string) => p in map, read: (p: string) => map[p]! });

async function load(env: Record<string, string>, fsMap: Record<string, string> = {}) {
  return (await loadConfig({ env, fs: files(fsMap), optionsFile: '/nowhere/options.json' })).config;
}

async function problemsOf(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

const TEMPO_ENV = {
  TARIFF: 'tempo',
  PRICE_TEMPO_BLUE_HC_KWH: '0.1288',
  PRICE_TEMPO_BLUE_HP_KWH: '0.1552',
  PRICE_TEMPO_WHITE_HC_KWH: '0.1447',
  PRICE_TEMPO_WHITE_HP_KWH: '0.1792',
  PRICE_TEMPO_RED_HC_KWH: '0.1518',
  PRICE_TEMPO_RED_HP_KWH: '0.6586',
};

describe('tariff settings', () => {
  it('reads a Tempo tariff, a subscription and dated prices (JSON list) from the environment', async () => {
    const prices = JSON.stringify([{ from: '2025-08-01', price_tempo_red_hp_kwh: 0.7 }]);
    const config = await load({ ...TEMPO_ENV, SUBSCRIPTION_EUR_MONTH: '15.65', PRICES: prices });
    expect(pricesOf(config)).toEqual({
      tariff: 'tempo',
      subscriptionEurMonth: 15.65,
      tempo: { blue_hc: 0.1288, blue_hp: 0.1552, white_hc: 0.1447, white_hp: 0.1792, red_hc: 0.1518, red_hp: 0.6586 },
      dated: [{ from: '2025-08-01', tempo: { red_hp: 0.7 } }],
    });
    expect(settingProblems(config)).toEqual([]);
  });

  it('reads dated prices from a YAML list and from the add-on options list', async () => {
    const yaml = 'tariff: hc_hp\nprices:\n  - from: "2025-02-01"\n    price_hc_kwh: 0.1696\n    price_hp_kwh: 0.2146\n';
    const fromYaml = await load({ CONFIG_FILE: '/c.yaml' }, { '/c.yaml': yaml });
    expect(pricesOf(fromYaml)).toEqual({
      tariff: 'hc_hp',
      dated: [{ from: '2025-02-01', hcKwh: 0.1696, hpKwh: 0.2146 }],
    });
    const options = JSON.stringify({ prices: [{ from: '2025-02-01', price_base_kwh: 0.2016 }] });
    const fromAddon = (await loadConfig({ env: {}, fs: files({ '/o.json': options }), optionsFile: '/o.json' })).config;
    expect(pricesOf(fromAddon)).toEqual({ dated: [{ from: '2025-02-01', baseKwh: 0.2016 }] });
  });

  it('refuses unsorted or repeated from dates, naming the setting and the fix', async () => {
    const unsorted = JSON.stringify([{ from: '2026-02-01' }, { from: '2025-08-01' }]);
    expect(await problemsOf(() => load({ PRICES: unsorted }))).toEqual([
      expect.stringMatching(
        /^PRICES: .*has the period from 2025-08-01 after the one from 2026-02-01: sort the periods/,
      ),
    ]);
    const twice = JSON.stringify([{ from: '2026-02-01' }, { from: '2026-02-01' }]);
    expect((await problemsOf(() => load({ PRICES: twice }))).join()).toMatch(/two periods from 2026-02-01: keep one/);
    expect((await problemsOf(() => load({ PRICES: '[{"from": "1 Feb"}]' }))).join()).toMatch(/^PRICES: .*not a date/);
    expect((await problemsOf(() => load({ PRICES: 'base=0.2' }))).join()).toMatch(/^PRICES: .*is not a list/);
  });

  it('a chosen tariff without its prices is an error naming each missing price', async () => {
    const { PRICE_TEMPO_RED_HP_KWH: _missing, ...five } = TEMPO_ENV;
    expect(settingProblems(await load(five))).toEqual([
      'TARIFF: the tempo tariff needs PRICE_TEMPO_RED_HP_KWH, which is not set: set PRICE_TEMPO_RED_HP_KWH (or price_tempo_red_hp_kwh in a prices period), or choose another tariff',
    ]);
    const dated = JSON.stringify([{ from: '2025-02-01', price_tempo_red_hp_kwh: 0.65 }]);
    expect(settingProblems(await load({ ...five, PRICES: dated }))).toEqual([]);
    expect(settingProblems(await load({ TARIFF: 'hc_hp', PRICE_HC_KWH: '0.2' }))).toHaveLength(1);
    expect((await problemsOf(() => load({ TARIFF: 'ejp' }))).join()).toMatch(
      /^TARIFF: "ejp" is not one of base, hc_hp, tempo/,
    );
  });
});
