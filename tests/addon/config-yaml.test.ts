/** addon/config.yaml against the Supervisor's own validation rules (transcribed in supervisor-rules.ts). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ADDON_DIR, addonConfig, packageVersion } from './addon-files.js';
import {
  ARCH_SUPPORTED,
  KEY_DEFAULTS,
  OBSOLETE_KEYS,
  RE_DOCKER_IMAGE,
  RE_PANEL_ICON,
  RE_SERVICE,
  RE_SLUG,
  RE_VOLUME,
  REQUIRED_KEYS,
  schemaElementProblems,
  valueProblem,
} from './supervisor-rules.js';

const config = addonConfig();
const OTHER_KNOWN_KEYS = [
  'machine',
  'url',
  'ports',
  'ports_description',
  'webui',
  'ingress_entry',
  'panel_title',
  'homeassistant',
  'devices',
  'map',
  'environment',
  'privileged',
  'services',
  'discovery',
  'backup_exclude',
  'backup_pre',
  'backup_post',
  'options',
  'schema',
  'image',
  'ulimits',
  'breaking_versions',
];

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

describe('addon/config.yaml follows the Supervisor rules', () => {
  it('has every required key as text, and only keys the Supervisor knows (others are silently dropped)', () => {
    for (const key of REQUIRED_KEYS) expect(config[key]).toBeDefined();
    for (const key of ['name', 'version', 'slug', 'description']) expect(typeof config[key]).toBe('string');
    const known = new Set<string>([...REQUIRED_KEYS, ...Object.keys(KEY_DEFAULTS), ...OTHER_KNOWN_KEYS]);
    expect(Object.keys(config).filter((key) => !known.has(key))).toEqual([]);
    expect(Object.keys(config).filter((key) => OBSOLETE_KEYS.includes(key))).toEqual([]);
  });

  it('uses the slug myelectricaldata, which matches the slug pattern', () => {
    expect(config.slug).toBe('myelectricaldata');
    expect(config.slug).toMatch(RE_SLUG);
  });

  it('has the version of package.json (the image tag)', () => {
    expect(config.version).toBe(packageVersion());
  });

  it('lists only supported, non-deprecated architectures', () => {
    expect(Array.isArray(config.arch)).toBe(true);
    expect((config.arch as string[]).length).toBeGreaterThan(0);
    for (const arch of config.arch as string[]) expect(ARCH_SUPPORTED).toContain(arch);
  });

  it('names a generic image without tag', () => {
    expect(config.image).toMatch(RE_DOCKER_IMAGE);
    expect(String(config.image)).not.toMatch(/:[^/]*$/);
  });

  it('runs without Docker init, with the Home Assistant API and the MQTT service when available', () => {
    expect(config.init).toBe(false);
    expect(config.homeassistant_api).toBe(true);
    expect(config.services).toEqual(['mqtt:want']);
    for (const service of config.services as string[]) expect(service).toMatch(RE_SERVICE);
  });

  it('maps a user-visible config folder with valid map entries', () => {
    for (const entry of config.map as string[]) expect(entry).toMatch(RE_VOLUME);
    expect(config.map).toContain('addon_config:rw');
  });

  it('requires Home Assistant 2025.11.0 or newer (statistics metadata with mean_type and unit_class)', () => {
    expect(typeof config.homeassistant).toBe('string');
    expect(compareVersions(config.homeassistant as string, '2025.11.0')).toBeGreaterThanOrEqual(0);
  });

  it('serves its page through ingress with a panel icon and title', () => {
    expect(config.ingress).toBe(true);
    expect(config.panel_icon).toMatch(RE_PANEL_ICON);
    expect(typeof config.panel_title).toBe('string');
    expect(config).not.toHaveProperty('ports');
  });

  it('sets no key to its default value', () => {
    const redundant = Object.entries(KEY_DEFAULTS).filter(([key, value]) => config[key] === value);
    expect(redundant).toEqual([]);
  });

  it('has a schema whose every element follows the Supervisor grammar', () => {
    const problems = Object.entries(config.schema).flatMap(([key, type]) => schemaElementProblems(type, key));
    expect(problems).toEqual([]);
  });

  it('has options consistent with the schema: known keys, no default for optional ones, typed defaults', () => {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(config.options)) {
      const type = config.schema[key];
      if (type === undefined) problems.push(`${key}: option without schema`);
      else if (Array.isArray(type)) {
        if (!Array.isArray(value)) problems.push(`${key}: list schema but the default is not a list`);
        else for (const item of value) if (valueProblem(type[0], item)) problems.push(`${key}: bad list item`);
      } else if (type.endsWith('?')) problems.push(`${key}: optional (${type}) but has a default`);
      else {
        const problem = valueProblem(type, value);
        if (problem) problems.push(`${key}: default ${JSON.stringify(value)} ${problem} (${type})`);
      }
    }
    for (const [key, type] of Object.entries(config.schema)) {
      const optional = Array.isArray(type) ? typeof type[0] !== 'string' || type[0].endsWith('?') : type.endsWith('?');
      if (!optional && !(key in config.options)) problems.push(`${key}: required but no default`);
    }
    expect(problems).toEqual([]);
  });

  it('has the store files next to it', () => {
    const files = ['Dockerfile', 'README.md', 'DOCS.md', 'CHANGELOG.md', 'icon.png', 'logo.png', 'apparmor.txt'];
    expect(files.filter((file) => !existsSync(join(ADDON_DIR, file)))).toEqual([]);
  });
});
