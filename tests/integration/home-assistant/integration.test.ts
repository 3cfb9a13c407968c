/**
 * The Home Assistant integration (addon/custom_components/myelectricaldata) in the real Home Assistant of
 * the harness, fed by the real program (`src/main.ts start`, child process) syncing from the gateway
 * simulator: the `user` config flow through the REST flow API, devices and entities through the
 * websocket registries, every state equal to the local API's value, "Sync now" starting a sync whose
 * new values arrive by push, the program stopped → entities unavailable → back, reauth, and a repair
 * issue while the gateway refuses the credentials.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import type { SensorsJson } from '../../../src/api/integration/sensors-json.js';
import { startAddonIntegration } from '../../../src/app/addon-integration/start-addon-integration.js';
import { statisticId, statisticMetadata } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import { type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { startSupervisorStandIn } from '../addon/supervisor-stand-in.js';
import { type HomeAssistantInstance, haRest, logTail, startHomeAssistant } from './harness/ha.js';
import { ProgramChild } from './program-child.js';

jest.setTimeout(600_000);

const ROOT = join(__dirname, '../../..');
const TOKEN = 'integration-test-token-0123456789';
const INTEGRATION = join(ROOT, 'addon/custom_components/myelectricaldata');
const DISCOVERY_HELPER = join(__dirname, 'discovery-helper');

interface HaState {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
}
interface RegistryEntity {
  entity_id: string;
  unique_id: string;
  platform: string;
  device_id: string | null;
}
interface RegistryDevice {
  id: string;
  identifiers: [string, string][];
  name: string;
  model: string | null;
}

let sim: RunningSimulator;
let ha: HomeAssistantInstance;
let conn: Connection;
let program: ProgramChild;
let dataDir: string;
let apiUrl: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} not reached within ${ms} ms\n${program.output.slice(-3000)}${await logTail(ha)}`);
    }
    await sleep(250);
  }
}

async function haStates(): Promise<Map<string, HaState>> {
  const states = await haRest<HaState[]>(ha, '/api/states');
  return new Map(states.map((s) => [s.entity_id, s]));
}

/** Home Assistant's hourly sums of one statistic over `[from, to)` (UTC ms), by hour start. */
async function haSums(id: string, from: number, to: number): Promise<Map<number, number | null>> {
  const answer = await conn.sendMessagePromise<Record<string, { start: number; sum: number | null }[]>>({
    type: 'recorder/statistics_during_period',
    start_time: new Date(from).toISOString(),
    end_time: new Date(to).toISOString(),
    statistic_ids: [id],
    period: 'hour',
    types: ['sum'],
  });
  return new Map((answer[id] ?? []).map((r) => [r.start, r.sum]));
}

async function ourEntities(): Promise<RegistryEntity[]> {
  const all = await conn.sendMessagePromise<RegistryEntity[]>({ type: 'config/entity_registry/list' });
  return all.filter((e) => e.platform === 'myelectricaldata');
}

/** HA's rendering of a catalog value: numbers as numbers, instants as the same instant, null as unknown. */
function sameValue(haState: string, value: unknown): boolean {
  if (value === null) return haState === 'unknown';
  if (typeof value === 'number') return Number(haState) === value;
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return Date.parse(haState) === Date.parse(value);
  return haState === String(value);
}

beforeAll(async () => {
  sim = await startSimulator();
  dataDir = mkdtempSync(join(tmpdir(), 'med-integration-'));
  program = new ProgramChild(sim, dataDir, await freePort(), TOKEN);
  apiUrl = program.apiUrl;
  program.start();
  await until('the first sync', async () => (program.count(/sync finished/g) > 0 ? true : undefined), 240_000);
  ha = await startHomeAssistant({
    extraConfig: 'config:\ndiagnostics:\nmed_test:\n',
    prepareConfig: async (dir) => {
      cpSync(INTEGRATION, join(dir, 'custom_components/myelectricaldata'), { recursive: true });
      cpSync(DISCOVERY_HELPER, join(dir, 'custom_components/med_test'), { recursive: true });
    },
  });
  conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
});

afterAll(async () => {
  conn?.close();
  await program.stop();
  await ha?.stop();
  await sim?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the MyElectricalData integration in a real Home Assistant', () => {
  it('refuses a wrong token in the user step, then creates the entry with the right one', async () => {
    const flow = await haRest<{ flow_id: string; step_id: string }>(ha, '/api/config/config_entries/flow', {
      handler: 'myelectricaldata',
      show_advanced_options: false,
    });
    expect(flow.step_id).toBe('user');
    const wrong = await haRest<{ type: string; errors: Record<string, string> }>(
      ha,
      `/api/config/config_entries/flow/${flow.flow_id}`,
      { url: apiUrl, api_token: 'not-the-token' },
    );
    expect(wrong).toMatchObject({ type: 'form', errors: { base: 'invalid_auth' } });
    const done = await haRest<{ type: string; title: string }>(ha, `/api/config/config_entries/flow/${flow.flow_id}`, {
      url: apiUrl,
      api_token: TOKEN,
    });
    expect(done).toMatchObject({ type: 'create_entry', title: 'MyElectricalData' });
  });

  it('registers one device per catalog device and one entity per catalog sensor, with stable unique ids', async () => {
    const doc = await program.api<SensorsJson>('/api/sensors');
    const entities = await until('the entities', async () => {
      const list = await ourEntities();
      return list.length >= doc.sensors.length ? list : undefined;
    });
    const uniqueIds = new Set(entities.map((e) => e.unique_id));
    for (const s of doc.sensors) expect([s.unique_id, uniqueIds.has(s.unique_id)]).toEqual([s.unique_id, true]);
    const devices = await conn.sendMessagePromise<RegistryDevice[]>({ type: 'config/device_registry/list' });
    for (const d of doc.devices) {
      const found = devices.find((x) =>
        x.identifiers.some(([domain, id]) => domain === 'myelectricaldata' && id === d.id),
      );
      expect(found).toMatchObject({ name: d.name, model: d.model });
    }
    const pdlDevices = doc.devices.filter((d) => d.pdl !== null);
    expect(pdlDevices.length).toBeGreaterThan(0);
    expect(pdlDevices.every((d) => d.model === 'Linky')).toBe(true);
    // Per PDL: Sync now, the problem sensor, the newest day and the quota.
    for (const d of pdlDevices) {
      for (const suffix of ['sync_now', 'problem', 'newest_day', 'gateway_quota']) {
        expect(uniqueIds.has(`myelectricaldata_linky_${d.pdl}_${suffix}`)).toBe(true);
      }
    }
  });

  it('shows every catalog value as the local API serves it', async () => {
    const doc = await program.api<SensorsJson>('/api/sensors');
    const byUnique = new Map((await ourEntities()).map((e) => [e.unique_id, e.entity_id]));
    const states = await haStates();
    const mismatches = doc.sensors
      .map((s) => ({ id: s.unique_id, api: s.value, ha: states.get(byUnique.get(s.unique_id) ?? '')?.state }))
      .filter((m) => m.ha === undefined || !sameValue(m.ha, m.api));
    expect(mismatches).toEqual([]);
    const pdl = doc.devices.find((d) => d.pdl !== null)!.pdl!;
    const newest = states.get(byUnique.get(`myelectricaldata_linky_${pdl}_newest_day`)!)!;
    expect(newest.state).toBe(doc.diagnostics.newest_day[pdl]);
    const problem = states.get(byUnique.get(`myelectricaldata_linky_${pdl}_problem`)!)!;
    expect(problem.state).toBe(doc.diagnostics.problem ? 'on' : 'off');
  });

  it('"Sync now" starts a sync and the new last sync arrives by push', async () => {
    const before = await program.api<SensorsJson>('/api/sensors');
    const pdl = before.devices.find((d) => d.pdl !== null)!.pdl!;
    const byUnique = new Map((await ourEntities()).map((e) => [e.unique_id, e.entity_id]));
    const lastSyncEntity = byUnique.get(`myelectricaldata_linky_${pdl}_last_sync`)!;
    const oldState = (await haStates()).get(lastSyncEntity)!.state;
    const finishedBefore = program.count(/sync finished/g);
    await haRest(ha, '/api/services/button/press', {
      entity_id: byUnique.get(`myelectricaldata_linky_${pdl}_sync_now`),
    });
    await until('the sync started by the button', async () =>
      program.count(/sync finished/g) > finishedBefore ? true : undefined,
    );
    const after = await program.api<SensorsJson>('/api/sensors');
    const value = after.sensors.find((s) => s.unique_id === `myelectricaldata_linky_${pdl}_last_sync`)!.value;
    expect(value).not.toBe(
      before.sensors.find((s) => s.unique_id === `myelectricaldata_linky_${pdl}_last_sync`)!.value,
    );
    // The integration does not poll: only the event stream can bring the new value.
    const pushed = await until(
      'the pushed last sync',
      async () => {
        const state = (await haStates()).get(lastSyncEntity)!.state;
        return state !== oldState && sameValue(state, value) ? state : undefined;
      },
      30_000,
    );
    expect(Date.parse(pushed)).toBe(Date.parse(String(value)));
  });

  it('marks the entities unavailable while the program is stopped, and brings them back', async () => {
    const ids = (await ourEntities()).map((e) => e.entity_id);
    await program.stop();
    await until(
      'every entity unavailable',
      async () => {
        const states = await haStates();
        return ids.every((id) => states.get(id)?.state === 'unavailable') ? true : undefined;
      },
      60_000,
    );
    const finished = program.count(/sync finished/g);
    program.start();
    await until('the restarted program', async () => (program.count(/sync finished/g) > finished ? true : undefined));
    await until(
      'every entity back',
      async () => {
        const states = await haStates();
        return ids.every((id) => states.get(id) && states.get(id)!.state !== 'unavailable') ? true : undefined;
      },
      60_000,
    );
  });

  it('myelectricaldata.sync with a pdl syncs that PDL only', async () => {
    // Right after the restart above: the program's cool-down between API syncs starts afresh.
    const doc = await program.api<SensorsJson>('/api/sensors');
    const pdl = doc.devices.find((d) => d.pdl !== null)!.pdl!;
    const pattern = new RegExp(`sync started \\(PDL ${pdl}\\)`, 'g');
    const before = program.count(pattern);
    await haRest(ha, '/api/services/myelectricaldata/sync', { pdl });
    await until('the one-PDL sync', async () => (program.count(pattern) > before ? true : undefined));
  });

  it('as an add-on: installs the integration once with a restart notification, announces itself, and the hassio step adds it in one click', async () => {
    const supervisor = await startSupervisorStandIn({
      token: ha.token,
      homeAssistantUrl: ha.url,
      mqtt: { host: '127.0.0.1', port: 1 },
      hostname: '127.0.0.1',
    });
    const haDir = mkdtempSync(join(tmpdir(), 'med-ha-config-'));
    try {
      const options = {
        supervisor: { url: supervisor.url, token: ha.token },
        port: program.port,
        token: TOKEN,
        install: true,
        source: INTEGRATION,
        haConfigDir: haDir,
        logger: memoryLogger(),
      };
      await startAddonIntegration(options);
      const installed = join(haDir, 'custom_components/myelectricaldata/manifest.json');
      expect(JSON.parse(readFileSync(installed, 'utf8')).version).toBe(
        JSON.parse(readFileSync(join(INTEGRATION, 'manifest.json'), 'utf8')).version,
      );
      const notified = () =>
        supervisor.requests.filter((r) => r === 'POST /core/api/services/persistent_notification/create').length;
      expect(notified()).toBe(1);
      const { notifications } = await conn
        .sendMessagePromise<{ notifications: { notification_id: string }[] }>({
          type: 'persistent_notification/get',
        })
        .then((n) => ({ notifications: n as unknown as { notification_id: string }[] }));
      expect(notifications.map((n) => n.notification_id)).toContain('myelectricaldata_restart');
      // A second start with the same version: no copy, no second notification; announced again.
      await startAddonIntegration(options);
      expect(notified()).toBe(1);
      expect(supervisor.discoveries).toHaveLength(2);
      expect(supervisor.discoveries[0]).toEqual({
        service: 'myelectricaldata',
        config: { host: '127.0.0.1', port: program.port, api_token: TOKEN },
      });

      // One click: remove the entry made by the user step, then the discovery's hassio step adds it back.
      const entries = await haRest<{ entry_id: string; domain: string }[]>(ha, '/api/config/config_entries/entry');
      const ours = entries.find((e) => e.domain === 'myelectricaldata')!;
      const removed = await fetch(`${ha.url}/api/config/config_entries/entry/${ours.entry_id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ha.token}` },
      });
      expect(removed.status).toBe(200);
      await haRest(ha, '/api/services/med_test/discover', { config: supervisor.discoveries[0]!.config });
      const flow = await until('the discovered flow', async () => {
        const flows = await conn.sendMessagePromise<{ flow_id: string; handler: string; step_id: string }[]>({
          type: 'config_entries/flow/progress',
        });
        return flows.find((f) => f.handler === 'myelectricaldata');
      });
      expect(flow.step_id).toBe('hassio_confirm');
      const done = await haRest<{ type: string }>(ha, `/api/config/config_entries/flow/${flow.flow_id}`, {});
      expect(done.type).toBe('create_entry');
      const doc = await program.api<SensorsJson>('/api/sensors');
      await until('the entities back after the hassio step', async () => {
        const byUnique = new Map((await ourEntities()).map((e) => [e.unique_id, e.entity_id]));
        const states = await haStates();
        return doc.sensors.every((s) => {
          const state = states.get(byUnique.get(s.unique_id) ?? '');
          return state !== undefined && state.state !== 'unavailable';
        })
          ? true
          : undefined;
      });
    } finally {
      await supervisor.close();
      rmSync(haDir, { recursive: true, force: true });
    }
  });

  it('forwards reimport_statistics to the program and downloads diagnostics without the token', async () => {
    const doc = await program.api<SensorsJson>('/api/sensors');
    const pdl = doc.devices.find((d) => d.pdl !== null)!.pdl!;
    const service = '/api/services/myelectricaldata/reimport_statistics';
    const range = { pdl, start: '2026-01-01', end: '2026-02-01' };
    // No exporter runs in this program: Home Assistant says why the re-import was refused.
    await expect(haRest(ha, service, range)).rejects.toThrow(/re-import.*no exporter is running/s);
    // With the statistics export into this Home Assistant, the re-import runs it at once.
    await program.stop();
    program.start({ HOME_ASSISTANT: 'true', HA_URL: ha.url, HA_TOKEN: ha.token });
    await until('the program back', () => program.api('/api/health').then(() => true), 60_000);
    type Exporters = {
      name: string;
      state: string;
      lastSuccessAt: string | null;
      lastError: string | null;
    }[];
    const statistics = async () =>
      (await program.api<Exporters>('/api/exporters')).find((e) => e.name === 'home-assistant');
    // The export that follows the first sync (the whole history: long on a loaded machine) must be over.
    const syncedAt = await until('the first sync after the restart', async () => {
      const status = await program.api<{ running: boolean; lastRun: { finishedAt: string | null } }>('/api/status');
      return !status.running && status.lastRun.finishedAt ? Date.parse(status.lastRun.finishedAt) : undefined;
    });
    await until(
      'the statistics export after that sync',
      async () => {
        const e = await statistics();
        return e?.state === 'ok' && Date.parse(e.lastSuccessAt ?? '') >= syncedAt ? true : undefined;
      },
      400_000,
    );
    // Another tool damages one row of January in Home Assistant (older than the 14 days every run
    // compares): only the re-import of January, which compares that month again, repairs it.
    const id = statisticId(pdl, 'consumption');
    const damaged = Date.parse('2026-01-15T12:00:00Z');
    const heldSum = async () => (await haSums(id, damaged, damaged + 3_600_000)).get(damaged);
    const right = await heldSum();
    expect(typeof right).toBe('number');
    const metadata = statisticMetadata(pdl, 'consumption', ha.version);
    const row = { start: new Date(damaged).toISOString(), state: 0, sum: right! + 2.5 };
    await conn.sendMessagePromise({ type: 'recorder/import_statistics', metadata, stats: [row] });
    await until('the damaged row in Home Assistant', async () => ((await heldSum()) !== right ? true : undefined));
    const asked = program.count(/statistics re-import asked/g);
    await haRest(ha, service, range);
    await until('the re-import in the program', async () =>
      program.count(/statistics re-import asked/g) > asked ? true : undefined,
    );
    await until('the row repaired by the re-import', async () => {
      const sum = await heldSum();
      return sum !== undefined && Math.abs(sum! - right!) < 1e-6 ? true : undefined;
    });
    const after = await until('the re-import run over', async () => {
      const e = await statistics();
      return e?.state === 'ok' ? e : undefined;
    });
    expect(after.lastError).toBeNull();
    const entries = await haRest<{ entry_id: string; domain: string }[]>(ha, '/api/config/config_entries/entry');
    const ours = entries.find((e) => e.domain === 'myelectricaldata')!;
    const diagnostics = await fetch(`${ha.url}/api/diagnostics/config_entry/${ours.entry_id}`, {
      headers: { authorization: `Bearer ${ha.token}` },
    });
    expect(diagnostics.status).toBe(200);
    const text = await diagnostics.text();
    expect(text).toContain('**REDACTED**');
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text).data.document.sensors.length).toBe(doc.sensors.length);
  });

  it("asks for the new token when the program's token changes (reauth), then works again", async () => {
    const ids = (await ourEntities()).map((e) => e.entity_id);
    await program.stop();
    program.token = 'a-new-token-after-the-change-987654';
    const finished = program.count(/sync finished/g);
    program.start();
    const flow = await until('the reauth flow', async () => {
      const flows = await conn.sendMessagePromise<
        { flow_id: string; handler: string; step_id: string; context: { source: string } }[]
      >({ type: 'config_entries/flow/progress' });
      return flows.find((f) => f.handler === 'myelectricaldata' && f.context.source === 'reauth');
    });
    expect(flow.step_id).toBe('reauth_confirm');
    const done = await haRest<{ type: string; reason: string }>(ha, `/api/config/config_entries/flow/${flow.flow_id}`, {
      api_token: program.token,
    });
    expect(done).toMatchObject({ type: 'abort', reason: 'reauth_successful' });
    await until('the restarted program', async () => (program.count(/sync finished/g) > finished ? true : undefined));
    await until('every entity back with the new token', async () => {
      const states = await haStates();
      return ids.every((id) => states.get(id) && states.get(id)!.state !== 'unavailable') ? true : undefined;
    });
  });

  it('raises a repair issue while the gateway refuses the credentials, and withdraws it once they work', async () => {
    const ourIssues = async () => {
      const { issues } = await conn.sendMessagePromise<{ issues: { domain: string; issue_id: string }[] }>({
        type: 'repairs/list_issues',
      });
      return issues.filter((i) => i.domain === 'myelectricaldata').map((i) => i.issue_id);
    };
    expect(await ourIssues()).toEqual([]);
    await program.stop();
    const failed = program.count(/sync failed|GATEWAY_AUTH/g);
    program.start({ CLIENT_SECRET: 'not-the-secret-of-this-account' });
    await until('the refused sync', async () =>
      program.count(/sync failed|GATEWAY_AUTH/g) > failed ? true : undefined,
    );
    await until('the repair issue', async () =>
      (await ourIssues()).includes('gateway_credentials_refused') ? true : undefined,
    );
    await program.stop();
    const finished = program.count(/sync finished/g);
    program.start();
    await until('a sync with the right secret', async () =>
      program.count(/sync finished/g) > finished ? true : undefined,
    );
    await until('the issue withdrawn', async () => ((await ourIssues()).length === 0 ? true : undefined), 60_000);
  });

  it('leaves no warning or error of the integration in the Home Assistant log', async () => {
    const lines = (await ha.logText())
      .split('\n')
      .filter((l) => /myelectricaldata/i.test(l) && /WARNING|ERROR/.test(l))
      // Home Assistant warns about every custom integration it loads: not a problem of ours.
      .filter((l) => !/We found a custom integration (myelectricaldata|med_test)/.test(l))
      // The refused re-import the test asked on purpose: Home Assistant's REST API logs a service's error.
      .filter(
        (l) =>
          !/\[homeassistant\.components\.api\] .*The program refused the re-import: .*no exporter is running/.test(l),
      );
    expect(lines).toEqual([]);
  });
});
