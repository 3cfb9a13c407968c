/**
 * Simulated MyElectricalData v2 gateway, for demo mode, tests and benchmarks. See README.md in this folder.
 *
 *   const sim = await startSimulator({ clock: fixedClock(Date.parse('2026-11-27T09:00:00Z')) });
 *   fetch(`${sim.baseUrl}/pdl`, { headers: { authorization: `Bearer ${sim.clientSecret}` } });
 */
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../../domain/clock.js';
import { parisToday } from '../../domain/time.js';
import { type SimUser, TokenAuthority } from './auth.js';
import { NO_HOLES, SimulatedDataset } from './dataset.js';
import { FaultInjector } from './faults.js';
import { GatewayCache } from './gateway-cache.js';
import { defaultPdlSpecs } from './pdl-catalog.js';
import { QuotaBook } from './quota.js';
import { SimulatorServer } from './server.js';
import type { SimState } from './state.js';
import { TempoCalendar } from './tempo-calendar.js';
import type { DatasetOptions, PdlSpec, Quirks, RequestLogEntry, SimulatorOptions } from './types.js';

export { NO_HOLES, REALISTIC_HOLES, type ServedReading, SimulatedDataset } from './dataset.js';
export { FaultInjector } from './faults.js';
export { defaultPdlSpecs, PRM } from './pdl-catalog.js';
export type * from './types.js';

export const DEMO_CLIENT_ID = 'demo-client-id-7f3a9c';
export const DEMO_CLIENT_SECRET = 'demo-secret-2b8e41d07c5f4a6e9d13';
const DEMO_USER_ID = '5f0c2a4e-8d3b-4c71-9a26-1e7b3d9f0a42';

export const IDEAL_QUIRKS: Quirks = {
  dailyEndCappedExclusive: false,
  detailNoSplitUnsorted: false,
  passthroughErr0123AsSuccess: false,
  feb29Failures: false,
  readingTypeFallbackW: false,
  tempoStartExclusive: false,
  endLabels: false,
  batchBlacklist: false,
  tempoTodayUtc: false,
};

/** Every quirk on: the real gateway as documented. */
export const REAL_GATEWAY_QUIRKS: Quirks = Object.fromEntries(
  Object.keys(IDEAL_QUIRKS).map((k) => [k, k !== 'endLabels']),
) as unknown as Quirks;

export interface RunningSimulator {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  requestLog: RequestLogEntry[];
  quirks: Quirks;
  faults: FaultInjector;
  dataset: SimulatedDataset;
  usage(): { cached: number; noCache: number };
  /** Fill a bucket for today (UTC), as if the day's quota had been used. */
  exhaust(bucket: 'cached' | 'noCache'): void;
  close(): Promise<void>;
}

function buildSpecs(options: DatasetOptions | undefined, seed: number, clock: Clock): PdlSpec[] {
  const specs = options?.pdls ?? defaultPdlSpecs(seed, parisToday(clock.now()));
  const overrides = options?.overrides ?? {};
  return specs.map((s) => ({ ...s, ...(overrides[s.usagePointId] ?? {}) }));
}

function buildState(options: SimulatorOptions): SimState {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 1;
  const user: SimUser = {
    id: DEMO_USER_ID,
    email: 'demo@myelectricaldata.invalid',
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
  };
  const holes = { ...NO_HOLES, ...options.dataset?.holes };
  const specs = buildSpecs(options.dataset, seed, clock);
  return {
    clock,
    seed,
    dataset: new SimulatedDataset(seed, specs, holes, options.publicationHour ?? 8),
    quota: new QuotaBook(clock, { cachedLimit: 1000, noCacheLimit: 50, ...options.limits }),
    cache: new GatewayCache(),
    quirks: { ...IDEAL_QUIRKS, ...options.quirks },
    faults: new FaultInjector(seed, options.latencyMs ?? null),
    auth: new TokenAuthority(`simulator-jwt-key-${seed}`, user, options.jwtExpirySeconds ?? 30 * 86_400),
    user,
    tempo: new TempoCalendar(seed, options.tempoPublicationTime ?? '10:40'),
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = buildState(options);
  const http = new SimulatorServer(sim);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject);
    http.server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = http.server.address() as AddressInfo;
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api`,
    clientId: sim.user.clientId,
    clientSecret: sim.user.clientSecret,
    requestLog: http.requestLog,
    quirks: sim.quirks,
    faults: sim.faults,
    dataset: sim.dataset,
    usage: () => sim.quota.usage(),
    exhaust: (bucket) => sim.quota.exhaust(bucket),
    close: () =>
      new Promise<void>((resolve) => {
        http.server.close(() => resolve());
        http.server.closeAllConnections();
      }),
  };
}

/** For `med-local simulator [--port N]`: start, and return the lines to print. */
export async function runSimulatorCli(
  options: SimulatorOptions = {},
): Promise<{ simulator: RunningSimulator; banner: string[] }> {
  const simulator = await startSimulator({ latencyMs: { min: 20, max: 120 }, ...options });
  const banner = [
    `MyElectricalData gateway simulator listening on ${simulator.baseUrl}`,
    `client_id:     ${simulator.clientId}`,
    `client_secret: ${simulator.clientSecret}`,
  ];
  return { simulator, banner };
}
