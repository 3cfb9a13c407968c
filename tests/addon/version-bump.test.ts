/** `npm run version:bump -- <version>` (scripts/release/version.ts) and the release check on the tag. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderAddonConfig } from '../../scripts/addon/addon-config.js';
import {
  addChangelogSection,
  bumpVersion,
  changelogSection,
  PLACEHOLDER,
  versionProblems,
} from '../../scripts/release/version.js';
import { packageVersion, ROOT } from './addon-files.js';

const FILES = [
  'package.json',
  'package-lock.json',
  'addon/config.yaml',
  'addon/custom_components/myelectricaldata/manifest.json',
  'addon/CHANGELOG.md',
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'med-bump-'));
  mkdirSync(join(dir, 'addon/custom_components/myelectricaldata'), { recursive: true });
  for (const file of FILES) cpSync(join(ROOT, file), join(dir, file));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;

describe('version bump', () => {
  it('the committed files agree on the current version (tag check of the release workflow)', () => {
    expect(versionProblems(ROOT, packageVersion())).toEqual([]);
  });

  it('writes the version to package.json, the lock file root, addon/config.yaml and a new changelog section', () => {
    const before = { pkg: json('package.json'), lock: json('package-lock.json') };
    // A changelog without an [Unreleased] section: the bump adds one to fill in.
    const current = `## [${packageVersion()}] - 2026-11-27\n\n### Added\n\n- First release.\n`;
    writeFileSync(join(dir, 'addon/CHANGELOG.md'), `# Changelog\n\nIntro.\n\n${current}`);
    expect(bumpVersion(dir, '99.1.0', '2030-01-02')).toEqual(FILES);

    expect(json('package.json')).toEqual({ ...before.pkg, version: '99.1.0' });
    const lock = json('package-lock.json') as { version: string; packages: Record<string, { version: string }> };
    expect(lock.version).toBe('99.1.0');
    expect(lock.packages[''].version).toBe('99.1.0');
    // Only the root version changes: every dependency entry stays as it was.
    const oldLock = before.lock as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages)).toEqual(Object.keys(oldLock.packages));
    expect(lock.packages['node_modules/better-sqlite3']).toEqual(oldLock.packages['node_modules/better-sqlite3']);

    expect(read('addon/config.yaml')).toBe(renderAddonConfig('99.1.0'));
    expect(parse(read('addon/config.yaml'), { version: '1.1' }).version).toBe('99.1.0');

    const changelog = read('addon/CHANGELOG.md');
    expect(changelog).toContain('## [99.1.0] - 2030-01-02');
    expect(changelog.indexOf('## [99.1.0]')).toBeLessThan(changelog.indexOf(`## [${packageVersion()}]`));
    expect(changelog).toBe(
      `# Changelog\n\nIntro.\n\n## [99.1.0] - 2030-01-02\n\n### Changed\n\n${PLACEHOLDER}\n\n${current}`,
    );
    // The new section must be written before the tag may ship.
    expect(versionProblems(dir, '99.1.0')).toEqual(['addon/CHANGELOG.md: fill in the 99.1.0 section']);
    writeFileSync(join(dir, 'addon/CHANGELOG.md'), changelog.replace(PLACEHOLDER, '- Something new.'));
    expect(versionProblems(dir, '99.1.0')).toEqual([]);
    // The old version is no longer the one of the files (its changelog section stays).
    expect(versionProblems(dir, packageVersion())).toHaveLength(4);
  });

  it('renames an [Unreleased] section instead of adding one', () => {
    const text = '# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A bug.\n\n## [0.1.0] - 2026-11-27\n\n- First.\n';
    const out = addChangelogSection(text, '0.2.0', '2030-01-02');
    expect(out).toBe(text.replace('## [Unreleased]', '## [0.2.0] - 2030-01-02'));
    expect(changelogSection(out, '0.2.0')).toBe('### Fixed\n\n- A bug.');
    expect(changelogSection(out, '0.1.0')).toBe('- First.');
    expect(changelogSection(out, '0.3.0')).toBeUndefined();
  });

  it('refuses a malformed or not newer version and leaves the files alone', () => {
    const before = FILES.map(read);
    expect(() => bumpVersion(dir, 'v1.2', '2030-01-02')).toThrow(/not a version/);
    expect(() => bumpVersion(dir, packageVersion(), '2030-01-02')).toThrow(/not newer/);
    expect(() => bumpVersion(dir, '0.0.9', '2030-01-02')).toThrow(/not newer/);
    expect(FILES.map(read)).toEqual(before);
  });

  it('turns the committed [Unreleased] section, if any, into the new version', () => {
    const unreleased = changelogSection(read('addon/CHANGELOG.md'), 'Unreleased');
    bumpVersion(dir, '99.1.0', '2030-01-02');
    if (unreleased !== undefined) {
      expect(changelogSection(read('addon/CHANGELOG.md'), '99.1.0')).toBe(unreleased);
      expect(versionProblems(dir, '99.1.0')).toEqual([]);
    }
  });

  it('bumping twice to the same version keeps one changelog section', () => {
    bumpVersion(dir, '99.1.0', '2030-01-02');
    const once = FILES.map(read);
    expect(() => bumpVersion(dir, '99.1.0', '2030-01-03')).toThrow(/not newer/);
    expect(FILES.map(read)).toEqual(once);
  });
});
