/** The add-on options stay in step with the program's configuration schema (src/config/settings.ts). */

import { renderAddonConfig } from '../../scripts/addon/addon-config.js';
import { ADDON_DEFAULTS, ADDON_LIST_ITEMS, ADDON_MANAGED, isAddonOption } from '../../scripts/addon/addon-options.js';
import { configDocs } from '../../src/config/config-docs.js';
import { loadConfig } from '../../src/config/index.js';
import { settingInfo } from '../../src/config/introspect.js';
import type { SettingKey } from '../../src/config/settings.js';
import { addonConfig, packageVersion, readText } from './addon-files.js';

const config = addonConfig();
const rows = configDocs();
const OPTIONS_FILE = '/data/options.json';

/** Loads options the way the add-on does: the options file only, add-on mode on. */
async function loadAddonOptions(options: Record<string, unknown>) {
  const files: Record<string, string> = { [OPTIONS_FILE]: JSON.stringify(options), '/data': '' };
  return loadConfig({
    env: { SUPERVISOR_TOKEN: 'token-from-the-supervisor' },
    optionsFile: OPTIONS_FILE,
    fs: { exists: (path) => path in files, read: (path) => files[path] },
  });
}

describe('add-on options and the configuration schema', () => {
  it('committed addon/config.yaml is what `npm run addon:generate` writes', async () => {
    expect(readText('addon', 'config.yaml')).toBe(renderAddonConfig(packageVersion()));
  });

  it('offers every user setting, and nothing else', async () => {
    const expected = rows.filter(isAddonOption).map((row) => row.key);
    expect(Object.keys(config.schema)).toEqual(expected);
    const hidden = rows.filter((row) => !isAddonOption(row)).map((row) => row.key);
    for (const key of hidden) expect(row(key).envOnly || key in ADDON_MANAGED).toBe(true);
  });

  it('gives each option the Supervisor type of its setting (lists as real lists)', async () => {
    for (const [key, type] of Object.entries(config.schema)) {
      const expected = row(key).addonType.replace(/\?$/, '');
      if (Array.isArray(type)) expect(type).toEqual([ADDON_LIST_ITEMS[key]]);
      else expect(type.replace(/\?$/, '')).toBe(expected);
    }
  });

  it('marks every secret setting as a password field', async () => {
    for (const r of rows.filter((x) => x.secret && isAddonOption(x))) expect(config.schema[r.key]).toMatch(/^password/);
  });

  it('uses the settings defaults, except where add-on mode computes another one', async () => {
    for (const [key, value] of Object.entries(config.options)) {
      const expected = key in ADDON_DEFAULTS ? ADDON_DEFAULTS[key] : settingInfo(key as SettingKey).defaultValue;
      expect([key, value]).toEqual([key, expected]);
    }
  });

  it('default options load without a warning and turn on add-on mode', async () => {
    const { config: loaded, warnings } = await loadAddonOptions(config.options);
    expect(warnings).toEqual([]);
    expect(loaded).toMatchObject({ data_dir: '/data', home_assistant: true, ha_url: 'http://supervisor/core' });
  });

  it('every option, set the way the Supervisor writes it, reaches the program', async () => {
    const sample: Record<string, unknown> = {
      ...config.options,
      client_id: 'my-client',
      client_secret: 'my-secret',
      database_url: 'postgres://u:p@db:5432/med',
      pdls: ['12345678901234', '98765432109876'],
      pdl_names: '12345678901234=Maison,98765432109876=Garage',
      energy_dashboard: 'auto',
      price_base_kwh: 0.2516,
      price_hc_kwh: 0.2068,
      price_hp_kwh: 0.27,
      price_production_kwh: 0.1269,
      tariff: 'tempo',
      price_tempo_blue_hc_kwh: 0.1288,
      price_tempo_blue_hp_kwh: 0.1552,
      price_tempo_white_hc_kwh: 0.1447,
      price_tempo_white_hp_kwh: 0.1792,
      price_tempo_red_hc_kwh: 0.1518,
      price_tempo_red_hp_kwh: 0.6586,
      subscription_eur_month: 15.65,
      prices: [{ from: '2025-08-01', price_tempo_red_hp_kwh: 0.7, subscription_eur_month: 16 }],
      mqtt_url: 'mqtt://broker:1883',
      mqtt_username: 'user',
      mqtt_password: 'pass',
      mqtt_client_id: 'med',
      mqtt_qos: 2,
      mqtt_ca: '/config/ca.pem',
      mqtt_cert: '/config/client.pem',
      mqtt_key: '/config/client.key',
      log_level: 'debug',
      mqtt: false,
      victoriametrics_url: 'http://vm:8428',
      victoriametrics_username: 'vmuser',
      victoriametrics_password: 'vmpass',
      victoriametrics_token: 'vmtoken',
      victoriametrics_extra_labels: 'home=paris,site=main',
      jeedom_url: 'http://jeedom.local',
      jeedom_api_key: 'jeedom-core-key',
      jeedom_object: 'Maison',
      jeedom_history: false,
    };
    expect(Object.keys(sample).sort()).toEqual(Object.keys(config.schema).sort());
    const { config: loaded, warnings } = await loadAddonOptions(sample);
    expect(warnings).toEqual([]);
    expect(loaded).toMatchObject({
      ...sample,
      pdl_names: { '12345678901234': 'Maison', '98765432109876': 'Garage' },
    });
  });
});

function row(key: string) {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no setting ${key}`);
  return found;
}
