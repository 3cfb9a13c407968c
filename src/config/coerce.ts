/**
 * Boundary coercion: environment variables are strings, and YAML or add-on options may write lists, maps,
 * numbers and booleans as text. Turn text into the setting's kind when it reads unambiguously; anything
 * else is left untouched so that validation reports it with the setting's name. An empty value means
 * "not set".
 */
import type { SettingInfo } from './introspect.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export function coerceValue(info: SettingInfo, value: unknown): unknown {
  if (typeof value === 'number' && (info.kind === 'string' || info.kind === 'array')) {
    return info.kind === 'array' ? [String(value)] : String(value);
  }
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'number' ? String(item) : item));
  if (typeof value !== 'string') return value;
  const s = value.trim();
  if (s === '') return undefined;
  switch (info.kind) {
    case 'number':
      return NUMBER.test(s) ? Number(s) : s;
    case 'boolean':
      return coerceBoolean(s);
    case 'picklist':
      return typeof info.options[0] === 'number' && NUMBER.test(s) ? Number(s) : s.toLowerCase();
    case 'array':
      return info.meta.jsonList ? parseJsonList(s) : splitList(s);
    case 'record':
      return parsePairs(s);
    default:
      return s;
  }
}

function coerceBoolean(s: string): boolean | string {
  const lower = s.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return s;
}

/** A JSON list (`[{"from": …}]`); the text itself when it is not one, so validation names it. */
function parseJsonList(s: string): unknown {
  try {
    const value: unknown = JSON.parse(s);
    return Array.isArray(value) ? value : s;
  } catch {
    return s;
  }
}

/** Items separated by commas; `\,` is a comma inside an item. */
function splitList(s: string): string[] {
  return s
    .split(/(?<!\\),/)
    .map((item) => item.replaceAll('\\,', ',').trim())
    .filter((item) => item !== '');
}

/**
 * `123=Maison,456=Garage` → `{ '123': 'Maison', '456': 'Garage' }` (a comma inside a name is written
 * `\,`: `123=Maison\, étage`); the text itself when a pair has no `=`.
 */
function parsePairs(s: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const pair of splitList(s)) {
    const at = pair.indexOf('=');
    if (at <= 0) return s;
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}
