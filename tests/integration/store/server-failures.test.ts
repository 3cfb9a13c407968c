/**
 * Real-server failures give one clear StoreError; a connection dropped mid-run fails that call cleanly
 * and the next call reconnects. Needs PG_URL / MYSQL_URL (`.ci/services.sh`).
 */

import mysql from 'mysql2/promise';
import postgres from 'postgres';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';

const servers = [
  ['postgres', 'PG_URL', process.env.PG_URL],
  ['mysql', 'MYSQL_URL', process.env.MYSQL_URL],
] as const;

describe.each(servers)('%s failures', (name, env, url) => {
  if (!url) {
    test(`${name}: skipped because ${env} is not set`, () => expect(url).toBeUndefined());
    return;
  }
  const open = (u: string) => openStore({ url: u, dataDir: '/nonexistent', logger: silentLogger });
  const withUrl = (edit: (u: URL) => void) => {
    const u = new URL(url);
    edit(u);
    return u.toString();
  };

  test('bad password: STORE_AUTH, password not shown', async () => {
    const bad = withUrl((u) => {
      u.password = 'wrong-secret-pw';
    });
    await expect(open(bad)).rejects.toMatchObject({
      code: 'STORE_AUTH',
      message: expect.not.stringContaining('wrong-secret-pw'),
    });
  });

  test('unreachable server: STORE_UNAVAILABLE', async () => {
    await expect(open(withUrl((u) => (u.port = '1')))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  test('missing database: STORE_UNKNOWN_DATABASE', async () => {
    const missing = withUrl((u) => (u.pathname = '/no_such_db'));
    await expect(open(missing)).rejects.toMatchObject({
      code: expect.stringMatching(/STORE_UNKNOWN_DATABASE|STORE_PRIVILEGES/),
    });
  });

  test('connections killed mid-run: that call fails cleanly, the next one reconnects', async () => {
    const store = await open(url);
    try {
      await store.setCursor('t', 'k', 'before');
      await killOwnConnections(name, url);
      const first = await store.getCursor('t', 'k').then(
        (v) => ({ ok: v }),
        (err: { code?: string }) => ({ code: err.code }),
      );
      expect([{ ok: 'before' }, { code: 'STORE_UNAVAILABLE' }]).toContainEqual(first);
      expect(await store.getCursor('t', 'k')).toBe('before');
    } finally {
      await store.close();
    }
  }, 30_000);
});

async function killOwnConnections(name: string, url: string): Promise<void> {
  if (name === 'postgres') {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql.unsafe(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = current_user AND pid <> pg_backend_pid()',
    );
    await sql.end();
    return;
  }
  const conn = await mysql.createConnection(url);
  const [rows] = await conn.query(
    'SELECT ID FROM information_schema.PROCESSLIST WHERE USER = CURRENT_USER() OR USER = ?',
    [new URL(url).username],
  );
  for (const r of rows as { ID: number }[]) {
    if (r.ID !== conn.threadId) await conn.query(`KILL ${Number(r.ID)}`);
  }
  await conn.end();
}
