/**
 * Known store data for the MQTT and REST exporter tests, in a real SQLite store (temp dir). The frozen
 * clock is Friday 2026-11-27 08:00 Paris. Expected values (worked out by hand):
 * - PDL A consumption: daily 10 000 Wh every day of 2026 up to 26 Nov, except 20 Nov (nothing at all)
 *   and 25 Nov (no daily value, a full load curve of 48 × 500 W = 12 000 Wh).
 * - PDL A production: daily 2 000 Wh from 1 Nov to 26 Nov.
 * - PDL B: consumption only, no data.
 * - Tempo 1 Sep → 28 Nov: blue, except 25 Nov white, 26 Nov red, 27 Nov white, 28 Nov red.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays, eachDay, parisMidnightUtc, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { TempoDay, UsagePoint } from '../../../src/domain/types.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { usagePoint } from '../../store/fixtures.js';

export const PDL_A = '12345678901234';
export const PDL_B = '98765432109876';
export const NOW = parisNaiveToUtc('2026-11-27 08:00:00');
export const SEEN_AT = parisNaiveToUtc('2026-11-27 07:30:00');

export function point(pdl: string, overrides: Partial<UsagePoint> = {}): UsagePoint {
  return usagePoint(pdl, { name: null, ...overrides });
}

export interface TempStore {
  store: Store;
  dir: string;
  cleanup(): Promise<void>;
}

export async function openTempStore(): Promise<TempStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mqtt-store-'));
  const store = await openStore({ dataDir: dir, logger: silentLogger });
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function seedStore(store: Store): Promise<void> {
  await store.upsertUsagePoints([point(PDL_A, { hasProduction: true }), point(PDL_B)], SEEN_AT);
  const days = eachDay({ start: '2026-01-01', end: '2026-11-27' }).filter(
    (d) => d !== '2026-11-20' && d !== '2026-11-25',
  );
  await store.upsertDaily(
    PDL_A,
    'consumption',
    days.map((date) => ({ date, wh: 10_000 })),
  );
  const from = parisMidnightUtc('2026-11-25');
  await store.upsertCurve(
    PDL_A,
    'consumption',
    Array.from({ length: 48 }, (_, i) => ({ start: from + i * 1_800_000, minutes: 30, w: 500 })),
  );
  const prodDays = eachDay({ start: '2026-11-01', end: '2026-11-27' });
  await store.upsertDaily(
    PDL_A,
    'production',
    prodDays.map((date) => ({ date, wh: 2_000 })),
  );
  await store.upsertMaxPower(PDL_A, [
    { date: '2026-11-20', va: 5_000, at: parisNaiveToUtc('2026-11-20 12:00:00') },
    { date: '2026-11-26', va: 6_120, at: parisNaiveToUtc('2026-11-26 19:02:00') },
  ]);
  await store.setContract({
    pdl: PDL_A,
    segment: 'C5',
    subscribedPowerKva: 9,
    offpeakHours: [{ start: '22:00', end: '06:00' }],
    distributionTariff: 'BTINFCU4',
    contractType: 'CRAE',
    contractStatus: 'SERVC',
    usagePointStatus: 'com',
    meterType: 'AMM',
    lastActivationDate: '2019-05-04',
    lastDistributionTariffChangeDate: null,
  });
  await store.setAddress({
    pdl: PDL_A,
    street: '1 rue de la Paix',
    locality: null,
    postalCode: '75002',
    inseeCode: '75102',
    city: 'Paris',
    country: 'France',
    latitude: 48.8686,
    longitude: 2.3314,
  });
  await store.setStreamState({
    pdl: PDL_A,
    stream: 'consumption_daily',
    lastSuccessAt: SEEN_AT,
    lastAttemptAt: SEEN_AT,
    lastError: null,
  });
  await store.setStreamState({
    pdl: PDL_B,
    stream: 'consumption_daily',
    lastSuccessAt: null,
    lastAttemptAt: SEEN_AT,
    lastError: 'quota reached',
  });
  const special: Record<string, TempoDay['color']> = {
    '2026-11-25': 'WHITE',
    '2026-11-26': 'RED',
    '2026-11-27': 'WHITE',
    '2026-11-28': 'RED',
  };
  const tempo = eachDay({ start: '2026-09-01', end: addDays('2026-11-28', 1) }).map((date) => ({
    date,
    color: special[date] ?? 'BLUE',
  }));
  await store.upsertTempo(tempo);
  await store.upsertEcoWatt([
    { date: '2026-11-27', level: 1, message: 'Pas d’alerte', hourly: Array(24).fill(1) },
    {
      date: '2026-11-28',
      level: 2,
      message: 'Système électrique tendu',
      hourly: [...Array(18).fill(1), 2, 2, 1, 1, 1, 1],
    },
  ]);
}
