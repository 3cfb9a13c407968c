/**
 * Maps PostgreSQL (node-postgres) and MySQL/MariaDB (mysql2) failures to one `StoreError` each, naming the
 * problem and the fix. Connection-class failures become `STORE_UNAVAILABLE` (the store reconnects).
 */
import { redactText } from '../log/redact.js';
import { StoreError } from './store-error.js';

const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const AUTH = new Set(['28P01', '28000', 'ER_ACCESS_DENIED_ERROR', 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR']);
const PRIVILEGES = new Set([
  '42501',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_TABLEACCESS_DENIED_ERROR',
  'ER_COLUMNACCESS_DENIED_ERROR',
  'ER_SPECIFIC_ACCESS_DENIED_ERROR',
]);
const NO_DATABASE = new Set(['3D000', 'ER_BAD_DB_ERROR']);
/** node-postgres connection failures carry no code, only these messages. */
const LOST_CONNECTION =
  /Connection terminated|connection (error|timeout)|not queryable|timeout exceeded when trying to connect|TLS|SSL|certificate/i;

export function isUnavailable(err: unknown): boolean {
  return err instanceof StoreError && err.code === 'STORE_UNAVAILABLE';
}

export function serverError(err: unknown, engine: 'PostgreSQL' | 'MySQL/MariaDB', where: string): unknown {
  if (err instanceof StoreError) return err;
  const code = String((err as { code?: unknown }).code ?? '');
  const detail = redactText(err instanceof Error ? err.message : String(err));
  const make = (c: StoreError['code'], text: string) => new StoreError(c, `${text} (${detail})`, { cause: err });
  if (UNAVAILABLE.has(code) || (!/^[0-9A-Z]{5}$/.test(code) && LOST_CONNECTION.test(detail))) {
    return make(
      'STORE_UNAVAILABLE',
      `cannot reach the ${engine} server at ${where}: check that it is running and reachable, the host and port in ` +
        'DATABASE_URL, and the TLS setting (?sslmode=require); the store reconnects at the next run',
    );
  }
  if (AUTH.has(code)) {
    return make(
      'STORE_AUTH',
      `the ${engine} server at ${where} refused the user or password: fix them in DATABASE_URL`,
    );
  }
  if (PRIVILEGES.has(code)) {
    return make(
      'STORE_PRIVILEGES',
      `the database user lacks a privilege on ${where}: grant it CREATE, ALTER, INDEX, SELECT, INSERT, UPDATE and ` +
        'DELETE on the database (see docs/storage.md)',
    );
  }
  if (NO_DATABASE.has(code)) {
    return make('STORE_UNKNOWN_DATABASE', `the database named in DATABASE_URL does not exist on ${where}: create it`);
  }
  return make('STORE_QUERY', `${engine} query failed on ${where}`);
}

/** Where the server is, for messages: host:port/database, never the password. */
export function describeServer(url: string): string {
  const u = new URL(url);
  return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
}
