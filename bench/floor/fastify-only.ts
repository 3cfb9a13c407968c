/**
 * Start-up floor of the web framework: a Fastify server with one `/api/health` route and nothing else,
 * bundled like `dist/main.mjs` (bench/startup.ts). What no start-up of ours can go below.
 */
import Fastify from 'fastify';

const app = Fastify();
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
