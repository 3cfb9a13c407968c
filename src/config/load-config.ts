/**
 * Loads the configuration from its sources, later ones winning: defaults, YAML config file
 * (`CONFIG_FILE`, else `<data_dir>/config.yaml` when present), add-on options file (`/data/options.json`
 * when present), environment variables, command-line flags. The environment is passed in: this is the
 * only place that interprets it. Rejects with a `ConfigError` listing every problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { registerSecret } from '../log/redact.js';
import { ConfigError } from './config-error.js';
import { describeIssue } from './describe-issue.js';
import { isSecret } from './introspect.js';
import { type Config, ConfigSchema, type RawConfig, type SettingKey } from './settings.js';
import { defaultSource, envSource, fileSource, flagSource, type Source } from './sources.js';

export const ADDON_OPTIONS_FILE = '/data/options.json';
export const ADDON_DATA_DIR = '/data';

export interface ConfigFs {
  exists(path: string): boolean;
  read(path: string): string;
}

export interface LoadConfigOptions {
  env: Record<string, string | undefined>;
  /** Command-line flags, snake_case keys (e.g. `{ port: 0 }` for `--port 0`). */
  flags?: RawConfig;
  /** The Home Assistant add-on options file; `/data/options.json` by default. */
  optionsFile?: string;
  fs?: ConfigFs;
}

export interface LoadedConfig {
  config: Config;
  /** Non-fatal findings (unknown keys with a suggestion, ignored keys). */
  warnings: string[];
  /** The files that were read, in order. */
  files: string[];
}

const nodeFs: ConfigFs = { exists: existsSync, read: (path) => readFileSync(path, 'utf8') };

export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const fs = options.fs ?? nodeFs;
  const env = envSource(options.env);
  const flags = flagSource(options.flags ?? {});
  const defaults = defaultSource(computedDefaults(env.values, fs));
  const problems: string[] = [];
  const warnings: string[] = [];
  const files: string[] = [];
  const readFile = async (path: string): Promise<Source | undefined> => {
    let text: string;
    try {
      text = fs.read(path);
    } catch (err) {
      problems.push(unreadable(path, err));
      return undefined;
    }
    const result = await fileSource(path, text);
    files.push(path);
    problems.push(...result.problems);
    warnings.push(...result.warnings);
    return result.source;
  };
  const yamlPath = configFilePath(options.env, [flags, env, defaults], fs, problems);
  const yaml = yamlPath ? await readFile(yamlPath) : undefined;
  const optionsPath = options.optionsFile ?? ADDON_OPTIONS_FILE;
  const addon = fs.exists(optionsPath) ? await readFile(optionsPath) : undefined;
  const { merged, origins } = merge([defaults, yaml, addon, env, flags]);
  registerSecrets(merged);
  const result = v.safeParse(ConfigSchema, merged);
  if (result.success) {
    registerSecrets(result.output);
    if (problems.length === 0) return { config: result.output, warnings, files };
  } else {
    problems.push(...firstIssuePerSetting(result.issues).map((issue) => describeIssue(issue, origins)));
  }
  throw new ConfigError(problems, warnings);
}

function unreadable(path: string, err: unknown): string {
  const code = (err as { code?: string }).code;
  const what =
    code === 'EISDIR'
      ? 'is a folder, not a file'
      : code === 'EACCES'
        ? 'cannot be read (permission denied)'
        : `cannot be read (${code ?? 'unknown error'})`;
  const setting = path === ADDON_OPTIONS_FILE ? 'the add-on options file' : 'CONFIG_FILE';
  return `${setting}: ${JSON.stringify(path)} ${what}; set CONFIG_FILE to your YAML file (e.g. /config/config.yaml) or unset it`;
}

function computedDefaults(env: RawConfig, fs: ConfigFs): RawConfig {
  const addonMode = typeof env.supervisor_token === 'string';
  // The Supervisor proxies the core API under `/core` (SUPERVISOR_URL only changes in tests).
  const supervisor =
    typeof env.supervisor_url === 'string' ? env.supervisor_url.replace(/\/+$/, '') : 'http://supervisor';
  return {
    data_dir: fs.exists(ADDON_DATA_DIR) ? ADDON_DATA_DIR : './data',
    ...(addonMode ? { home_assistant: true, ha_url: `${supervisor}/core` } : { home_assistant: false }),
  };
}

/** The YAML file: `CONFIG_FILE` (must exist), else `config.yaml` in the data folder when it exists. */
function configFilePath(
  env: Record<string, string | undefined>,
  dataDirSources: Source[],
  fs: ConfigFs,
  problems: string[],
): string | undefined {
  const explicit = env.CONFIG_FILE?.trim();
  if (explicit) {
    if (fs.exists(explicit)) return explicit;
    problems.push(
      `CONFIG_FILE: ${JSON.stringify(explicit)} does not exist; set CONFIG_FILE to your YAML file or unset it`,
    );
    return undefined;
  }
  const dataDir = dataDirSources.map((s) => s.values.data_dir).find((d) => typeof d === 'string');
  const candidate = typeof dataDir === 'string' ? join(dataDir, 'config.yaml') : undefined;
  return candidate && fs.exists(candidate) ? candidate : undefined;
}

function merge(sources: (Source | undefined)[]): { merged: RawConfig; origins: Partial<Record<SettingKey, Source>> } {
  const merged: RawConfig = {};
  const origins: Partial<Record<SettingKey, Source>> = {};
  for (const source of sources) {
    if (!source) continue;
    for (const [key, value] of Object.entries(source.values) as [SettingKey, unknown][]) {
      if (value === undefined) continue;
      merged[key] = value;
      origins[key] = source;
    }
  }
  return { merged, origins };
}

/** Secret settings, and passwords inside URLs (database_url, mqtt_url), are redacted from then on. */
function registerSecrets(values: RawConfig): void {
  for (const [key, value] of Object.entries(values) as [SettingKey, unknown][]) {
    if (typeof value !== 'string') continue;
    if (isSecret(key)) registerSecret(value);
    else registerSecret(urlPassword(value));
  }
}

function urlPassword(value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^@/]*:[^@/]*@/i.test(value)) return undefined;
  try {
    return decodeURIComponent(new URL(value).password) || undefined;
  } catch {
    return undefined;
  }
}

/** One line per setting: a value that fails several checks is reported by its first failure only. */
function firstIssuePerSetting<T extends v.BaseIssue<unknown>>(issues: readonly T[]): T[] {
  const seen = new Set<unknown>();
  return issues.filter((issue) => {
    const key = issue.path?.[0]?.key;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
