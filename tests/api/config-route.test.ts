/** `GET /api/config`: the configuration in force, secrets and URL passwords masked, behind the token. */
import { join } from 'node:path';
import { loadConfig, redactConfig } from '../../src/config/index.js';
import { type Harness, startHarness } from './harness.js';

const SECRET = 'client-secret-that-must-not-leak';
const MQTT_PASSWORD = 'mqtt-password-that-must-not-leak';

async function config() {
  const env = {
    CLIENT_SECRET: SECRET,
    MQTT_URL: `mqtt://user:${MQTT_PASSWORD}@broker:1883`,
    MQTT_PASSWORD,
    PRICE_BASE_KWH: '0.2516',
    DATA_DIR: '/tmp/med-config-route',
  };
  const fs = { exists: () => false, read: () => '' };
  return (await loadConfig({ env, optionsFile: join(__dirname, 'absent-options.json'), fs })).config;
}

let h: Harness;
afterEach(() => h.close());

describe('GET /api/config', () => {
  it('shows the settings in force with every secret masked', async () => {
    h = await startHarness(undefined, undefined, {
      config: redactConfig(await config()),
      token: 'api-token-0123456789',
    });
    expect((await h.api.inject('/api/config')).statusCode).toBe(401);
    const res = await h.api.inject({ url: '/api/config', headers: { authorization: 'Bearer api-token-0123456789' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain(MQTT_PASSWORD);
    const { settings } = res.json() as { settings: Record<string, unknown> };
    expect(settings).toMatchObject({ client_secret: '***', mqtt_password: '***', price_base_kwh: 0.2516 });
    expect(String(settings.mqtt_url)).toMatch(/^mqtt:\/\/user:\*\*\*@broker:1883/);
  });

  it('answers null settings when the server has no configuration to show', async () => {
    h = await startHarness();
    const res = await h.api.inject('/api/config');
    expect([res.statusCode, res.json()]).toEqual([200, { settings: null }]);
  });
});
