/**
 * The version in every place it is written, and the release notes (command line: version-cli.ts):
 *   npm run version:bump -- 0.2.0       package.json, package-lock.json (root), the integration manifest, addon/config.yaml (through the
 *                                       generator) and a `## [0.2.0] - <today>` section of addon/CHANGELOG.md
 *                                       (the `## [Unreleased]` section renamed, or a new one to fill in)
 *   tsx scripts/release/version-cli.ts check 0.2.0   exits 1 unless all of them say 0.2.0 and the changelog
 *                                       section is filled in (the release workflow runs it on the tag)
 *   tsx scripts/release/version-cli.ts notes 0.2.0   prints that changelog section (the GitHub release notes)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAddonConfig } from '../addon/addon-config.js';

export const CHANGELOG = 'addon/CHANGELOG.md';
export const ADDON_CONFIG = 'addon/config.yaml';
/** The Home Assistant integration's manifest: its `version` follows the program's. */
export const INTEGRATION_MANIFEST = 'addon/custom_components/myelectricaldata/manifest.json';
/** Written in a new changelog section; `check` refuses to release while it is there. */
export const PLACEHOLDER = '- Describe the changes of this version here.';

const VERSION = /^\d+\.\d+\.\d+$/;

function compare(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function read(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

/** A JSON file rewritten with the same two-space layout and final newline npm uses. */
function writeJson(root: string, file: string, value: unknown): void {
  writeFileSync(join(root, file), `${JSON.stringify(value, null, 2)}\n`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The body of the `## [version]` section (without its heading), or undefined. */
export function changelogSection(changelog: string, version: string): string | undefined {
  const heading = new RegExp(`^## \\[${escapeRegExp(version)}\\][^\\n]*\\n`, 'm');
  const match = heading.exec(changelog);
  if (!match) return undefined;
  const rest = changelog.slice(match.index + match[0].length);
  const next = /^## \[/m.exec(rest);
  return (next ? rest.slice(0, next.index) : rest).trim();
}

/** The changelog with a section for `version`: `## [Unreleased]` renamed, else a new one above the others. */
export function addChangelogSection(changelog: string, version: string, date: string): string {
  const heading = `## [${version}] - ${date}`;
  if (/^## \[Unreleased\][^\n]*$/m.test(changelog)) return changelog.replace(/^## \[Unreleased\][^\n]*$/m, heading);
  const section = `${heading}\n\n### Changed\n\n${PLACEHOLDER}\n\n`;
  const first = /^## \[/m.exec(changelog);
  if (!first) return `${changelog.trimEnd()}\n\n${section.trimEnd()}\n`;
  return changelog.slice(0, first.index) + section + changelog.slice(first.index);
}

export function currentVersion(root: string): string {
  return (JSON.parse(read(root, 'package.json')) as { version: string }).version;
}

/** Writes `version` everywhere; returns the files changed. */
export function bumpVersion(root: string, version: string, date: string): string[] {
  if (!VERSION.test(version)) throw new Error(`"${version}" is not a version like 1.2.3`);
  const current = currentVersion(root);
  if (compare(version, current) <= 0) throw new Error(`${version} is not newer than the current ${current}`);

  const pkg = JSON.parse(read(root, 'package.json')) as Record<string, unknown>;
  writeJson(root, 'package.json', { ...pkg, version });

  const lock = JSON.parse(read(root, 'package-lock.json')) as {
    version?: string;
    packages?: Record<string, { version?: string }>;
  };
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  writeJson(root, 'package-lock.json', lock);

  writeFileSync(join(root, ADDON_CONFIG), renderAddonConfig(version));
  const manifest = JSON.parse(read(root, INTEGRATION_MANIFEST)) as Record<string, unknown>;
  writeJson(root, INTEGRATION_MANIFEST, { ...manifest, version });
  const changelog = read(root, CHANGELOG);
  if (changelogSection(changelog, version) === undefined)
    writeFileSync(join(root, CHANGELOG), addChangelogSection(changelog, version, date));
  return ['package.json', 'package-lock.json', ADDON_CONFIG, INTEGRATION_MANIFEST, CHANGELOG];
}

/** What disagrees with `version` (empty when a release of it may ship). */
export function versionProblems(root: string, version: string): string[] {
  const problems: string[] = [];
  if (!VERSION.test(version)) problems.push(`"${version}" is not a version like 1.2.3`);
  const pkg = currentVersion(root);
  if (pkg !== version) problems.push(`package.json has version ${pkg}`);
  const lock = JSON.parse(read(root, 'package-lock.json')) as {
    version?: string;
    packages?: Record<string, { version?: string }>;
  };
  if (lock.version !== version || lock.packages?.['']?.version !== version)
    problems.push(`package-lock.json has version ${lock.version} (root package ${lock.packages?.['']?.version})`);
  if (read(root, ADDON_CONFIG) !== renderAddonConfig(version))
    problems.push(`${ADDON_CONFIG} is not the generated file for ${version} (npm run version:bump)`);
  const manifest = (JSON.parse(read(root, INTEGRATION_MANIFEST)) as { version?: string }).version;
  if (manifest !== version) problems.push(`${INTEGRATION_MANIFEST} has version ${manifest}`);
  const section = changelogSection(read(root, CHANGELOG), version);
  if (section === undefined) problems.push(`${CHANGELOG} has no "## [${version}]" section`);
  else if (section === '' || section.includes(PLACEHOLDER))
    problems.push(`${CHANGELOG}: fill in the ${version} section`);
  return problems;
}
