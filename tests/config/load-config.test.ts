import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ConfigFs, type LoadConfigOptions, loadConfig } from '../../src/config/index.js';
import { redactText } from '../../src/log/redact.js';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
const NO_OPTIONS = fixture('absent-options.json');

/** The real file system, except that the add-on data folder `/data` never exists. */
const realFs: ConfigFs = {
  exists: (path) => path !== '/data' && existsSync(path),
  read: (path) => readFileSync(path, 'utf8'),
};

async function load(options: Partial<LoadConfigOptions> = {}) {
  return loadConfig({ env: {}, optionsFile: NO_OPTIONS, fs: realFs, ...options });
}

async function problemsOf(options: Partial<LoadConfigOptions>): Promise<string[]> {
  try {
    await load(options);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: defaults', () => {
  it('applies every default when nothing is configured', async () => {
    const { config, files, warnings } = await load();
    expect(config).toMatchObject({
      gateway_url: 'https://api.myelectricaldata.fr',
      data_dir: './data',
      port: 8080,
      log_level: 'info',
      pdls: [],
      pdl_names: {},
      sync_curve: true,
      sync_on_start: true,
      home_assistant: false,
      energy_dashboard: 'off',
      mqtt_prefix: 'myelectricaldata',
      mqtt_qos: 1,
      mqtt_retain: true,
      mqtt_discovery: true,
      mqtt_discovery_prefix: 'homeassistant',
      mqtt_insecure: false,
    });
    expect(config.client_secret).toBeUndefined();
    expect(files).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('uses /data as the data folder when it exists (add-on and Docker)', async () => {
    const fs: ConfigFs = { exists: (path) => path === '/data', read: () => '' };
    expect((await loadConfig({ env: {}, optionsFile: NO_OPTIONS, fs })).config.data_dir).toBe('/data');
  });

  it('turns Home Assistant on through the Supervisor in add-on mode', async () => {
    const { config } = await load({ env: { SUPERVISOR_TOKEN: 'supervisor-token-value' } });
    expect(config.home_assistant).toBe(true);
    expect(config.ha_url).toBe('http://supervisor/core');
    expect(config.supervisor_token).toBe('supervisor-token-value');
    expect(redactText('token supervisor-token-value')).toBe('token ***');
  });
});

describe('loadConfig: YAML config file', () => {
  it('reads a valid file and coerces its values', async () => {
    const { config, files } = await load({ env: { CONFIG_FILE: fixture('valid.yaml') } });
    expect(files).toEqual([fixture('valid.yaml')]);
    expect(config).toMatchObject({
      client_id: 'my-client-id',
      client_secret: 'yaml-secret-value',
      gateway_url: 'http://127.0.0.1:9999/api',
      port: 9090,
      log_level: 'debug',
      pdls: ['12345678901234', '98765432109876'],
      pdl_names: { '12345678901234': 'Maison' },
      sync_curve: false,
      price_base_kwh: 0.2516,
      mqtt_qos: 2,
    });
  });

  it('registers secrets, and passwords inside URLs, with the redactor as soon as they are loaded', async () => {
    await load({ env: { CONFIG_FILE: fixture('valid.yaml') } });
    expect(redactText('a yaml-secret-value b mqtt-secret-value c broker-pass')).toBe('a *** b *** c ***');
  });

  it.each(['empty.yaml', 'comments-only.yaml'])('treats %s as "nothing set"', async (name) => {
    const { config, warnings } = await load({ env: { CONFIG_FILE: fixture(name) } });
    expect(config.port).toBe(8080);
    expect(warnings).toEqual([]);
  });

  it('finds config.yaml in the data folder without CONFIG_FILE', async () => {
    const { config, files } = await load({ env: { DATA_DIR: FIXTURES } });
    expect(files).toEqual([join(FIXTURES, 'config.yaml')]);
    expect(config.port).toBe(6060);
  });

  it('reports malformed YAML in one line naming the file', async () => {
    const problems = await problemsOf({ env: { CONFIG_FILE: fixture('malformed.yaml') } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^.*malformed\.yaml: cannot be read \(.* at line 1, column 7\); fix the syntax of the file$/,
    );
  });

  it('reports a file that is not a map of settings', async () => {
    expect(await problemsOf({ env: { CONFIG_FILE: fixture('not-a-map.yaml') } })).toEqual([
      `${fixture('not-a-map.yaml')}: is not a map of settings; write one "key: value" per line`,
    ]);
  });

  it('says to quote a PDL that YAML read as a number and that lost its leading 0', async () => {
    const file = fixture('unquoted-pdl.yaml');
    expect(await problemsOf({ env: { CONFIG_FILE: file } })).toEqual([
      `${file}: pdls: item "9111642617347" lost its leading 0 (YAML read it as a number): write it in quotes, "09111642617347"; set pdls in ${file} to a comma-separated list of 14-digit PDL numbers`,
    ]);
  });

  it('reads pdl_names as a YAML map, names with commas included', async () => {
    expect((await load({ env: { CONFIG_FILE: fixture('pdl-names-map.yaml') } })).config.pdl_names).toEqual({
      '09111642617347': 'Maison, rez-de-chaussée',
      '09222753728458': 'Garage',
    });
  });

  it('reports a CONFIG_FILE that does not exist', async () => {
    const missing = fixture('missing.yaml');
    expect(await problemsOf({ env: { CONFIG_FILE: missing } })).toEqual([
      `CONFIG_FILE: "${missing}" does not exist; set CONFIG_FILE to your YAML file or unset it`,
    ]);
  });

  it('warns about unknown keys with a suggestion and ignores env-only keys', async () => {
    const file = fixture('unknown-key.yaml');
    const { config, warnings } = await load({ env: { CONFIG_FILE: file } });
    expect(config.port).toBe(9091);
    expect(config.supervisor_token).toBeUndefined();
    expect(warnings).toEqual([
      `${file}: unknown setting "prot" is ignored; did you mean "port"? see the configuration table in README.md`,
      `${file}: unknown setting "mqtt_prefixx" is ignored; did you mean "mqtt_prefix"? see the configuration table in README.md`,
      `${file}: unknown setting "completely_unrelated_thing" is ignored; see the configuration table in README.md`,
      `${file}: supervisor_token is ignored; it is read from the environment only`,
    ]);
  });

  it('reports every wrong type in one line naming the file, the key, the problem and the fix', async () => {
    const file = fixture('wrong-types.yaml');
    const problems = await problemsOf({ env: { CONFIG_FILE: file } });
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}: gateway_url: "not a url" is not a URL; set gateway_url in ${file} to the gateway API root such as https://www.v2.myelectricaldata.fr/api`,
        `${file}: port: "eighty" is not a number; set port in ${file} to a TCP port such as 8080`,
        `${file}: log_level: "verbose" is not one of trace, debug, info, warn, error; set log_level in ${file} to trace, debug, info, warn, error`,
        `${file}: pdls: item "123" is not a 14-digit PDL number; set pdls in ${file} to a comma-separated list of 14-digit PDL numbers`,
        `${file}: sync_curve: "maybe" is not true or false; set sync_curve in ${file} to true or false`,
        `${file}: price_hc_kwh: -1 is negative; set price_hc_kwh in ${file} to a price in EUR per kWh such as 0.2516`,
        `${file}: mqtt_qos: 5 is not 0, 1 or 2; set mqtt_qos in ${file} to 0, 1 or 2`,
      ]),
    );
    expect(problems).toHaveLength(7);
  });
});

describe('loadConfig: add-on options file', () => {
  it('reads options.json, parses list and map text, and treats empty strings as not set', async () => {
    const { config, files } = await load({ optionsFile: fixture('options.json') });
    expect(files).toEqual([fixture('options.json')]);
    expect(config).toMatchObject({
      client_secret: 'options-secret-value',
      port: 7070,
      log_level: 'warn',
      pdls: ['12345678901234', '98765432109876'],
      pdl_names: { '12345678901234': 'Maison', '98765432109876': 'Garage' },
      energy_dashboard: 'auto',
    });
    expect(config.mqtt_url).toBeUndefined();
  });

  it('wins over the YAML config file', async () => {
    const { config } = await load({
      env: { CONFIG_FILE: fixture('valid.yaml') },
      optionsFile: fixture('options.json'),
    });
    expect(config.port).toBe(7070);
    expect(config.client_secret).toBe('options-secret-value');
    expect(config.client_id).toBe('my-client-id');
  });

  it('reports malformed JSON', async () => {
    const problems = await problemsOf({ optionsFile: fixture('options-malformed.json') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${fixture('options-malformed.json')}: cannot be read (`);
  });
});

describe('loadConfig: environment', () => {
  it('wins over both files, and command-line flags win over the environment', async () => {
    const files = { env: { CONFIG_FILE: fixture('valid.yaml'), PORT: '5050' }, optionsFile: fixture('options.json') };
    expect((await load(files)).config.port).toBe(5050);
    expect((await load({ ...files, flags: { port: 0 } })).config.port).toBe(0);
  });

  it('coerces numbers, booleans, lists and maps', async () => {
    const { config } = await load({
      env: {
        PORT: ' 8081 ',
        SYNC_CURVE: 'no',
        MQTT_RETAIN: '0',
        MQTT_DISCOVERY: 'YES',
        MQTT_QOS: '0',
        LOG_LEVEL: 'DEBUG',
        PDLS: '12345678901234, 98765432109876,',
        PDL_NAMES: '12345678901234=Maison, 98765432109876 = Garage',
        PRICE_HP_KWH: '0.27',
        MQTT_URL: '',
      },
    });
    expect(config).toMatchObject({
      port: 8081,
      sync_curve: false,
      mqtt_retain: false,
      mqtt_discovery: true,
      mqtt_qos: 0,
      log_level: 'debug',
      pdls: ['12345678901234', '98765432109876'],
      pdl_names: { '12345678901234': 'Maison', '98765432109876': 'Garage' },
      price_hp_kwh: 0.27,
    });
    expect(config.mqtt_url).toBeUndefined();
  });

  it('reads a comma inside a pdl_names name written \\, (environment and add-on text form)', async () => {
    const { config } = await load({ env: { PDL_NAMES: '09111642617347=Maison\\, étage,09222753728458=Garage' } });
    expect(config.pdl_names).toEqual({ '09111642617347': 'Maison, étage', '09222753728458': 'Garage' });
  });

  it('names the environment variable in each problem and hides secret values', async () => {
    const problems = await problemsOf({
      env: { PORT: '80a', MQTT_URL: 'http://broker', PDL_NAMES: 'Maison', HA_URL: 'ftp://ha', PORT_OTHER: 'x' },
    });
    expect(problems).toEqual([
      'PORT: "80a" is not a number; set PORT to a TCP port such as 8080',
      'PDL_NAMES: "Maison" is not a map; set PDL_NAMES to pairs such as 12345678901234=Maison,98765432109876=Garage',
      'HA_URL: "ftp://ha" is not an http:// or https:// URL; set HA_URL to a URL such as http://homeassistant.local:8123',
      'MQTT_URL: "http://broker" is not an mqtt:// or mqtts:// URL; set MQTT_URL to a broker URL such as mqtt://127.0.0.1:1883',
    ]);
  });

  it('checks the Jeedom settings: an http(s) URL, a yes/no history', async () => {
    expect(await problemsOf({ env: { JEEDOM_URL: 'jeedom.local', JEEDOM_HISTORY: 'maybe' } })).toEqual([
      expect.stringMatching(
        /^JEEDOM_URL: "jeedom.local" is not a URL; set JEEDOM_URL to a URL such as http:\/\/jeedom.local/,
      ),
      expect.stringMatching(/^JEEDOM_HISTORY: /),
    ]);
  });

  it('names a command-line flag when the flag is wrong', async () => {
    expect(await problemsOf({ flags: { port: '99999' } })).toEqual([
      '--port: 99999 is not a TCP port (0-65535); set --port to a TCP port such as 8080',
    ]);
  });
});

describe('loadConfig: parsers loaded only when a file needs them (memory, README performance)', () => {
  afterEach(() => {
    jest.dontMock('yaml');
    jest.dontMock('fastest-levenshtein');
  });

  /** Which of the YAML parser and the spelling suggester one load pulls in, and its problems if it fails. */
  async function modulesLoadedBy(options: Partial<LoadConfigOptions>) {
    const loaded: string[] = [];
    let problems: string[] = [];
    await jest.isolateModulesAsync(async () => {
      for (const name of ['yaml', 'fastest-levenshtein']) {
        jest.doMock(name, () => {
          loaded.push(name);
          return jest.requireActual(name);
        });
      }
      const isolated = await import('../../src/config/load-config.js');
      await isolated.loadConfig({ env: {}, optionsFile: NO_OPTIONS, fs: realFs, ...options }).catch((err: unknown) => {
        problems = (err as { problems?: string[] }).problems ?? [String(err)];
      });
    });
    return { loaded, problems };
  }

  it('needs neither for the environment and the add-on options file (JSON)', async () => {
    const { loaded, problems } = await modulesLoadedBy({ env: { PORT: '8081' }, optionsFile: fixture('options.json') });
    expect(problems).toEqual([]);
    expect(loaded).toEqual([]);
  });

  it('loads the YAML parser for a YAML file, and the suggester only for an unknown key', async () => {
    expect(await modulesLoadedBy({ env: { CONFIG_FILE: fixture('valid.yaml') } })).toEqual({
      loaded: ['yaml'],
      problems: [],
    });
    expect((await modulesLoadedBy({ env: { CONFIG_FILE: fixture('unknown-key.yaml') } })).loaded).toEqual([
      'yaml',
      'fastest-levenshtein',
    ]);
  });

  it('hands a broken .json file to the YAML parser, which names the syntax error', async () => {
    const { loaded, problems } = await modulesLoadedBy({ optionsFile: fixture('options-malformed.json') });
    expect(loaded).toEqual(['yaml']);
    expect(problems).toEqual([expect.stringContaining('options-malformed.json: cannot be read (')]);
  });
});
