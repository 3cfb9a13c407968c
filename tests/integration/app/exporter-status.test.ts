/**
 * End to end with a real Mosquitto: a demo-like sync (simulated gateway, real SQLite) with MQTT on; the
 * MQTT exporter's state in `GET /api/status` is ok with counts that match what the broker holds, and
 * `med-local status` shows it after the daemon stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatusJson } from '../../../src/api/status-json.js';
import { exporterFactories } from '../../../src/app/exporter-factories.js';
import { runStart, runStatus } from '../../../src/app/run-commands.js';
import { type Config, loadConfig } from '../../../src/config/index.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { addDays, parisToday } from '../../../src/domain/time.js';
import { defaultPdlSpecs, type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { memoryLogger, silentLogger } from '../../../src/log/logger.js';
import { type Mosquitto, startMosquitto } from '../mqtt/mosquitto.js';
import { type Recorder, record } from '../mqtt/recorder.js';

jest.setTimeout(30_000);

const NOW = Date.UTC(2026, 10, 27, 11, 0, 0);
const clock = fixedClock(NOW);
let broker: Mosquitto;
let sim: RunningSimulator;
let dataDir: string;
let config: Config;

beforeAll(async () => {
  broker = await startMosquitto();
  // Two PDLs of the demo catalogue, activated three weeks ago: a full sync in a few seconds.
  const specs = defaultPdlSpecs(1, parisToday(NOW)).slice(0, 2);
  const recent = specs.map((s) => ({ ...s, activationDate: addDays(parisToday(NOW), -21) }));
  sim = await startSimulator({ clock, dataset: { pdls: recent } });
  dataDir = mkdtempSync(join(tmpdir(), 'med-exporter-status-'));
  ({ config } = await loadConfig({
    env: {},
    flags: {
      client_secret: sim.clientSecret,
      gateway_url: sim.baseUrl,
      data_dir: dataDir,
      port: 0,
      sync_on_start: false,
      mqtt_url: broker.url,
    },
    fs: { exists: () => false, read: () => '' },
  }));
});

afterAll(async () => {
  await sim?.close();
  await broker?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(what: string, get: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('shows the MQTT exporter ok with its counts in /api/status, then in med-local status', async () => {
  const logger = memoryLogger();
  const app = await runStart(config, { logger, clock, exporters: exporterFactories(config, '1.2.3') });
  let retained: Recorder | null = null;
  try {
    const outcome = await app.engine.run('full');
    expect(outcome).toMatchObject({ status: 'ok', failedTasks: 0 });
    const status = () => fetch(`${app.url}/api/status`).then((r) => r.json() as Promise<StatusJson>);
    const after = await until(
      'the MQTT export after the sync',
      status,
      (s) => s.exporters[0]?.state === 'ok' && s.exporters[0].lastResult?.reason === 'sync-finished',
    );
    expect(after.exporters).toHaveLength(1);
    const mqtt = after.exporters[0]!;
    expect(mqtt).toMatchObject({
      name: 'mqtt',
      state: 'ok',
      lastRunAt: '2026-11-27T12:00:00+01:00',
      lastSuccessAt: '2026-11-27T12:00:00+01:00',
      lastError: null,
    });
    expect(mqtt.lastResult).toMatchObject({ pdls: 2, statesCleared: 0, configsCleared: 0 });

    // What the broker holds (retained) is what the exporter counted.
    retained = await record(broker.url, ['myelectricaldata/#', 'homeassistant/#']);
    const states = retained.messages;
    await retained.waitFor((all) => all.some((m) => m.topic.startsWith('homeassistant/')));
    await new Promise((r) => setTimeout(r, 300));
    const stateTopics = states.filter((m) => m.topic.startsWith('myelectricaldata/') && m.body !== '');
    const configTopics = states.filter((m) => m.topic.startsWith('homeassistant/') && m.body !== '');
    expect(stateTopics.filter((m) => m.topic !== 'myelectricaldata/status')).toHaveLength(
      mqtt.lastResult?.states as number,
    );
    expect(mqtt.lastResult?.states).toBeGreaterThan(10);
    // Discovery configs went out over the connect run and this one; together they are all on the broker.
    expect(configTopics.length).toBeGreaterThan(0);
  } finally {
    await retained?.close();
    await app.shutdown.run();
  }
  expect(logger.lines.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);

  const printed: string[] = [];
  await runStatus(config, { logger: silentLogger, clock, print: (t) => printed.push(t) });
  expect(printed.join('\n')).toMatch(
    /Exporters:\n {4}mqtt {15}ok; last run 2026-11-27 12:00:00, last success 2026-11-27 12:00:00; last result: reason=sync-finished, states=\d+, configsSent=\d+, configsCleared=0, statesCleared=0, pdls=2/,
  );
});
