/**
 * `sync --once` runs the enabled exporters once after the sync and waits for them (bounded); a failed
 * or stuck export is logged as an error and changes nothing to the outcome; the exporters' state is
 * recorded for `med-local status`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExporterStatuses } from '../../src/app/exporter-status-record.js';
import { runStatus, runSyncOnce } from '../../src/app/run-commands.js';
import { loadConfig } from '../../src/config/index.js';
import { fixedClock } from '../../src/domain/clock.js';
import { addDays, parisToday } from '../../src/domain/time.js';
import { defaultPdlSpecs, type RunningSimulator, startSimulator } from '../../src/gateway/simulator/index.js';
import { memoryLogger, silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { FakeExporter } from './fake-exporter.js';

const NOW = Date.UTC(2026, 10, 27, 11, 0, 0);
// Each test runs a whole simulated sync (2-5 s on a busy 2-core machine): jest's 5 s default is too tight.
jest.setTimeout(30_000);
const clock = fixedClock(NOW);
let sim: RunningSimulator;
let dataDir: string;

beforeAll(async () => {
  // One small PDL activated ten days ago, daily data only: the sync takes a few calls.
  const [spec] = defaultPdlSpecs(1, parisToday(NOW));
  const recent = { ...spec!, activationDate: addDays(parisToday(NOW), -10), hasProduction: false };
  sim = await startSimulator({ clock, dataset: { pdls: [recent] } });
});
afterAll(() => sim.close());
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'med-sync-once-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const config = async () =>
  (
    await loadConfig({
      env: {},
      flags: { client_secret: sim.clientSecret, gateway_url: sim.baseUrl, data_dir: dataDir, sync_curve: false },
      fs: { exists: () => false, read: () => '' },
    })
  ).config;

it('runs every exporter after the sync, logs failures and time-outs as errors, keeps the outcome', async () => {
  const ok = new FakeExporter('mqtt', { ok: { messages: 7 } });
  const failing = new FakeExporter('home-assistant', { error: 'Home Assistant refused the token: set ha_token' });
  const stuck = new FakeExporter('ha-rest-states', 'hang');
  const logger = memoryLogger();
  const outcome = await runSyncOnce(await config(), {
    logger,
    clock,
    exporters: [ok, failing, stuck].map((e) => ({ name: e.name, create: () => e })),
    exportTimeoutMs: 600,
    exportRetryMinMs: 50,
  });
  expect(outcome.status).toBe('ok');
  expect(ok.runs.at(-1)).toBe('sync-once');
  expect(failing.runs.filter((r) => r === 'sync-once').length).toBeGreaterThanOrEqual(2);
  expect(stuck.runs.at(-1)).toBe('sync-once');
  expect([ok, failing, stuck].map((e) => e.stopped)).toEqual([true, true, true]);
  const errors = logger.lines.filter((l) => l.level === 'error').map((l) => l.msg);
  expect(errors).toEqual([
    'exporter home-assistant failed: Home Assistant refused the token: set ha_token',
    'exporter ha-rest-states did not finish within 0.6 s; its export is incomplete',
  ]);
  expect(logger.lines.some((l) => l.level === 'info' && l.msg === 'exporter mqtt done')).toBe(true);

  const store = await openStore({ dataDir, logger: silentLogger });
  try {
    const recorded = await readExporterStatuses(store);
    expect(recorded.map((s) => [s.name, s.state, s.lastResult])).toEqual([
      ['mqtt', 'ok', { reason: 'sync-once', messages: 7 }],
      ['home-assistant', 'error', { reason: 'sync-once' }],
      ['ha-rest-states', 'running', null],
    ]);
  } finally {
    await store.close();
  }

  const printed: string[] = [];
  await runStatus(await config(), { logger: silentLogger, clock, print: (t) => printed.push(t) });
  const text = printed.join('\n');
  expect(text).toContain(
    'Exporters:\n    mqtt               ok; last run 2026-11-27 12:00:00, last success 2026-11-27 12:00:00; last result: reason=sync-once, messages=7',
  );
  expect(text).toContain(
    'home-assistant     error; last run 2026-11-27 12:00:00, last success never; last result: reason=sync-once; last error: Home Assistant refused the token: set ha_token',
  );
});

it('records an exporter that could not start as an error saying why, and still syncs', async () => {
  const logger = memoryLogger();
  const outcome = await runSyncOnce(await config(), {
    logger,
    clock,
    exporters: [
      {
        name: 'mqtt',
        create: () => {
          throw new Error('no broker: set mqtt_url');
        },
      },
    ],
    exportTimeoutMs: 200,
  });
  expect(outcome.status).toBe('ok');
  const printed: string[] = [];
  await runStatus(await config(), { logger: silentLogger, clock, print: (t) => printed.push(t) });
  expect(printed.join('\n')).toContain(
    '    mqtt               error; last run 2026-11-27 12:00:00, last success never; last error: could not start: no broker: set mqtt_url',
  );
});

it('says so when no exporter state was ever recorded', async () => {
  const printed: string[] = [];
  await runStatus(await config(), { logger: silentLogger, clock, print: (t) => printed.push(t) });
  expect(printed.join('\n')).toMatch(/Exporters:\n {4}none recorded/);
});
