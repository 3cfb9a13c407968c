/**
 * `install_integration`: copies the integration shipped in the image into Home Assistant's
 * `custom_components` when it is missing there or older (manifest `version`), and then, once per copied
 * version, asks for a Home Assistant restart by a persistent notification.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const DOMAIN = 'myelectricaldata';

function manifestVersion(dir: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : null;
  } catch {
    return null;
  }
}

/** -1, 0, 1 for dotted numeric versions (`0.10.0` > `0.9.3`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export type InstallOutcome =
  | { action: 'installed' | 'updated'; version: string }
  | { action: 'kept'; version: string | null }
  | { action: 'no-source' };

/** Copies `source` to `<haConfigDir>/custom_components/myelectricaldata` when missing or older. */
export function installIntegration(source: string, haConfigDir: string): InstallOutcome {
  const version = manifestVersion(source);
  if (version === null) return { action: 'no-source' };
  const target = join(haConfigDir, 'custom_components', DOMAIN);
  const installed = existsSync(target) ? manifestVersion(target) : null;
  if (installed !== null && compareVersions(installed, version) >= 0) return { action: 'kept', version: installed };
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true, filter: (path) => !path.includes('__pycache__') });
  return { action: installed === null ? 'installed' : 'updated', version };
}
