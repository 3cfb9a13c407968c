/** A configuration safe to print: secret settings masked, passwords inside URLs masked. */
import { REDACTED, redactText } from '../log/redact.js';
import { isSecret } from './introspect.js';
import type { Config, SettingKey } from './settings.js';

export function redactConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config) as [SettingKey, unknown][]) {
    if (value === undefined) continue;
    if (isSecret(key)) out[key] = REDACTED;
    else out[key] = typeof value === 'string' ? redactText(value) : value;
  }
  return out;
}
