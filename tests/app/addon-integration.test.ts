/**
 * The add-on's side of the integration on real folders: the integration token (api_token, else one
 * random token kept in the data folder) and `install_integration` (copy when missing or older, keep a
 * newer or equal one). The Supervisor calls are tested against the stand-in with a real Home Assistant
 * in tests/integration/home-assistant/integration.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareVersions, installIntegration } from '../../src/app/addon-integration/install-integration.js';
import { integrationToken, TOKEN_FILE } from '../../src/app/addon-integration/integration-token.js';

const SOURCE = join(process.cwd(), 'addon/custom_components/myelectricaldata');
const shipped = JSON.parse(readFileSync(join(SOURCE, 'manifest.json'), 'utf8')).version as string;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'med-addon-int-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('integration token', () => {
  it('is api_token when set, else one random token created once and kept private', () => {
    expect(integrationToken(dir, 'my-api-token')).toBe('my-api-token');
    const first = integrationToken(dir, undefined);
    expect(first).toMatch(/^[0-9a-f]{48}$/);
    expect(integrationToken(dir, undefined)).toBe(first);
    expect(statSync(join(dir, TOKEN_FILE)).mode & 0o077).toBe(0);
  });
});

describe('install_integration', () => {
  const target = () => join(dir, 'custom_components/myelectricaldata');
  const writeVersion = (version: string) => {
    mkdirSync(target(), { recursive: true });
    writeFileSync(join(target(), 'manifest.json'), JSON.stringify({ domain: 'myelectricaldata', version }));
  };

  it('compares dotted versions numerically', () => {
    expect(compareVersions('0.10.0', '0.9.3')).toBe(1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.2.3', '1.3.0')).toBe(-1);
  });

  it('installs when missing, then keeps the same version', () => {
    expect(installIntegration(SOURCE, dir)).toEqual({ action: 'installed', version: shipped });
    expect(readFileSync(join(target(), 'sensor.py'), 'utf8')).toBe(readFileSync(join(SOURCE, 'sensor.py'), 'utf8'));
    expect(installIntegration(SOURCE, dir)).toEqual({ action: 'kept', version: shipped });
  });

  it('updates an older copy and keeps a newer one', () => {
    writeVersion('0.0.1');
    expect(installIntegration(SOURCE, dir)).toEqual({ action: 'updated', version: shipped });
    writeVersion('999.0.0');
    expect(installIntegration(SOURCE, dir)).toEqual({ action: 'kept', version: '999.0.0' });
  });

  it('says when the image has no integration', () => {
    expect(installIntegration(join(dir, 'nowhere'), dir)).toEqual({ action: 'no-source' });
  });
});
