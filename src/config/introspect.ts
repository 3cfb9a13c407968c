/** Reads what the settings schema says about one setting: its kind, default, documentation and flags. */
import * as v from 'valibot';
import { type SettingKey, type SettingMeta, settings } from './settings.js';

export type SettingKind = 'string' | 'number' | 'boolean' | 'picklist' | 'array' | 'record';

export interface SettingInfo {
  key: SettingKey;
  kind: SettingKind;
  optional: boolean;
  defaultValue: unknown;
  description: string;
  meta: SettingMeta;
  options: readonly (string | number)[];
  integer: boolean;
  /** The value must be a URL (an `url` or URL-scheme check in its pipe). */
  url: boolean;
  min?: number;
  max?: number;
}

type AnySchema = v.GenericSchema & { pipe?: readonly { type: string; requirement?: unknown }[] };

export function settingInfo(key: SettingKey): SettingInfo {
  const outer = settings[key] as v.GenericSchema;
  const isOptional = outer.type === 'optional';
  const inner = (isOptional ? (outer as unknown as { wrapped: AnySchema }).wrapped : outer) as AnySchema;
  const actions = inner.pipe ?? [];
  const requirement = (type: string) => actions.find((a) => a.type === type)?.requirement as number | undefined;
  return {
    key,
    kind: inner.type as SettingKind,
    optional: isOptional,
    defaultValue: isOptional ? v.getDefault(outer as v.OptionalSchema<AnySchema, unknown>) : undefined,
    description: v.getDescription(inner) ?? '',
    meta: v.getMetadata(inner) as SettingMeta,
    options: (inner as unknown as { options?: (string | number)[] }).options ?? [],
    integer: actions.some((a) => a.type === 'integer'),
    url: hasUrlCheck(inner),
    min: requirement('min_value'),
    max: requirement('max_value'),
  };
}

export function isSecret(key: SettingKey): boolean {
  return settingInfo(key).meta.secret === true;
}

function hasUrlCheck(schema: AnySchema): boolean {
  return (schema.pipe ?? []).some((item) => item.type === 'url' || ('pipe' in item && hasUrlCheck(item as AnySchema)));
}
