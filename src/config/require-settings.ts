/** Settings that are optional in general but needed by one command (e.g. the client secret to sync). */
import { ConfigError } from './config-error.js';
import { settingInfo } from './introspect.js';
import { type Config, envName, type SettingKey } from './settings.js';

export function requireSettings(config: Config, keys: SettingKey[], command: string): void {
  const problems = keys
    .filter((key) => config[key] === undefined)
    .map((key) => {
      const expect = settingInfo(key).meta.expect ?? 'a value';
      return `${envName(key)}: not set, and "${command}" needs it; set ${envName(key)} (or ${key} in config.yaml or the add-on options) to ${expect}`;
    });
  if (problems.length > 0) throw new ConfigError(problems);
}
