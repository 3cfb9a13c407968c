/**
 * The places a setting can come from, each turned into a `Source`: its values (already coerced) and how
 * to name a setting the way the user wrote it, for error lines ("PORT", "/data/config.yaml: port").
 * The YAML parser and the spelling suggester are loaded only when a file needs them: most starts read no
 * YAML (the add-on's options file is JSON) and have no misspelt key, and once loaded both stay for the life
 * of the process (about 0.5 MiB: 115 KB of code, and a 256 KiB table the suggester allocates).
 */
import { coerceValue } from './coerce.js';
import { settingInfo } from './introspect.js';
import { envName, type RawConfig, SETTING_KEYS, type SettingKey } from './settings.js';

export interface Source {
  values: RawConfig;
  /** How the user wrote the setting: `PORT`, `--port`, `/data/config.yaml: port`. */
  label(key: SettingKey): string;
  /** What to change, for the fix: `PORT`, `port in /data/config.yaml`. */
  target(key: SettingKey): string;
}

export interface SourceResult {
  source?: Source;
  problems: string[];
  warnings: string[];
}

export function envSource(env: Record<string, string | undefined>): Source {
  const values: RawConfig = {};
  for (const key of SETTING_KEYS) {
    const raw = env[envName(key)];
    if (raw !== undefined) values[key] = coerceValue(settingInfo(key), raw);
  }
  return { values, label: envName, target: envName };
}

/** Command-line flags such as `--port 0` (keys given in snake_case). */
export function flagSource(flags: RawConfig): Source {
  const values: RawConfig = {};
  for (const [key, raw] of Object.entries(flags) as [SettingKey, unknown][]) {
    if (raw !== undefined) values[key] = coerceValue(settingInfo(key), raw);
  }
  const flag = (key: SettingKey) => `--${key.replace(/_/g, '-')}`;
  return { values, label: flag, target: flag };
}

/** Defaults computed at load time (data_dir, add-on mode); they can still be wrong (e.g. a bad DATA_DIR). */
export function defaultSource(values: RawConfig): Source {
  return { values, label: (key) => `${key} (default)`, target: envName };
}

/** A YAML config file or the add-on options file (JSON is YAML). */
export async function fileSource(path: string, text: string): Promise<SourceResult> {
  const parsed = await parseMap(path, text);
  if (typeof parsed === 'string') return { problems: [parsed], warnings: [] };
  const values: RawConfig = {};
  const warnings: string[] = [];
  for (const [key, raw] of Object.entries(parsed)) {
    const known = (SETTING_KEYS as string[]).includes(key) ? (key as SettingKey) : undefined;
    if (!known) warnings.push(await unknownKeyWarning(path, key));
    else if (settingInfo(known).meta.envOnly)
      warnings.push(`${path}: ${key} is ignored; it is read from the environment only`);
    else values[known] = coerceValue(settingInfo(known), raw);
  }
  const label = (key: SettingKey) => `${path}: ${key}`;
  return { source: { values, label, target: (key) => `${key} in ${path}` }, problems: [], warnings };
}

/**
 * The file's top-level map, or the problem line when it is not one. An empty file is an empty map. A
 * `.json` file holding an object (the add-on's options file, written by the Supervisor) is read without
 * the YAML parser; anything else goes to it, which also names the syntax error of a broken JSON file.
 */
async function parseMap(path: string, text: string): Promise<Record<string, unknown> | string> {
  let doc: unknown;
  try {
    doc = (path.endsWith('.json') ? parseJsonObject(text) : undefined) ?? (await import('yaml')).parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0].replace(/:$/, '') : String(err);
    return `${path}: cannot be read (${reason}); fix the syntax of the file`;
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return `${path}: is not a map of settings; write one "key: value" per line`;
  }
  return doc as Record<string, unknown>;
}

/** The object `text` holds when it is a JSON object, else undefined (the YAML parser then reads it). */
function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>; // a JSON text starting with `{` is an object
  } catch {
    return undefined;
  }
}

async function unknownKeyWarning(path: string, key: string): Promise<string> {
  const { closest, distance } = await import('fastest-levenshtein');
  const normalised = key.toLowerCase().replace(/-/g, '_');
  const guess = closest(normalised, [...SETTING_KEYS]);
  const near = distance(normalised, guess) <= Math.max(2, Math.floor(guess.length / 3));
  const hint = near ? `did you mean "${guess}"? ` : '';
  return `${path}: unknown setting "${key}" is ignored; ${hint}see the configuration table in README.md`;
}
