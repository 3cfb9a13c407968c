import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConfigTable, withConfigTable } from '../../src/config/docs-table.js';
import { configDocs, redactConfig } from '../../src/config/index.js';
import { loadConfig } from '../../src/config/load-config.js';

const SUPERVISOR_GRAMMAR =
  /^(str|bool|port|url|password|email|(int|float)\(-?[\d.]*,-?[\d.]*\)|list\([^)]+\)|match\(.+\))\??$/;

describe('configDocs', () => {
  const rows = configDocs();
  const byKey = new Map(rows.map((row) => [row.key, row]));

  it('documents every setting with an UPPER_CASE environment variable and a description', async () => {
    for (const row of rows) {
      expect(row.env).toBe(row.key.toUpperCase());
      expect(row.key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(row.description.length).toBeGreaterThan(10);
    }
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(['client_id', 'client_secret', 'mqtt_insecure']));
  });

  it('marks the secrets', async () => {
    const secrets = rows.filter((row) => row.secret).map((row) => row.key);
    expect(secrets.sort()).toEqual([
      'api_token',
      'client_secret',
      'ha_token',
      'jeedom_api_key',
      'mqtt_password',
      'supervisor_token',
      'victoriametrics_password',
      'victoriametrics_token',
    ]);
  });

  it('gives the defaults and types from the schema', async () => {
    expect(byKey.get('port')).toMatchObject({ type: 'integer (0-65535)', default: '8080', addonType: 'port' });
    expect(byKey.get('log_level')).toMatchObject({ type: 'one of: trace, debug, info, warn, error', default: 'info' });
    expect(byKey.get('gateway_url')).toMatchObject({ type: 'URL', default: 'https://api.myelectricaldata.fr' });
    expect(byKey.get('mqtt_qos')).toMatchObject({ default: '1', addonType: 'int(0,2)' });
    expect(byKey.get('price_hc_kwh')).toMatchObject({ type: 'number (≥ 0)', default: '', addonType: 'float(0,)?' });
    expect(byKey.get('supervisor_token')).toMatchObject({ envOnly: true, addonType: 'password?' });
  });

  it('derives Supervisor option types that follow the add-on schema grammar', async () => {
    for (const row of rows) expect(row.addonType).toMatch(SUPERVISOR_GRAMMAR);
  });
});

describe('README configuration table', () => {
  it('matches configDocs() (run `npm run docs:config` to regenerate it)', async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(renderConfigTable());
    expect(withConfigTable(readme)).toBe(readme);
  });
});

describe('redactConfig', () => {
  it('masks secret settings and passwords inside URLs, and keeps the rest', async () => {
    const { config } = await loadConfig({
      env: {
        CLIENT_SECRET: 'dump-secret-1',
        MQTT_PASSWORD: 'dump-secret-2',
        DATABASE_URL: 'postgres://app:dump-db-pass@127.0.0.1:5432/app',
        PORT: '8081',
      },
      optionsFile: join(__dirname, 'fixtures/absent-options.json'),
    });
    const dumped = JSON.stringify(redactConfig(config));
    expect(dumped).not.toMatch(/dump-secret-1|dump-secret-2|dump-db-pass/);
    expect(redactConfig(config)).toMatchObject({
      client_secret: '***',
      mqtt_password: '***',
      database_url: 'postgres://app:***@127.0.0.1:5432/app',
      port: 8081,
    });
  });
});
