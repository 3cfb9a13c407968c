import { postgresPoolOptions } from '../../src/store/engines/postgres-config.js';

describe('postgresPoolOptions', () => {
  it('reads host, port, user, percent-encoded password and database from the URL', () => {
    expect(postgresPoolOptions('postgres://med:p%40ss%3Aw@db.lan:6543/med_db')).toMatchObject({
      host: 'db.lan',
      port: 6543,
      user: 'med',
      password: 'p@ss:w',
      database: 'med_db',
      ssl: undefined,
    });
    expect(postgresPoolOptions('postgresql://u:p@h/d').port).toBe(5432);
  });

  it.each([
    ['disable', undefined],
    ['prefer', { rejectUnauthorized: false }],
    ['require', { rejectUnauthorized: false }],
    ['verify-ca', { rejectUnauthorized: true }],
    ['verify-full', { rejectUnauthorized: true }],
  ])('sslmode=%s sets TLS to %j', (mode, ssl) => {
    expect(postgresPoolOptions(`postgres://u:p@h/d?sslmode=${mode}`).ssl).toEqual(ssl);
  });

  it('refuses an unknown sslmode with STORE_BAD_URL', () => {
    expect(() => postgresPoolOptions('postgres://u:p@h/d?sslmode=maybe')).toThrow(
      expect.objectContaining({ code: 'STORE_BAD_URL' }),
    );
  });
});
