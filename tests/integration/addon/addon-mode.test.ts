/**
 * The add-on end to end without Docker: the built program, from the add-on image's files, in add-on mode
 * (`/data/options.json`-style options, `SUPERVISOR_TOKEN`, Supervisor base URL) against a real Home
 * Assistant (harness) reached through a Supervisor stand-in that also announces a real Mosquitto as the
 * MQTT service, and the gateway simulator. Asserts that the statistics land in Home Assistant (and match
 * what the program stored), that the Energy Dashboard is set up, that Home Assistant creates the MQTT
 * entities, and that the program found both through the Supervisor.
 * The program is a separate process on the real clock: the simulator's history is relative to today and
 * the assertions compare the two sides, never fixed dates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import { addDays, parisDate, parisDayHours, parisToday } from '../../../src/domain/time.js';
import { PRM, type RunningSimulator, startSimulator } from '../../../src/gateway/simulator/index.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import { type HomeAssistantInstance, haRest, startHomeAssistant } from '../home-assistant/harness/ha.js';
import { type Mosquitto, startMosquitto } from '../mqtt/mosquitto.js';
import { type AddonRun, startAddon } from './addon-program.js';
import { assembleImage, buildOnce, type ImageLayout, waitFor } from './image-layout.js';
import { type SupervisorStandIn, startSupervisorStandIn } from './supervisor-stand-in.js';

jest.setTimeout(600_000);

const PDL = PRM.oldFlat;
const PRICE = 0.25;
const MQTT_PASSWORD = 'mqtt-password-from-the-supervisor';
const STAT = `myelectricaldata:${PDL}_consumption`;
const COST = `myelectricaldata:${PDL}_consumption_cost`;

let ha: HomeAssistantInstance;
let broker: Mosquitto;
let sim: RunningSimulator;
let supervisor: SupervisorStandIn;
let image: ImageLayout;
let dir: string;
let run: AddonRun;
let conn: Connection;

const rest = <T>(path: string, body?: unknown): Promise<T> => haRest<T>(ha, path, body);

/** The MQTT integration, set up through its config flow (what a user does once in Home Assistant). */
async function configureMqtt(port: number): Promise<void> {
  const form = await rest<{ flow_id: string }>('/api/config/config_entries/flow', { handler: 'mqtt' });
  const done = await rest<{ type: string }>(`/api/config/config_entries/flow/${form.flow_id}`, {
    broker: '127.0.0.1',
    port,
    protocol: '5',
    other_settings: { set_ca_cert: 'off', set_client_cert: false, transport: 'tcp' },
  });
  expect(done.type).toBe('create_entry');
}

type Row = { start: number; sum: number };
async function hourlyRows(id: string): Promise<Row[]> {
  const result = await conn.sendMessagePromise<Record<string, Row[]>>({
    type: 'recorder/statistics_during_period',
    start_time: '2020-01-01T00:00:00Z',
    statistic_ids: [id],
    period: 'hour',
    types: ['sum'],
  });
  return result[id] ?? [];
}

beforeAll(async () => {
  buildOnce();
  image = assembleImage('addon/Dockerfile');
  dir = mkdtempSync(join(tmpdir(), 'med-addon-'));
  [broker, ha] = await Promise.all([startMosquitto(), startHomeAssistant()]);
  await configureMqtt(broker.port);
  conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
  // A small account: the old flat (BASE contract, load curve), made active and activated 20 days ago.
  const activationDate = addDays(parisToday(Date.now()), -20);
  // The program runs on the real clock: Enedis publishes J-1 from 00:00 here, so "yesterday" has a value
  // at any time of day (with the default 08:00, a night run would find it unknown).
  sim = await startSimulator({
    publicationHour: 0,
    dataset: { overrides: { [PDL]: { activationDate, isActive: true } } },
  });
  supervisor = await startSupervisorStandIn({
    token: ha.token,
    homeAssistantUrl: ha.url,
    mqtt: { host: '127.0.0.1', port: broker.port, username: 'addons', password: MQTT_PASSWORD },
  });
  run = await startAddon(
    image,
    join(dir, 'data'),
    {
      client_secret: sim.clientSecret,
      gateway_url: sim.baseUrl,
      pdls: [PDL],
      price_base_kwh: PRICE,
      energy_dashboard: 'auto',
    },
    { SUPERVISOR_TOKEN: ha.token, SUPERVISOR_URL: supervisor.url },
  );
}, 300_000);

afterAll(async () => {
  const code = await run?.program.stop();
  conn?.close();
  await Promise.all([ha?.stop(), broker?.stop(), sim?.close(), supervisor?.close()]);
  image?.remove();
  rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
}, 180_000);

describe('the add-on in add-on mode', () => {
  it('imports hourly statistics into Home Assistant that add up to what it stored', async () => {
    const rows = await waitFor(
      'statistics in Home Assistant',
      async () => {
        const found = await hourlyRows(STAT);
        const cost = await hourlyRows(COST);
        return found.length >= 24 * 19 && cost.length === found.length ? found : undefined;
      },
      300_000,
      run.program.output,
    );
    // Wait for the exporter to finish (rows stop changing), then compare with the program's own store.
    const settled = await waitFor(
      'statistics settled',
      async () => {
        const before = rows.length;
        await new Promise((r) => setTimeout(r, 2000));
        const again = await hourlyRows(STAT);
        return again.length === before ? again : undefined;
      },
      120_000,
    );
    const store = await openStore({ dataDir: run.dataDir, logger: silentLogger });
    try {
      // The energy the store holds, day by day: the curve of a day it covers whole, else the day's daily
      // value (Home Assistant gets that total spread over the hours the curve misses), else its readings.
      const readings = await store.listCurve(PDL, 'consumption', 0, Date.now() + 86_400_000);
      expect(readings.length).toBeGreaterThan(0);
      const curveWh = new Map<string, { wh: number; minutes: number }>();
      for (const r of readings) {
        const day = curveWh.get(parisDate(r.start)) ?? { wh: 0, minutes: 0 };
        day.wh += (r.w * r.minutes) / 60;
        day.minutes += r.minutes;
        curveWh.set(parisDate(r.start), day);
      }
      const range = { start: '2000-01-01', end: addDays(parisToday(Date.now()), 1) };
      const daily = new Map((await store.listDaily(PDL, 'consumption', range)).map((d) => [d.date, d.wh]));
      let storedWh = 0;
      for (const day of new Set([...curveWh.keys(), ...daily.keys()])) {
        const curve = curveWh.get(day);
        const whole = curve !== undefined && curve.minutes >= parisDayHours(day) * 60;
        storedWh += whole ? curve.wh : (daily.get(day) ?? curve?.wh ?? 0);
      }
      const storedKwh = storedWh / 1000;
      expect(settled[settled.length - 1].sum).toBeCloseTo(storedKwh, 3);
      const costs = await hourlyRows(COST);
      expect(costs[costs.length - 1].sum).toBeCloseTo(storedKwh * PRICE, 2);
    } finally {
      await store.close();
    }
  });

  it('adds the statistics to the Energy Dashboard (energy_dashboard: auto)', async () => {
    const prefs = await waitFor(
      'energy prefs',
      async () => {
        const p = await conn.sendMessagePromise<{ energy_sources: unknown[] }>({ type: 'energy/get_prefs' });
        return JSON.stringify(p).includes(STAT) ? p : undefined;
      },
      120_000,
    );
    expect(JSON.stringify(prefs.energy_sources)).toContain(COST);
  });

  it('publishes MQTT discovery through the broker the Supervisor announced; Home Assistant creates the entities', async () => {
    const entity = `sensor.linky_${PDL}_consumption_yesterday`;
    const state = await waitFor(
      entity,
      async () => {
        const states =
          await rest<{ entity_id: string; state: string; attributes: Record<string, unknown> }[]>('/api/states');
        const s = states.find((x) => x.entity_id === entity);
        return s && !['unknown', 'unavailable'].includes(s.state) ? s : undefined;
      },
      120_000,
      run.program.output,
    );
    expect(Number(state.state)).toBeGreaterThan(0);
    expect(state.attributes).toMatchObject({ device_class: 'energy', unit_of_measurement: 'kWh' });
    const registry = await conn.sendMessagePromise<{ unique_id: string; platform: string }[]>({
      type: 'config/entity_registry/list',
    });
    expect(
      registry.some((e) => e.platform === 'mqtt' && e.unique_id === `myelectricaldata_linky_${PDL}_consumption`),
    ).toBe(true);
  });

  it('found Home Assistant and the broker through the Supervisor only', () => {
    expect(supervisor.requests).toContain('GET /services/mqtt');
    expect(supervisor.requests.some((r) => /^UPGRADE \/core(\/api)?\/websocket$/.test(r))).toBe(true);
  });

  it('answers only the ingress proxy, except the health check', async () => {
    expect((await fetch(`${run.url}/`)).status).toBe(403);
    expect((await fetch(`${run.url}/api/health`)).status).toBe(200);
  });

  it('logs plain text (add-on Log tab) without any secret', () => {
    const output = run.program.output();
    expect(output).toContain('exporter home-assistant started');
    expect(output).toContain('exporter mqtt started');
    // The bundle's chunks find the integration shipped next to main.mjs (install_integration).
    expect(output).toContain('Home Assistant integration installed');
    for (const secret of [sim.clientSecret, ha.token, MQTT_PASSWORD]) expect(output).not.toContain(secret);
    expect(output).not.toContain('\u001b[');
  });
});
