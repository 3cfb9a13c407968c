/**
 * `postgres://` / `postgresql://` URL → node-postgres pool options. TLS as documented in docs/storage.md:
 * `?sslmode=disable` (default), `prefer`/`require` (encrypted, certificate not checked), `verify-ca` /
 * `verify-full` (encrypted and verified). Parsed here rather than by the driver, which treats `require`
 * as `verify-full`.
 */
import type { PoolConfig } from 'pg';
import { StoreError } from '../store-error.js';

export function postgresPoolOptions(url: string): PoolConfig {
  const u = new URL(url);
  const mode = (u.searchParams.get('sslmode') ?? (u.searchParams.get('ssl') === 'true' ? 'verify-full' : 'disable'))
    .toLowerCase()
    .trim();
  let ssl: PoolConfig['ssl'];
  if (mode === 'require' || mode === 'prefer') ssl = { rejectUnauthorized: false };
  else if (mode === 'verify-ca' || mode === 'verify-full') ssl = { rejectUnauthorized: true };
  else if (mode !== 'disable') {
    throw new StoreError(
      'STORE_BAD_URL',
      `sslmode=${mode} in DATABASE_URL is not known: use disable, prefer, require, verify-ca or verify-full.`,
    );
  }
  return {
    host: decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1'),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    ssl,
    max: 5,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 60_000,
    keepAlive: true,
  };
}
