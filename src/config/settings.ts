/**
 * The single source of truth for every setting: type, default, documentation and secrecy.
 *
 * Keys are snake_case and identical in the YAML config file and the add-on options file; the environment
 * variable is the UPPER_CASE key (`client_secret` ⇔ `CLIENT_SECRET`). `configDocs()` derives the README
 * table and the add-on option types from this schema; `loadConfig()` validates every source against it.
 *
 * Metadata per setting (all optional):
 * - `secret`: never logged or shown (registered with the redactor as soon as it is loaded);
 * - `expect`: what a valid value looks like, used in the fix of an error line ("set PORT to …");
 * - `defaultText`: documentation of a default computed at load time (data_dir, add-on mode);
 * - `envOnly`: only read from the environment (set by the Home Assistant Supervisor);
 * - `addonType`: the Supervisor option type, when it cannot be derived from the schema.
 */
import * as v from 'valibot';

export type SettingMeta = {
  secret?: boolean;
  expect?: string;
  defaultText?: string;
  envOnly?: boolean;
  addonType?: string;
  /** A list of objects: in the environment a JSON list (`[{"from": "2025-02-01", …}]`). */
  jsonList?: boolean;
};

const PDL = /^\d{14}$/;
/** A 13-digit number is a PDL that YAML read as a number and that lost its leading 0. */
const pdlMessage = (issue: { input: unknown }) =>
  /^\d{13}$/.test(String(issue.input))
    ? `lost its leading 0 (YAML read it as a number): write it in quotes, "0${String(issue.input)}"`
    : 'is not a 14-digit PDL number';
const pdlId = v.pipe(v.string(), v.regex(PDL, pdlMessage));
const httpUrl = v.pipe(
  v.string(),
  v.url('is not a URL'),
  v.regex(/^https?:\/\//i, 'is not an http:// or https:// URL'),
  v.transform((s) => s.replace(/\/+$/, '')),
);
const price = (what: string) =>
  v.optional(
    v.pipe(
      v.number('is not a number'),
      v.minValue(0, 'is negative'),
      v.description(`${what} price in EUR per kWh, used to compute costs.`),
      v.metadata({ expect: 'a price in EUR per kWh such as 0.2516' }),
    ),
  );
const TEMPO_PRICES = {
  price_tempo_blue_hc_kwh: 'Tempo blue day, off-peak',
  price_tempo_blue_hp_kwh: 'Tempo blue day, peak',
  price_tempo_white_hc_kwh: 'Tempo white day, off-peak',
  price_tempo_white_hp_kwh: 'Tempo white day, peak',
  price_tempo_red_hc_kwh: 'Tempo red day, off-peak',
  price_tempo_red_hp_kwh: 'Tempo red day, peak',
} as const;
const subscription = v.optional(
  v.pipe(
    v.number('is not a number'),
    v.minValue(0, 'is negative'),
    v.description(
      'Monthly subscription (abonnement) in EUR, spread over the hours of each month in the Home Assistant cost statistic. Empty: no subscription in the costs.',
    ),
    v.metadata({ expect: 'an amount in EUR per month such as 15.65' }),
  ),
);
const tempoPrices = Object.fromEntries(Object.entries(TEMPO_PRICES).map(([key, what]) => [key, price(what)])) as {
  [K in keyof typeof TEMPO_PRICES]: ReturnType<typeof price>;
};
/** One dated period of `prices`: the prices it names apply from `from` on (the others carry on). */
const pricePeriod = v.object({
  from: v.pipe(v.string('is not a date'), v.isoDate('is not a date such as 2025-02-01')),
  price_base_kwh: price('Base tariff'),
  price_hc_kwh: price('Off-peak'),
  price_hp_kwh: price('Peak'),
  price_production_kwh: price('Production'),
  ...tempoPrices,
  subscription_eur_month: subscription,
});
export type PricePeriodSetting = v.InferOutput<typeof pricePeriod>;
const sortedFroms = (list: PricePeriodSetting[]) => list.every((p, i) => i === 0 || list[i - 1]!.from < p.from);
const unsortedMessage = (issue: { input: PricePeriodSetting[] }) => {
  const i = issue.input.findIndex((p, j) => j > 0 && issue.input[j - 1]!.from >= p.from);
  const [a, b] = [issue.input[i - 1]?.from, issue.input[i]?.from];
  return a === b
    ? `has two periods from ${b}: keep one period per date`
    : `has the period from ${b} after the one from ${a}: sort the periods by their from date, oldest first`;
};
const text = (description: string, m: SettingMeta = {}) =>
  v.optional(v.pipe(v.string(), v.description(description), v.metadata(m)));
const flag = (fallback: boolean, description: string) =>
  v.optional(v.pipe(v.boolean(), v.description(description)), fallback);

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

export const settings = {
  client_id: text('MyElectricalData client id (account page). Only used when exchanging the secret for a token.'),
  client_secret: text('MyElectricalData client secret (account page). Required to sync from the gateway.', {
    secret: true,
    expect: 'the client secret shown on your MyElectricalData account page',
  }),
  gateway_url: v.optional(
    v.pipe(
      httpUrl,
      v.description(
        'API root of the MyElectricalData v2 gateway; the client appends paths such as `/pdl` to it ' +
          '(the public v2 API root is `https://www.v2.myelectricaldata.fr/api`).',
      ),
      v.metadata({ expect: 'the gateway API root such as https://www.v2.myelectricaldata.fr/api' }),
    ),
    'https://api.myelectricaldata.fr',
  ),
  data_dir: v.pipe(
    v.string(),
    v.minLength(1, 'is empty'),
    v.description('Folder for the SQLite database, cursors and exports. Also where `config.yaml` is looked up.'),
    v.metadata({ defaultText: '`/data` if it exists, else `./data`', expect: 'a writable folder such as ./data' }),
  ),
  port: v.optional(
    v.pipe(
      v.number('is not a number'),
      v.integer('is not a whole number'),
      v.minValue(0, 'is not a TCP port (0-65535)'),
      v.maxValue(65535, 'is not a TCP port (0-65535)'),
      v.description('TCP port of the local API (0 picks a free port).'),
      v.metadata({ expect: 'a TCP port such as 8080', addonType: 'port' }),
    ),
    8080,
  ),
  log_level: v.optional(
    v.pipe(v.picklist(LOG_LEVELS), v.description('Log verbosity.'), v.metadata({ expect: LOG_LEVELS.join(', ') })),
    'info',
  ),
  database_url: text(
    'Database URL: `postgres://…`, `mysql://…` or `sqlite:<path>`. Empty: SQLite file in `data_dir`. ' +
      'A password in the URL is never logged.',
    { expect: 'a URL such as postgres://user:password@host:5432/db' },
  ),
  pdls: v.optional(
    v.pipe(
      v.array(pdlId, 'is not a list'),
      v.description(
        'PDL ids (14 digits) to sync; empty syncs every PDL of the account. Other PDLs are not stored or exported. Env: comma-separated.',
      ),
      v.metadata({ expect: 'a comma-separated list of 14-digit PDL numbers' }),
    ),
    [],
  ),
  pdl_names: v.optional(
    v.pipe(
      v.record(pdlId, v.string(), 'is not a map'),
      v.description(
        'Display names per PDL. Env and add-on: `12345678901234=Maison,98765432109876=Garage` (a comma inside a name is written `\\,`); in YAML also a map with the PDLs in quotes.',
      ),
      v.metadata({ expect: 'pairs such as 12345678901234=Maison,98765432109876=Garage', addonType: 'str' }),
    ),
    {},
  ),
  sync_curve: flag(true, 'Also sync the 30-minute load curve (slower, needed for hourly statistics).'),
  sync_on_start: flag(true, 'Run a sync immediately at start-up instead of waiting for the schedule.'),
  home_assistant: v.optional(
    v.pipe(
      v.boolean(),
      v.description('Import long-term statistics into Home Assistant.'),
      v.metadata({ defaultText: '`true` in add-on mode (`SUPERVISOR_TOKEN` set), else `false`' }),
    ),
  ),
  ha_url: v.optional(
    v.pipe(
      httpUrl,
      v.description('Home Assistant base URL, e.g. `http://homeassistant.local:8123`.'),
      v.metadata({
        defaultText: '`http://supervisor/core` in add-on mode',
        expect: 'a URL such as http://homeassistant.local:8123',
      }),
    ),
  ),
  ha_token: text('Home Assistant long-lived access token (not needed in add-on mode).', {
    secret: true,
    expect: 'a long-lived access token from your Home Assistant profile page',
  }),
  energy_dashboard: v.optional(
    v.pipe(
      v.picklist(['off', 'auto'] as const),
      v.description('`auto` adds the imported statistics to the Energy Dashboard when it has no grid source yet.'),
      v.metadata({ expect: 'off or auto' }),
    ),
    'off',
  ),
  ha_rest_states: flag(
    false,
    'Also post the sensors as Home Assistant REST states (`POST /api/states`), for installations without ' +
      'an MQTT broker. Such entities have no unique id (no renaming, area or device) and Home Assistant ' +
      'forgets them on restart until they are posted again (checked every minute). Needs `ha_url` and ' +
      '`ha_token`, or add-on mode.',
  ),
  install_integration: flag(
    true,
    "Add-on mode: copy the MyElectricalData Home Assistant integration into Home Assistant's " +
      '`custom_components` when it is missing or older, and say once (a notification) that Home Assistant ' +
      'needs a restart. The add-on announces itself to the integration through the Supervisor either way.',
  ),
  price_base_kwh: price('Base tariff'),
  price_hc_kwh: price('Off-peak (heures creuses)'),
  price_hp_kwh: price('Peak (heures pleines)'),
  price_production_kwh: price('Production (sold energy)'),
  tariff: v.optional(
    v.pipe(
      v.picklist(['base', 'hc_hp', 'tempo'] as const),
      v.description(
        'Tariff of the consumption costs: `base`, `hc_hp` (off-peak hours of the contract, dated) or `tempo` (six prices; a Tempo day runs from 06:00 to 06:00). Empty: from the contract (Tempo with the six Tempo prices, HC/HP with both HC and HP prices, else Base).',
      ),
      v.metadata({ expect: 'base, hc_hp or tempo' }),
    ),
  ),
  ...tempoPrices,
  subscription_eur_month: subscription,
  prices: v.optional(
    v.pipe(
      v.array(pricePeriod, 'is not a list'),
      v.check(sortedFroms, unsortedMessage),
      v.description(
        'Dated prices: a list of periods `{from: YYYY-MM-DD, price_…_kwh: …, subscription_eur_month: …}`, oldest first; each period sets the prices it names from its `from` day (Paris) on, the others carry on. The simple `price_*` settings apply from the beginning. Env: a JSON list.',
      ),
      v.metadata({
        expect: 'a list of periods such as [{"from": "2025-02-01", "price_base_kwh": 0.2016}]',
        jsonList: true,
      }),
    ),
    [],
  ),
  mqtt: v.optional(
    v.pipe(
      v.boolean(),
      v.description('Publish to MQTT (states and Home Assistant discovery).'),
      v.metadata({
        defaultText: '`true` when `mqtt_url` is set, or in add-on mode (broker from the Supervisor); else `false`',
      }),
    ),
  ),
  mqtt_url: v.optional(
    v.pipe(
      v.string(),
      v.url('is not an mqtt:// or mqtts:// URL'),
      v.regex(/^mqtts?:\/\/[^\s/]+/i, 'is not an mqtt:// or mqtts:// URL'),
      v.description('MQTT broker URL (`mqtt://host:1883` or `mqtts://host:8883`). Empty: MQTT export off.'),
      v.metadata({ expect: 'a broker URL such as mqtt://127.0.0.1:1883' }),
    ),
  ),
  mqtt_username: text('MQTT user name.'),
  mqtt_password: text('MQTT password.', { secret: true }),
  mqtt_client_id: text('MQTT client id. Empty: a random id.'),
  mqtt_prefix: v.optional(
    v.pipe(v.string(), v.minLength(1, 'is empty'), v.description('Topic prefix for states.')),
    'myelectricaldata',
  ),
  mqtt_qos: v.optional(
    v.pipe(
      v.picklist([0, 1, 2] as const, 'is not 0, 1 or 2'),
      v.description('MQTT QoS of published messages.'),
      v.metadata({ expect: '0, 1 or 2' }),
    ),
    1,
  ),
  mqtt_retain: flag(true, 'Publish states retained.'),
  mqtt_discovery: flag(true, 'Publish Home Assistant MQTT discovery configs.'),
  mqtt_discovery_prefix: v.optional(
    v.pipe(v.string(), v.minLength(1, 'is empty'), v.description('Home Assistant MQTT discovery prefix.')),
    'homeassistant',
  ),
  mqtt_ca: text('Path to a PEM CA certificate for `mqtts://`.'),
  mqtt_cert: text('Path to a PEM client certificate for `mqtts://`.'),
  mqtt_key: text('Path to the PEM private key of `mqtt_cert`.'),
  mqtt_insecure: flag(false, 'Accept any broker TLS certificate (testing only).'),
  victoriametrics_url: v.optional(
    v.pipe(
      httpUrl,
      v.description(
        'VictoriaMetrics server to push the whole history to (`http://127.0.0.1:8428`). Empty: off. Start ' +
          'it with a long `-retentionPeriod` (e.g. `10y`): the default, one month, drops older data.',
      ),
      v.metadata({ expect: 'a URL such as http://127.0.0.1:8428' }),
    ),
  ),
  victoriametrics_username: text('VictoriaMetrics basic-auth user name (with `victoriametrics_password`).'),
  victoriametrics_password: text('VictoriaMetrics basic-auth password.', { secret: true }),
  victoriametrics_token: text('VictoriaMetrics bearer token (instead of a user name and password).', {
    secret: true,
  }),
  victoriametrics_extra_labels: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^(\s*[a-zA-Z_][a-zA-Z0-9_]*=[^,=]*)(,\s*[a-zA-Z_][a-zA-Z0-9_]*=[^,=]*)*\s*$/, 'is not name=value pairs'),
      v.description('Labels added to every pushed series, as `name=value` pairs separated by commas (`home=paris`).'),
      v.metadata({ expect: 'comma-separated name=value pairs such as home=paris,site=main' }),
    ),
  ),
  jeedom_url: v.optional(
    v.pipe(
      httpUrl,
      v.description(
        'Jeedom base URL, e.g. `http://jeedom.local`: one virtual equipment per PDL (plus one for Tempo and ' +
          'EcoWatt) with every value at its real date. Empty: Jeedom export off. Needs the Virtual plugin.',
      ),
      v.metadata({ expect: 'a URL such as http://jeedom.local' }),
    ),
  ),
  jeedom_api_key: text(
    'Jeedom API key: the core key (Réglages → Système → Configuration → API), not the Virtual plugin key.',
    {
      secret: true,
      expect: 'the "Clé API" shown in Jeedom under Réglages → Système → Configuration → API',
    },
  ),
  jeedom_object: text('Jeedom object (room) to put the equipment in, by name or id. Empty: no object.', {
    expect: 'an object name such as Maison, or its id such as 3',
  }),
  jeedom_history: flag(true, 'Push the whole stored history to Jeedom with its real dates (else only new values).'),
  api_host: v.optional(
    v.pipe(
      v.string(),
      v.minLength(1, 'is empty'),
      v.description(
        'Address the local API listens on: `127.0.0.1` answers this machine only, `0.0.0.0` the network ' +
          '(the Docker image and the add-on set `0.0.0.0`).',
      ),
      v.metadata({ expect: 'an address such as 127.0.0.1 or 0.0.0.0' }),
    ),
    '127.0.0.1',
  ),
  supervisor_url: v.optional(
    v.pipe(
      httpUrl,
      v.description('Home Assistant Supervisor API in add-on mode; read from the environment only.'),
      v.metadata({ envOnly: true, expect: 'http://supervisor' }),
    ),
    'http://supervisor',
  ),
  api_allowed_hosts: v.optional(
    v.pipe(
      v.array(
        v.pipe(v.string(), v.minLength(1, 'is empty'), v.regex(/^[A-Za-z0-9.-]+$/, 'is not a host name')),
        'is not a list',
      ),
      v.description(
        'Host names the local API answers besides IP addresses and `localhost` (e.g. `nas.local`), so that a ' +
          'web page cannot reach it through a DNS name of its own (DNS rebinding). Env: comma-separated.',
      ),
      v.metadata({ expect: 'a comma-separated list of host names such as nas.local,myserver' }),
    ),
    [],
  ),
  api_token: text(
    'When set, every API request except `/api/health` needs `Authorization: Bearer <token>`; the status page asks for it once. Set it when `api_host` is not 127.0.0.1.',
    { secret: true, expect: 'a long random text, e.g. from `openssl rand -hex 24`' },
  ),
  ingress_addresses: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.minLength(1, 'is empty')), 'is not a list'),
      v.description(
        'In add-on mode the API answers only these addresses (the Supervisor ingress proxy), except ' +
          '`/api/health`; read from the environment only.',
      ),
      v.metadata({ envOnly: true, expect: 'a comma-separated list of IP addresses such as 172.30.32.2' }),
    ),
    ['172.30.32.2'],
  ),
  ha_config_dir: v.optional(
    v.pipe(
      v.string(),
      v.minLength(1, 'is empty'),
      v.description(
        "Home Assistant's config folder as the add-on sees it (the `homeassistant_config` map), where " +
          '`install_integration` copies the integration; read from the environment only.',
      ),
      v.metadata({ envOnly: true, expect: 'a folder such as /homeassistant' }),
    ),
    '/homeassistant',
  ),
  supervisor_token: text('Set by the Home Assistant Supervisor in add-on mode; read from the environment only.', {
    secret: true,
    envOnly: true,
  }),
} satisfies v.ObjectEntries;

export type SettingKey = keyof typeof settings;
export const SETTING_KEYS = Object.keys(settings) as SettingKey[];

export const ConfigSchema = v.object(settings);
export type Config = v.InferOutput<typeof ConfigSchema>;
/** A partial, not yet validated configuration (one source, or the merge of several). */
export type RawConfig = Partial<Record<SettingKey, unknown>>;

export function envName(key: string): string {
  return key.toUpperCase();
}
