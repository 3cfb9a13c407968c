/**
 * The program with `jeedom_url` set: the Jeedom exporter runs after a sync and `GET /api/status` shows it,
 * ok with its counts, or with the one line that says what to fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatusJson } from '../../../src/api/status-json.js';
import { exporterFactories } from '../../../src/app/exporter-factories.js';
import { runStart } from '../../../src/app/run-commands.js';
import { loadConfig } from '../../../src/config/index.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, parisToday } from '../../../src/domain/time.js';
import { defaultPdlSpecs, type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { FakeJeedom } from './fake-jeedom/server.js';

jest.setTimeout(60_000);

const NOW = Date.UTC(2026, 10, 27, 11, 0, 0);
const clock = fixedClock(NOW);
let sim: RunningSimulator;
const fake = new FakeJeedom();
const dirs: string[] = [];

beforeAll(async () => {
  const specs = defaultPdlSpecs(1, parisToday(NOW)).slice(0, 1);
  sim = await startSimulator({
    clock,
    dataset: { pdls: specs.map((s) => ({ ...s, activationDate: addDays(parisToday(NOW), -7) })) },
  });
  await fake.start();
});
afterAll(async () => {
  await sim.close();
  await fake.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function statusAfterSync(apiKey: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'med-jeedom-app-'));
  dirs.push(dataDir);
  const flags = {
    client_secret: sim.clientSecret,
    gateway_url: sim.baseUrl,
    data_dir: dataDir,
    port: 0,
    sync_on_start: false,
  };
  const { config } = await loadConfig({
    env: { JEEDOM_URL: fake.url, JEEDOM_API_KEY: apiKey },
    flags,
    fs: { exists: () => false, read: () => '' },
  });
  const logger = memoryLogger();
  const app = await runStart(config, { logger, clock, exporters: exporterFactories(config, '1.2.3') });
  try {
    expect(await app.engine.run('full')).toMatchObject({ status: 'ok' });
    const read = async () => (await (await fetch(`${app.url}/api/status`)).json()) as StatusJson;
    // The sync's `sync-finished` asks for the run that the status then names.
    for (let i = 0; i < 600 && (await read()).exporters[0]?.lastResult?.reason !== 'sync-finished'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return { jeedom: (await read()).exporters[0]!, logger };
  } finally {
    await app.shutdown.run();
  }
}

it('shows the Jeedom exporter ok with its counts', async () => {
  const { jeedom, logger } = await statusAfterSync('core-key');
  expect(jeedom).toMatchObject({ name: 'jeedom', state: 'ok', lastError: null });
  expect(jeedom.lastResult).toMatchObject({ reason: 'sync-finished', equipments: 2 });
  expect(fake.state.cmds.length).toBeGreaterThan(20);
  expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
});

it('shows a refused key as one line saying what to set', async () => {
  const { jeedom, logger } = await statusAfterSync('wrong-key');
  expect(jeedom).toMatchObject({ name: 'jeedom', state: 'error' });
  expect(jeedom.lastError).toMatch(/^Jeedom refused the API key .*jeedom_api_key/);
  expect(logger.lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([jeedom.lastError]);
});
