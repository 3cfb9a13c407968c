/**
 * The documentation of every setting, derived from the schema: the README table (`npm run docs:config`)
 * and the add-on options are generated from, or tested against, these rows.
 */
import { type SettingInfo, settingInfo } from './introspect.js';
import { envName, SETTING_KEYS } from './settings.js';

export interface ConfigDocRow {
  key: string;
  env: string;
  /** Human type: `boolean`, `integer (0-65535)`, `one of: off, auto`, `list`, … */
  type: string;
  /** Default as text (empty when the setting has none). */
  default: string;
  description: string;
  secret: boolean;
  /** Set only through the environment (not in files or add-on options). */
  envOnly: boolean;
  /** Home Assistant Supervisor option schema type (`password`, `port`, `bool`, `list(off|auto)`, `str?`, …). */
  addonType: string;
}

export function configDocs(): ConfigDocRow[] {
  return SETTING_KEYS.map((key) => {
    const info = settingInfo(key);
    return {
      key,
      env: envName(key),
      type: typeText(info),
      default: info.meta.defaultText ?? defaultText(info.defaultValue),
      description: info.description,
      secret: info.meta.secret === true,
      envOnly: info.meta.envOnly === true,
      addonType: addonType(info),
    };
  });
}

function typeText(info: SettingInfo): string {
  switch (info.kind) {
    case 'number': {
      const range =
        info.max !== undefined ? ` (${info.min ?? ''}-${info.max})` : info.min !== undefined ? ` (≥ ${info.min})` : '';
      return `${info.integer ? 'integer' : 'number'}${range}`;
    }
    case 'picklist':
      return `one of: ${info.options.join(', ')}`;
    case 'array':
      return 'list';
    case 'record':
      return 'map';
    default:
      return info.url ? 'URL' : info.kind;
  }
}

function defaultText(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? '(empty)' : value.join(',');
  if (value && typeof value === 'object') return Object.keys(value).length === 0 ? '(empty)' : JSON.stringify(value);
  return String(value);
}

const ADDON_KINDS: Record<string, string> = { boolean: 'bool', string: 'str', array: 'str', record: 'str' };

function addonType(info: SettingInfo): string {
  const optional = info.defaultValue === undefined ? '?' : '';
  return `${info.meta.addonType ?? baseAddonType(info)}${optional}`;
}

function baseAddonType(info: SettingInfo): string {
  if (info.meta.secret) return 'password';
  if (info.url) return 'url';
  if (info.kind === 'number') return `${info.integer ? 'int' : 'float'}(${info.min ?? ''},${info.max ?? ''})`;
  if (info.kind === 'picklist' && typeof info.options[0] === 'number') {
    return `int(${Math.min(...(info.options as number[]))},${Math.max(...(info.options as number[]))})`;
  }
  if (info.kind === 'picklist') return `list(${info.options.join('|')})`;
  return ADDON_KINDS[info.kind] ?? 'str';
}
