/**
 * Shared fixtures of the API tests: a real SQLite store (temp dir) filled with known rows, a status
 * provider returning a given snapshot and a sync trigger that records its calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ApiServer, createApiServer } from '../../src/api/server.js';
import { fixedClock } from '../../src/domain/clock.js';
import type { Prices } from '../../src/domain/tariff.js';
import { addDays, parisMidnightUtc } from '../../src/domain/time.js';
import type { CurveReading, UsagePoint } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/repository.js';
import type { StatusProvider, StreamStatus, SyncStatus, SyncTrigger } from '../../src/sync/status.js';

export const PDL_HOME = '12345678901234';
export const PDL_SOLAR = '98765432109876';
export const UNKNOWN_PDL = '11112222333344';
/** 2026-11-27 12:00 in Paris (UTC+1). */
export const NOW = Date.UTC(2026, 10, 27, 11, 0, 0);
export const SPRING_DAY = '2026-03-29';
export const FALL_DAY = '2026-10-25';
/** A day with three 10-minute readings, whose energy is not a whole number of Wh. */
export const TEN_MIN_DAY = '2026-11-02';

const point = (over: Partial<UsagePoint> & Pick<UsagePoint, 'id' | 'pdl'>): UsagePoint => ({
  name: null,
  subscribedPowerKva: null,
  offpeakHours: [],
  pricingOption: null,
  hasConsumption: true,
  hasProduction: false,
  isActive: true,
  activationDate: null,
  oldestAvailableDataDate: null,
  linkedProductionPdlId: null,
  ...over,
});

/** Half-hour readings over a whole Paris day (46 on the spring-forward day, 50 on the fall-back day). */
export function halfHoursOfDay(date: string, w: (i: number) => number): CurveReading[] {
  const rows: CurveReading[] = [];
  const end = parisMidnightUtc(addDays(date, 1));
  for (let t = parisMidnightUtc(date), i = 0; t < end; t += 1_800_000, i++)
    rows.push({ start: t, minutes: 30, w: w(i) });
  return rows;
}

export const curveWatts = (i: number) => 301 + 2 * i;

async function fill(store: Store): Promise<void> {
  await store.upsertUsagePoints(
    [
      point({ id: 'uuid-home', pdl: PDL_HOME, name: 'Maison', subscribedPowerKva: 6, pricingOption: 'HC_HP' }),
      point({ id: 'uuid-solar', pdl: PDL_SOLAR, hasConsumption: false, hasProduction: true }),
    ],
    NOW - 3_600_000,
  );
  await store.setContract({
    pdl: PDL_HOME,
    segment: 'C5',
    subscribedPowerKva: 9,
    offpeakHours: [{ start: '22:00', end: '06:00' }],
    distributionTariff: 'BTINFMUDT',
    contractType: 'CRAE',
    contractStatus: 'SERVC',
    usagePointStatus: 'com',
    meterType: 'AMM',
    lastActivationDate: '2019-05-02',
    lastDistributionTariffChangeDate: null,
  });
  await store.setAddress({
    pdl: PDL_HOME,
    street: '1 rue de Rivoli',
    locality: null,
    postalCode: '75001',
    inseeCode: '75101',
    city: 'PARIS',
    country: 'France',
    latitude: null,
    longitude: null,
  });
  await store.upsertDaily(PDL_HOME, 'consumption', [
    { date: '2026-11-01', wh: 8123 },
    { date: '2026-11-02', wh: 9050 },
    { date: '2026-11-03', wh: 7311 },
  ]);
  await store.upsertDaily(PDL_SOLAR, 'production', [{ date: '2026-06-21', wh: 24_500 }]);
  await store.upsertCurve(PDL_HOME, 'consumption', [
    ...halfHoursOfDay(SPRING_DAY, curveWatts),
    ...halfHoursOfDay(FALL_DAY, curveWatts),
    ...[7, 8, 13].map((w, i) => ({ start: parisMidnightUtc(TEN_MIN_DAY) + i * 600_000, minutes: 10, w })),
  ]);
  await store.upsertCurve(PDL_SOLAR, 'production', [
    { start: Date.UTC(2026, 5, 21, 10, 0), minutes: 30, w: 2001 },
    { start: Date.UTC(2026, 5, 21, 10, 30), minutes: 30, w: 2100 },
  ]);
  await store.upsertMaxPower(PDL_HOME, [
    { date: '2026-03-29', va: 6120, at: Date.UTC(2026, 2, 29, 7, 12) },
    { date: '2026-11-02', va: 5030, at: Date.UTC(2026, 10, 2, 18, 40, 5) },
  ]);
  await store.setStreamState({
    pdl: PDL_HOME,
    stream: 'consumption_daily',
    lastSuccessAt: NOW - 7_200_000,
    lastAttemptAt: NOW - 7_200_000,
    lastError: null,
  });
  await store.setStreamState({
    pdl: PDL_HOME,
    stream: 'consumption_curve',
    lastSuccessAt: NOW - 3_600_000,
    lastAttemptAt: NOW - 3_600_000,
    lastError: null,
  });
}

export interface TestStore {
  store: Store;
  cleanup(): Promise<void>;
}

export async function openFilledStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'med-api-'));
  const store = await openStore({ dataDir: dir, logger: silentLogger });
  await fill(store);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One stream's status: never fetched, no error, nothing held, unless `over` says otherwise. */
export function streamStatus(stream: StreamStatus['stream'], over: Partial<StreamStatus> = {}): StreamStatus {
  return {
    stream,
    lastSuccessAt: null,
    lastAttemptAt: null,
    lastError: null,
    dataRange: null,
    missingDays: 0,
    givenUpDays: 0,
    ...over,
  };
}

export function idleStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    running: false,
    progress: null,
    lastRunStartedAt: NOW - 3_660_000,
    lastRunFinishedAt: NOW - 3_600_000,
    lastRunOk: true,
    lastError: null,
    lastRunCalls: 4,
    quota: { cachedUsed: 12, cachedLimit: 500, noCacheUsed: 2, noCacheLimit: 50, pausedUntil: null },
    schedule: { nextDailySync: NOW + 6 * 3_600_000, nextTempo: null, nextEcoWatt: NOW + 3_600_000 },
    global: [],
    warnings: [],
    pdls: [
      {
        pdl: PDL_HOME,
        name: 'Maison',
        isActive: true,
        hasConsumption: true,
        hasProduction: false,
        selected: true,
        streams: [
          {
            stream: 'consumption_daily',
            lastSuccessAt: NOW - 7_200_000,
            lastAttemptAt: NOW - 7_200_000,
            lastError: null,
            dataRange: { start: '2026-11-01', end: '2026-11-04' },
            missingDays: 0,
            givenUpDays: 0,
          },
          {
            stream: 'contract',
            lastSuccessAt: NOW - 7_200_000,
            lastAttemptAt: NOW - 7_200_000,
            lastError: null,
            dataRange: null,
            missingDays: 0,
            givenUpDays: 0,
          },
        ],
      },
    ],
    exporters: [],
    history: [],
    ...over,
  };
}

export function statusOf(get: () => SyncStatus): StatusProvider {
  return { getStatus: async () => get() };
}

export interface RecordingTrigger extends SyncTrigger {
  calls: number;
  running: boolean;
}

export function recordingTrigger(): RecordingTrigger {
  const trigger: RecordingTrigger = {
    calls: 0,
    running: false,
    start() {
      trigger.calls++;
      if (trigger.running) return 'already-running';
      trigger.running = true;
      return 'started';
    },
  };
  return trigger;
}

/** An API server on `store` with the idle status at `NOW` and `prices` (none: the cost routes answer no_price). */
export function pricedApi(store: Store, prices: Prices | undefined): ApiServer {
  return createApiServer({
    store,
    status: statusOf(() => idleStatus()),
    syncTrigger: recordingTrigger(),
    logger: silentLogger,
    clock: fixedClock(NOW),
    version: '1.2.3',
    prices,
  });
}
