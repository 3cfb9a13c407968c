/**
 * Settings that only make sense together, checked before anything starts so that `start` and `sync`
 * exit with code 2 and one line per problem instead of running without the export the user asked for:
 * Home Assistant or REST states on without a URL and token, MQTT TLS files that do not exist.
 */
import { existsSync } from 'node:fs';
import type { Config } from '../config/index.js';
import { ConfigError } from '../config/index.js';
import { envName } from '../config/settings.js';
import { errorMessage } from '../errors/app-error.js';
import { haRestStatesOptions, homeAssistantConnection, mqttEnabled } from './exporter-factories.js';
import { tariffProblems } from './tariff-settings.js';

const TLS_FILES = ['mqtt_ca', 'mqtt_cert', 'mqtt_key'] as const;

function problemOf(check: () => unknown): string[] {
  try {
    check();
    return [];
  } catch (err) {
    return [errorMessage(err)];
  }
}

export function settingProblems(config: Config, exists: (path: string) => boolean = existsSync): string[] {
  const problems: string[] = [...tariffProblems(config)];
  if (config.home_assistant) problems.push(...problemOf(() => homeAssistantConnection(config)));
  if (config.ha_rest_states) problems.push(...problemOf(() => haRestStatesOptions(config)));
  if (mqttEnabled(config)) {
    for (const key of TLS_FILES) {
      const value = config[key];
      if (value && !value.includes('-----BEGIN') && !exists(value)) {
        problems.push(
          `${envName(key)}: the file ${JSON.stringify(value)} does not exist; give the path of a readable PEM file (or the PEM text itself), or unset ${envName(key)}`,
        );
      }
    }
  }
  return problems;
}

/** Throws a `ConfigError` (exit code 2) listing every problem. */
export function checkSettings(config: Config): void {
  const problems = settingProblems(config);
  if (problems.length > 0) throw new ConfigError(problems);
}
