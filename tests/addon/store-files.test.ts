/** The files around config.yaml that the store and the Supervisor read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADDON_DIR, addonConfig, packageVersion, readText, readYaml11 } from './addon-files.js';

function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(join(ADDON_DIR, file));
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('add-on store files', () => {
  it('icon.png is a 128x128 PNG and logo.png about 250x100', () => {
    expect(pngSize('icon.png')).toEqual({ width: 128, height: 128 });
    expect(pngSize('logo.png')).toEqual({ width: 250, height: 100 });
  });

  it('repository.yaml at the root names the repository', () => {
    const repository = readYaml11('repository.yaml');
    expect(typeof repository.name).toBe('string');
    expect(String(repository.url)).toMatch(/^https:\/\//);
  });

  it('CHANGELOG.md has an entry for the current version', () => {
    expect(readText('addon', 'CHANGELOG.md')).toContain(`## [${packageVersion()}]`);
  });

  it('the AppArmor profile is named after the slug', () => {
    expect(readText('addon', 'apparmor.txt')).toMatch(new RegExp(`^profile ${addonConfig().slug} `, 'm'));
  });
});
