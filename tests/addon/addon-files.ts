/** Reads the add-on's files the way the Supervisor does (YAML 1.1, like PyYAML). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(__dirname, '../..');
export const ADDON_DIR = join(ROOT, 'addon');

export function readText(...parts: string[]): string {
  return readFileSync(join(ROOT, ...parts), 'utf8');
}

export function readYaml11(...parts: string[]): Record<string, unknown> {
  return parse(readText(...parts), { version: '1.1' }) as Record<string, unknown>;
}

export function packageVersion(): string {
  return (JSON.parse(readText('package.json')) as { version: string }).version;
}

export interface AddonConfig {
  [key: string]: unknown;
  options: Record<string, unknown>;
  schema: Record<string, string | [string]>;
}

export function addonConfig(): AddonConfig {
  return readYaml11('addon', 'config.yaml') as AddonConfig;
}
