/**
 * `DATABASE_URL` → engine. Absent or `sqlite:` → SQLite (default file in the data directory);
 * `postgres://` / `postgresql://` → PostgreSQL; `mysql://` / `mariadb://` → MySQL/MariaDB.
 */
import path from 'node:path';
import { redactText } from '../log/redact.js';
import { SQLITE_FILE_NAME } from './engines/sqlite-file.js';
import { StoreError } from './store-error.js';

export type DatabaseTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string }
  | { engine: 'mysql'; url: string };

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget {
  const raw = url?.trim() ?? '';
  if (raw === '') return { engine: 'sqlite', file: path.join(dataDir, SQLITE_FILE_NAME) };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return { engine: 'sqlite', file: sqliteFile(raw.slice('sqlite:'.length), dataDir) };
  if (scheme === 'postgres' || scheme === 'postgresql') return { engine: 'postgres', url: checked(raw) };
  if (scheme === 'mysql' || scheme === 'mariadb') return { engine: 'mysql', url: checked(raw) };
  throw new StoreError(
    'STORE_BAD_URL',
    `DATABASE_URL ${JSON.stringify(redactText(raw))} is not understood: use nothing (SQLite in the data directory), ` +
      'sqlite:/path/file.db, postgres://user:password@host:5432/db or mysql://user:password@host:3306/db.',
  );
}

function sqliteFile(rest: string, dataDir: string): string {
  if (rest === '' || rest === '//') return path.join(dataDir, SQLITE_FILE_NAME);
  if (rest === ':memory:') return ':memory:';
  const p = decodeURIComponent(rest.startsWith('///') ? rest.slice(2) : rest.replace(/^\/\/(?=[^/])/, ''));
  return path.isAbsolute(p) ? p : path.join(dataDir, p);
}

function checked(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new StoreError(
      'STORE_BAD_URL',
      `DATABASE_URL ${JSON.stringify(redactText(raw))} is not a valid URL: write it as scheme://user:password@host:port/database ` +
        '(percent-encode special characters in the password).',
    );
  }
  try {
    decodeURIComponent(u.username);
    decodeURIComponent(u.password);
    decodeURIComponent(u.pathname);
  } catch {
    throw new StoreError(
      'STORE_BAD_URL',
      `DATABASE_URL ${JSON.stringify(redactText(raw))} has a % that is not followed by two hexadecimal digits: write a % in the user name or password as %25 (and @ as %40, : as %3A, / as %2F).`,
    );
  }
  if (!u.hostname || u.pathname.replace(/^\//, '') === '') {
    throw new StoreError(
      'STORE_BAD_URL',
      `DATABASE_URL ${JSON.stringify(redactText(raw))} needs a host and a database name: scheme://user:password@host:port/database.`,
    );
  }
  return raw;
}
