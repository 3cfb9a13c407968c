/**
 * `mysql://` / `mariadb://` URL → mysql2 pool options. TLS the same way as PostgreSQL URLs:
 * `?sslmode=disable` (default), `require` (encrypted, certificate not checked), `verify-ca`/`verify-full`
 * (encrypted and verified); `?ssl=true` is `verify-full`.
 */
import type { PoolOptions } from 'mysql2/promise';
import { StoreError } from '../store-error.js';

export function mysqlPoolOptions(url: string): PoolOptions {
  const u = new URL(url);
  const mode = (
    u.searchParams.get('sslmode') ?? (u.searchParams.get('ssl') === 'true' ? 'verify-full' : 'disable')
  ).toLowerCase();
  let ssl: PoolOptions['ssl'];
  if (mode === 'require' || mode === 'prefer') ssl = { rejectUnauthorized: false };
  else if (mode === 'verify-ca' || mode === 'verify-full') ssl = { rejectUnauthorized: true };
  else if (mode !== 'disable') {
    throw new StoreError(
      'STORE_BAD_URL',
      `sslmode=${mode} in DATABASE_URL is not known: use disable, require, verify-ca or verify-full.`,
    );
  }
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    ssl,
    connectionLimit: 5,
    connectTimeout: 10_000,
    timezone: 'Z',
    dateStrings: true,
    charset: 'UTF8MB4_BIN',
    enableKeepAlive: true,
  };
}
