/**
 * Start-up floor of the chosen stack: Fastify (no logger, as ours), one log line written to stdout
 * and better-sqlite3 opening a WAL database in `DATA_DIR`, serving `/api/health` from one query. None of
 * our code; bundled like `dist/main.mjs` (bench/startup.ts).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const db = new Database(join(process.env.DATA_DIR ?? '.', 'floor.db'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS readings (pdl TEXT, start_utc TEXT, wh INTEGER, PRIMARY KEY (pdl, start_utc))');
const count = db.prepare('SELECT count(*) AS n FROM readings');
const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok', rows: (count.get() as { n: number }).n }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`[${new Date().toISOString()}] INFO: listening\n`);
