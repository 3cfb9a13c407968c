/**
 * The token the Home Assistant integration uses in add-on mode: `api_token` when set, else a random one
 * kept in the data folder (created once, readable by the program only), so that the integration keeps
 * working across restarts and the ingress page needs no token.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_FILE = 'integration-token';

export function integrationToken(dataDir: string, apiToken: string | undefined): string {
  if (apiToken) return apiToken;
  const file = join(dataDir, TOKEN_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  const token = randomBytes(24).toString('hex');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}
