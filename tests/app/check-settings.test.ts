/** Settings problems found before anything starts: exit code 2 with one line naming the setting and the fix. */
import { createServer } from 'node:net';
import { settingProblems } from '../../src/app/check-settings.js';
import { listenError } from '../../src/app/run-commands.js';
import { reportError } from '../../src/cli/report-error.js';
import { type Config, ConfigError, loadConfig } from '../../src/config/index.js';
import { parseDatabaseUrl } from '../../src/store/database-url.js';

async function config(env: Record<string, string>): Promise<Config> {
  return (await loadConfig({ env, fs: { exists: () => false, read: () => '' } })).config;
}

describe('settingProblems', () => {
  it('Home Assistant or REST states on without a URL and token', async () => {
    expect(settingProblems(await config({ HOME_ASSISTANT: 'true' }))).toEqual([
      expect.stringMatching(/^HOME_ASSISTANT is on but HA_URL or HA_TOKEN is not set/),
    ]);
    expect(settingProblems(await config({ HA_REST_STATES: 'true', HA_URL: 'http://ha:8123' }))).toEqual([
      expect.stringMatching(/^HA_REST_STATES is on but/),
    ]);
    expect(settingProblems(await config({ HOME_ASSISTANT: 'true', HA_URL: 'http://ha:8123', HA_TOKEN: 't' }))).toEqual(
      [],
    );
  });

  it('MQTT TLS files that do not exist, but not PEM text nor files that exist', async () => {
    const env = {
      MQTT_URL: 'mqtts://broker:8883',
      MQTT_CA: '/nope/ca.pem',
      MQTT_CERT: '-----BEGIN CERTIFICATE-----\nx',
      MQTT_KEY: '/here/key.pem',
    };
    expect(settingProblems(await config(env), (p) => p === '/here/key.pem')).toEqual([
      'MQTT_CA: the file "/nope/ca.pem" does not exist; give the path of a readable PEM file (or the PEM text itself), or unset MQTT_CA',
    ]);
    expect(settingProblems(await config({ MQTT_CA: '/nope/ca.pem' }), () => false)).toEqual([]); // MQTT off
  });
});

describe('listenError', () => {
  it('a port in use becomes one PORT line with exit code 2', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    const other = createServer();
    const err = await new Promise<unknown>((resolve) => {
      other.once('error', resolve);
      other.listen(port, '127.0.0.1');
    });
    busy.close();
    const mapped = listenError(err, port, '127.0.0.1');
    expect(mapped).toBeInstanceOf(ConfigError);
    expect(reportError(mapped)).toEqual({
      exitCode: 2,
      lines: [
        `PORT: ${port} is already in use on 127.0.0.1: stop the program that uses it, or set PORT to a free port`,
      ],
    });
  });

  it('an API_HOST that does not resolve or is not ours names API_HOST', async () => {
    const line = (code: string) =>
      (listenError(Object.assign(new Error(code), { code }), 8080, 'nas.invalid') as ConfigError).problems[0];
    expect(line('ENOTFOUND')).toMatch(/^API_HOST: "nas.invalid" does not resolve: set API_HOST to 127.0.0.1/);
    expect(line('EADDRNOTAVAIL')).toMatch(/^API_HOST: nas.invalid is not an address of this machine/);
    const other = new Error('boom');
    expect(listenError(other, 8080, 'x')).toBe(other);
  });
});

describe('DATABASE_URL problems exit with code 2', () => {
  it.each([
    [
      'postgres://user:50%off@db:5432/app',
      /has a % that is not followed by two hexadecimal digits: write a % .* as %25/,
    ],
    ['mongodb://db/app', /is not understood: use nothing/],
  ])('%s', (url, message) => {
    let thrown: unknown;
    try {
      parseDatabaseUrl(url, '/data');
    } catch (err) {
      thrown = err;
    }
    const report = reportError(thrown);
    expect(report.exitCode).toBe(2);
    expect(report.lines[0]).toMatch(message);
    expect(report.lines[0]).not.toContain('50%off');
  });
});

describe('CONFIG_FILE pointing at a folder', () => {
  it('is one CONFIG_FILE line, not a stack trace', async () => {
    const fs = {
      exists: () => true,
      read: () => {
        throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
      },
    };
    let thrown: unknown;
    try {
      await loadConfig({ env: { CONFIG_FILE: '/config' }, fs, optionsFile: '/nowhere/options.json' });
    } catch (err) {
      thrown = err;
    }
    expect((thrown as ConfigError).problems).toContain(
      'CONFIG_FILE: "/config" is a folder, not a file; set CONFIG_FILE to your YAML file (e.g. /config/config.yaml) or unset it',
    );
  });
});
