/** Turns one validation issue into one line: the setting as the user wrote it, the problem, the fix. */
import type * as v from 'valibot';
import { settingInfo } from './introspect.js';
import type { SettingKey } from './settings.js';
import type { Source } from './sources.js';

const KIND_PROBLEMS: Record<string, string> = {
  boolean: 'is not true or false',
  string: 'is not text',
  number: 'is not a number',
  array: 'is not a list',
  record: 'is not a map',
};

const KIND_EXPECT: Record<string, string> = {
  boolean: 'true or false',
  string: 'text',
  number: 'a number',
  array: 'a comma-separated list',
  record: 'key=value pairs separated by commas',
};

export function describeIssue(issue: v.BaseIssue<unknown>, origins: Partial<Record<SettingKey, Source>>): string {
  const key = issue.path?.[0]?.key as SettingKey;
  const info = settingInfo(key);
  const source = origins[key];
  const label = source?.label(key) ?? key;
  const target = source?.target(key) ?? key;
  const item = issue.path && issue.path.length > 1 ? 'item ' : '';
  const value = info.meta.secret ? 'the value' : `${item}${show(issue.input)}`;
  const expect = info.meta.expect ?? (info.kind === 'picklist' ? info.options.join(', ') : KIND_EXPECT[info.kind]);
  return `${label}: ${value} ${problemText(issue, info.options)}; set ${target} to ${expect}`;
}

function problemText(issue: v.BaseIssue<unknown>, options: readonly (string | number)[]): string {
  if (issue.kind !== 'schema' || !issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.type === 'picklist') return `is not one of ${options.join(', ')}`;
  return KIND_PROBLEMS[issue.type] ?? issue.message;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
