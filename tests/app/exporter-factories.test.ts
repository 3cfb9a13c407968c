/** Which exporters the configuration turns on, and how add-on mode reaches Home Assistant and the broker. */
import {
  exporterFactories,
  haRestStatesOptions,
  mqttEnabled,
  pricesOf,
  victoriaMetricsOptions,
} from '../../src/app/exporter-factories.js';
import { type Config, loadConfig } from '../../src/config/index.js';

async function config(env: Record<string, string>): Promise<Config> {
  return (await loadConfig({ env, fs: { exists: () => false, read: () => '' } })).config;
}

async function created(c: Config): Promise<string[]> {
  const made = await Promise.all(exporterFactories(c, '1.2.3').map(async (f) => ((await f.create()) ? f.name : null)));
  return made.filter((name): name is string => name !== null);
}

describe('exporterFactories', () => {
  it('constructs nothing by default outside add-on mode', async () => {
    expect(await created(await config({}))).toEqual([]);
  });

  it('turns Home Assistant and MQTT on in add-on mode, through the Supervisor', async () => {
    const addon = await config({ SUPERVISOR_TOKEN: 'tok', SUPERVISOR_URL: 'http://127.0.0.1:9' });
    expect(addon.ha_url).toBe('http://127.0.0.1:9/core');
    expect(mqttEnabled(addon)).toBe(true);
    // The add-on also installs the Lovelace cards into Home Assistant (cards-delivery).
    expect(await created(addon)).toEqual(['home-assistant', 'lovelace-cards', 'mqtt']);
  });

  it('honours mqtt: false and home_assistant: false in add-on mode', async () => {
    expect(await created(await config({ SUPERVISOR_TOKEN: 'tok', MQTT: 'false', HOME_ASSISTANT: 'false' }))).toEqual(
      [],
    );
  });

  it('turns MQTT on when a broker URL is set', async () => {
    expect(await created(await config({ MQTT_URL: 'mqtt://127.0.0.1:1883' }))).toEqual(['mqtt']);
  });

  it('refuses Home Assistant without URL and token, saying what to set', async () => {
    const [ha] = exporterFactories(await config({ HOME_ASSISTANT: 'true' }), '1.2.3');
    await expect(ha.create()).rejects.toThrow(/HA_URL .*HA_TOKEN/);
  });
});

describe('Home Assistant REST states (ha_rest_states)', () => {
  it('is off by default, in add-on mode too', async () => {
    expect((await config({})).ha_rest_states).toBe(false);
    expect(await created(await config({ SUPERVISOR_TOKEN: 'tok' }))).not.toContain('ha-rest-states');
  });

  it('is constructed when asked for, after the other exporters', async () => {
    const c = await config({ HA_REST_STATES: 'true', HA_URL: 'http://ha.local:8123', HA_TOKEN: 'long-lived-token' });
    expect(await created(c)).toEqual(['ha-rest-states']);
    expect(await created(await config({ SUPERVISOR_TOKEN: 'tok', HA_REST_STATES: 'true' }))).toEqual([
      'home-assistant',
      'lovelace-cards',
      'mqtt',
      'ha-rest-states',
    ]);
  });

  it('posts to ha_url with ha_token outside the add-on', async () => {
    const c = await config({
      HA_REST_STATES: 'true',
      HA_URL: 'http://ha.local:8123/',
      HA_TOKEN: 'long-lived-token',
      PRICE_BASE_KWH: '0.2',
    });
    expect(haRestStatesOptions(c)).toEqual({
      haUrl: 'http://ha.local:8123',
      haToken: 'long-lived-token',
      prices: { baseKwh: 0.2 },
    });
  });

  it('goes through the Supervisor proxy with SUPERVISOR_TOKEN in add-on mode', async () => {
    expect(haRestStatesOptions(await config({ SUPERVISOR_TOKEN: 'sup-tok', HA_REST_STATES: 'true' }))).toEqual({
      haUrl: 'http://supervisor/core',
      haToken: 'sup-tok',
      prices: {},
    });
    const standIn = await config({
      SUPERVISOR_TOKEN: 'sup-tok',
      SUPERVISOR_URL: 'http://127.0.0.1:9',
      HA_REST_STATES: 'true',
    });
    expect(haRestStatesOptions(standIn)).toMatchObject({ haUrl: 'http://127.0.0.1:9/core', haToken: 'sup-tok' });
  });

  it('refuses to start without a way to reach Home Assistant, naming what to set', async () => {
    const envs: Record<string, string>[] = [
      { HA_REST_STATES: 'true' },
      { HA_REST_STATES: 'true', HA_URL: 'http://ha.local:8123' },
    ];
    for (const env of envs) {
      const rest = exporterFactories(await config(env), '1.2.3').find((f) => f.name === 'ha-rest-states');
      await expect(rest?.create()).rejects.toThrow(
        expect.objectContaining({
          code: 'ha_rest_states_not_configured',
          message: expect.stringMatching(
            /^HA_REST_STATES is on but HA_URL or HA_TOKEN is not set: set HA_URL .*HA_REST_STATES=false$/,
          ),
        }),
      );
    }
  });
});

describe('pricesOf', () => {
  it('passes every configured price to the tariff engine and leaves unset ones out', async () => {
    expect(pricesOf(await config({ PRICE_HC_KWH: '0.2', PRICE_HP_KWH: '0.3', PRICE_BASE_KWH: '0.25' }))).toEqual({
      baseKwh: 0.25,
      hcKwh: 0.2,
      hpKwh: 0.3,
    });
    expect(pricesOf(await config({ PRICE_PRODUCTION_KWH: '0.1' }))).toEqual({ productionKwh: 0.1 });
    expect(pricesOf(await config({}))).toEqual({});
  });
});

describe('VictoriaMetrics (victoriametrics_url)', () => {
  it('is off without a URL and constructed with one', async () => {
    expect(await created(await config({}))).not.toContain('victoriametrics');
    expect(await created(await config({ VICTORIAMETRICS_URL: 'http://127.0.0.1:8428' }))).toEqual(['victoriametrics']);
  });

  it('maps the credentials, the extra labels and the prices (its cost series)', async () => {
    const c = await config({
      VICTORIAMETRICS_URL: 'http://vm.local:8428/',
      VICTORIAMETRICS_USERNAME: 'me',
      VICTORIAMETRICS_PASSWORD: 'pw',
      VICTORIAMETRICS_EXTRA_LABELS: 'home=paris, site=main',
      PRICE_BASE_KWH: '0.2516',
    });
    expect(victoriaMetricsOptions(c)).toEqual({
      url: 'http://vm.local:8428',
      username: 'me',
      password: 'pw',
      token: undefined,
      extraLabels: { home: 'paris', site: 'main' },
      prices: { baseKwh: 0.2516 },
    });
  });

  it('refuses malformed extra labels at load time', async () => {
    await expect(config({ VICTORIAMETRICS_EXTRA_LABELS: 'no pairs here' })).rejects.toThrow(
      /VICTORIAMETRICS_EXTRA_LABELS/,
    );
  });
});

describe('Jeedom (jeedom_url)', () => {
  it('is off by default and on when jeedom_url and the key are set', async () => {
    expect(await created(await config({}))).not.toContain('jeedom');
    const c = await config({ JEEDOM_URL: 'http://jeedom.local/', JEEDOM_API_KEY: 'core-key', JEEDOM_OBJECT: 'Maison' });
    expect(c.jeedom_url).toBe('http://jeedom.local');
    expect(c.jeedom_history).toBe(true);
    expect(await created(c)).toEqual(['jeedom']);
  });

  it('refuses a URL without a key, saying what to set', async () => {
    const jeedom = exporterFactories(await config({ JEEDOM_URL: 'http://jeedom.local' }), '1.2.3').find(
      (f) => f.name === 'jeedom',
    );
    await expect(jeedom?.create()).rejects.toThrow(/JEEDOM_API_KEY/);
  });
});
