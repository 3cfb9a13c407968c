/**
 * The Jeedom exporter's failures, each one clear line in the log and in the status, retried with
 * back-off; a refused key or a ban costs Jeedom at most one failed login per back-off step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { FakeJeedom } from './fake-jeedom/server.js';
import { freshState } from './fake-jeedom/state.js';
import { type Running, startExporter } from './helpers.js';

const NOW = Date.parse('2026-11-27T08:00:00Z');
let store: Store;
let dir: string;
let running: Running[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-jeedom-'));
  store = await openStore({ dataDir: dir, logger: silentLogger });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const r of running) await r.exporter.stop();
  running = [];
});

async function failOnce(fake: { url: string }, clock = fixedClock(NOW)) {
  const r = await startExporter(fake, store, clock, { retryDelaysMs: [60_000, 120_000] });
  running.push(r);
  await r.exporter.run('test');
  const errors = r.logger.lines.filter((l) => l.level === 'error');
  expect(errors).toHaveLength(1);
  expect(r.exporter.status()).toMatchObject({ state: 'error', lastError: errors[0]!.msg });
  return { ...r, clock, line: errors[0]!.msg };
}

async function withFake<T>(fake: FakeJeedom, fn: () => Promise<T>): Promise<T> {
  await fake.start();
  try {
    return await fn();
  } finally {
    await fake.stop();
  }
}

it('says a wrong key in one line, and asks again only after the back-off step', async () => {
  const fake = new FakeJeedom({ state: freshState({ apiKey: 'the-real-key' }) });
  await withFake(fake, async () => {
    const r = await failOnce(fake);
    expect(r.line).toMatch(/^Jeedom refused the API key .*set jeedom_api_key to the core key/);
    const asked = fake.requests;
    expect(asked).toBe(1);
    await r.exporter.run('sync-finished');
    await r.exporter.run('sync-finished');
    expect(fake.requests).toBe(asked);
    r.clock.advance(60_000);
    await r.exporter.run('retry');
    expect(fake.requests).toBe(asked + 1);
    // The next step is longer.
    r.clock.advance(60_000);
    await r.exporter.run('sync-finished');
    expect(fake.requests).toBe(asked + 1);
  });
});

it('says an unreachable Jeedom in one line', async () => {
  const r = await failOnce({ url: 'http://127.0.0.1:1' });
  expect(r.line).toMatch(/^Could not reach Jeedom at http:\/\/127\.0\.0\.1:1 .*check jeedom_url/);
});

it('says a missing Virtual plugin in one line', async () => {
  const fake = new FakeJeedom({ state: freshState({ plugins: ['jMQTT'] }) });
  await withFake(fake, async () => {
    const r = await failOnce(fake);
    expect(r.line).toMatch(/no active Virtual plugin: install and activate « Virtuel »/);
    expect(fake.state.equipments).toEqual([]);
  });
});

it('says a ban in one line, and knocks once per back-off step', async () => {
  const fake = new FakeJeedom();
  fake.bans.whitelistPrivate = false;
  await withFake(fake, async () => {
    // Another tool on this address failed six logins (a JSON-RPC version other than 2.0 counts).
    for (let i = 0; i < 6; i++) {
      await fetch(`${fake.url}/core/api/jeeApi.php`, {
        method: 'POST',
        body: '{"jsonrpc":"1.0","id":1,"method":"version"}',
      });
    }
    const before = fake.requests;
    const r = await failOnce(fake);
    expect(r.line).toMatch(/banned this address after failed logins/);
    await r.exporter.run('sync-finished');
    expect(fake.requests).toBe(before + 1);
  });
});

it('says an unknown object in one line, naming the known ones', async () => {
  const fake = new FakeJeedom({ state: freshState({ objects: [{ id: 3, name: 'Salon' }] }) });
  await withFake(fake, async () => {
    const r = await startExporter(fake, store, fixedClock(NOW), { object: 'Garage' });
    running.push(r);
    await r.exporter.run('test');
    expect(r.exporter.status().lastError).toMatch(/no object « Garage » \(known: Salon \(3\)\)/);
  });
});
