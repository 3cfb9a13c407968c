/**
 * The add-on's `options` (defaults) and `schema` (Supervisor types), derived from the configuration schema
 * (`configDocs()` rows and the settings' defaults), so that the add-on's Configuration tab offers exactly
 * the program's user settings. Pure: `scripts/generate-addon-config.ts` writes the result into
 * `addon/config.yaml` and `tests/addon/` checks the committed file against it.
 */
import type { ConfigDocRow } from '../../src/config/config-docs.js';

/** Settings the add-on sets itself or takes from the Supervisor: not offered as options. */
export const ADDON_MANAGED: Readonly<Record<string, string>> = {
  data_dir: 'always /data (persistent and included in backups)',
  port: 'the add-on serves the ingress port 8099',
  api_host: 'the add-on listens on 0.0.0.0 behind the ingress proxy',
  api_allowed_hosts: 'the add-on answers only the ingress proxy',
  api_token: 'the add-on answers only the ingress proxy (Home Assistant authenticates the user)',
  ha_url: 'the add-on reaches Home Assistant through the Supervisor proxy',
  ha_token: 'the add-on authenticates with SUPERVISOR_TOKEN',
};

/** Add-on values for settings whose program default is computed at start-up (add-on mode turns them on). */
export const ADDON_DEFAULTS: Readonly<Record<string, unknown>> = { home_assistant: true, mqtt: true };

const PRICE = 'float(0,)?';

/** List settings are real lists in the add-on UI (one entry per line, or one form per item), with this element type. */
export const ADDON_LIST_ITEMS: Readonly<Record<string, string | Record<string, string>>> = {
  pdls: 'match(^\\d{14}$)',
  prices: {
    from: 'match(^\\d{4}-\\d{2}-\\d{2}$)',
    price_base_kwh: PRICE,
    price_hc_kwh: PRICE,
    price_hp_kwh: PRICE,
    price_production_kwh: PRICE,
    price_tempo_blue_hc_kwh: PRICE,
    price_tempo_blue_hp_kwh: PRICE,
    price_tempo_white_hc_kwh: PRICE,
    price_tempo_white_hp_kwh: PRICE,
    price_tempo_red_hc_kwh: PRICE,
    price_tempo_red_hp_kwh: PRICE,
    subscription_eur_month: PRICE,
  },
};

export type AddonSchemaType = string | [string | Record<string, string>];

export interface AddonOptions {
  options: Record<string, unknown>;
  schema: Record<string, AddonSchemaType>;
}

/** Whether a setting is offered in the add-on's Configuration tab. */
export function isAddonOption(row: ConfigDocRow): boolean {
  return !row.envOnly && !(row.key in ADDON_MANAGED);
}

/**
 * One option per user setting. A default that means "nothing" (empty text, empty map) becomes an
 * optional option without default, as the Supervisor wants (`str?` and no entry in `options`).
 */
export function addonOptions(rows: readonly ConfigDocRow[], defaults: Readonly<Record<string, unknown>>): AddonOptions {
  const options: Record<string, unknown> = {};
  const schema: Record<string, AddonSchemaType> = {};
  for (const row of rows.filter(isAddonOption)) {
    const item = ADDON_LIST_ITEMS[row.key];
    const value = row.key in ADDON_DEFAULTS ? ADDON_DEFAULTS[row.key] : defaults[row.key];
    const base = row.addonType.replace(/\?$/, '');
    if (item !== undefined) {
      schema[row.key] = [item];
      options[row.key] = Array.isArray(value) ? value : [];
    } else if (isNothing(value)) {
      schema[row.key] = `${base}?`;
    } else {
      schema[row.key] = base;
      options[row.key] = value;
    }
  }
  return { options, schema };
}

function isNothing(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
