/** Which exporters the configuration turns on, and how add-on mode reaches Home Assistant and the broker. */
import { consumptionPrice, exporterFactories, mqttEnabled } from '../../src/app/exporter-factories.js';
import { type Config, loadConfig } from '../../src/config/index.js';

function config(env: Record<string, string>): Config {
  return loadConfig({ env, fs: { exists: () => false, read: () => '' } }).config;
}

async function created(c: Config): Promise<string[]> {
  const made = await Promise.all(exporterFactories(c, '1.2.3').map(async (f) => ((await f.create()) ? f.name : null)));
  return made.filter((name): name is string => name !== null);
}

describe('exporterFactories', () => {
  it('constructs nothing by default outside add-on mode', async () => {
    expect(await created(config({}))).toEqual([]);
  });

  it('turns Home Assistant and MQTT on in add-on mode, through the Supervisor', async () => {
    const addon = config({ SUPERVISOR_TOKEN: 'tok', SUPERVISOR_URL: 'http://127.0.0.1:9' });
    expect(addon.ha_url).toBe('http://127.0.0.1:9/core');
    expect(mqttEnabled(addon)).toBe(true);
    expect(await created(addon)).toEqual(['home-assistant', 'mqtt']);
  });

  it('honours mqtt: false and home_assistant: false in add-on mode', async () => {
    expect(await created(config({ SUPERVISOR_TOKEN: 'tok', MQTT: 'false', HOME_ASSISTANT: 'false' }))).toEqual([]);
  });

  it('turns MQTT on when a broker URL is set', async () => {
    expect(await created(config({ MQTT_URL: 'mqtt://127.0.0.1:1883' }))).toEqual(['mqtt']);
  });

  it('refuses Home Assistant without URL and token, saying what to set', async () => {
    const [ha] = exporterFactories(config({ HOME_ASSISTANT: 'true' }), '1.2.3');
    expect(() => ha.create()).toThrow(/HA_URL .*HA_TOKEN/);
  });
});

describe('consumptionPrice', () => {
  it('prefers HC/HP when both are set, else the base price, else none', () => {
    expect(consumptionPrice(config({ PRICE_HC_KWH: '0.2', PRICE_HP_KWH: '0.3', PRICE_BASE_KWH: '0.25' }))).toEqual({
      type: 'hc_hp',
      hc: 0.2,
      hp: 0.3,
    });
    expect(consumptionPrice(config({ PRICE_HC_KWH: '0.2', PRICE_BASE_KWH: '0.25' }))).toEqual({
      type: 'flat',
      eurPerKwh: 0.25,
    });
    expect(consumptionPrice(config({}))).toBeUndefined();
  });
});
