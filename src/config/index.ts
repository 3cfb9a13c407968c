export { type ConfigDocRow, configDocs } from './config-docs.js';
export { ConfigError } from './config-error.js';
export {
  ADDON_OPTIONS_FILE,
  type ConfigFs,
  type LoadConfigOptions,
  type LoadedConfig,
  loadConfig,
} from './load-config.js';
export { redactConfig } from './redact-config.js';
export { requireSettings } from './require-settings.js';
export { type Config, LOG_LEVELS, type RawConfig, type SettingKey } from './settings.js';
