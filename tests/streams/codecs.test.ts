import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parisNaiveToUtc } from '../../src/domain/time.js';
import type { EcoWattSignal } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/repository.js';
import type { Row } from '../../src/store/sql-runner.js';
import { ECOWATT_CODEC, type RowCodec } from '../../src/store/stream-codecs.js';
import {
  type DayStreamName,
  dayStreamSpec,
  isDayStream,
  type RowOf,
  STREAM_LIST,
  STREAMS,
  storeKey,
} from '../../src/streams/index.js';
import { PDL, usagePoint } from '../store/fixtures.js';

const at = (naive: string) => parisNaiveToUtc(naive);
const daily = [
  { date: '2026-11-20', wh: 12_345 },
  { date: '2026-11-21', wh: 0 },
];
const curve = [
  { start: at('2026-11-20 00:00:00'), minutes: 30, w: 1200 },
  { start: at('2026-11-20 00:30:00'), minutes: 30, w: 0 },
];

/** Sample rows of every day stream, typed by the table. */
const SAMPLES: { [N in DayStreamName]: RowOf<N>[] } = {
  consumption_daily: daily,
  consumption_curve: curve,
  max_power: [{ date: '2026-11-20', va: 5430, at: at('2026-11-20 19:12:00') }],
  production_daily: daily,
  production_curve: curve,
  tempo: [
    { date: '2026-11-20', color: 'BLUE' },
    { date: '2026-11-21', color: 'RED' },
  ],
};
const ECOWATT: EcoWattSignal[] = [
  { date: '2026-11-28', level: 2, message: 'Consommation élevée', hourly: Array.from({ length: 24 }, (_, h) => h % 4) },
];

/** A row as a driver hands it back: the codec's columns, named. */
function asDriverRow<T>(codec: RowCodec<T>, row: T): Row {
  const values = codec.encode(row);
  return Object.fromEntries(codec.columns.map((c, i) => [c, values[i]]));
}

const DAY_STREAMS = STREAM_LIST.filter(isDayStream).map((s) => s.name);

describe('each stream codec', () => {
  it.each(DAY_STREAMS)('%s rows survive encode then decode', (name) => {
    const spec = dayStreamSpec(name);
    const rows = SAMPLES[name];
    expect(rows.map((r) => spec.codec.decode(asDriverRow(spec.codec, r)))).toEqual(rows);
  });

  it('EcoWatt signals survive encode then decode', () => {
    expect(STREAMS.ecowatt.codec).toBe(ECOWATT_CODEC);
    const codec = ECOWATT_CODEC;
    expect(ECOWATT.map((s) => codec.decode(asDriverRow(codec, s)))).toEqual(ECOWATT);
  });

  it('writes the columns of its table after the owner columns', () => {
    for (const spec of STREAM_LIST) {
      if (!spec.codec) continue;
      const owner = spec.owner === 'account' ? [] : spec.kind === 'max-power' ? ['pdl'] : ['pdl', 'direction'];
      expect([spec.name, spec.codec.table.columns]).toEqual([spec.name, [...owner, ...spec.codec.columns]]);
    }
  });
});

describe('each day stream through the store', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'med-streams-'));
    store = await openStore({ dataDir: dir, logger: silentLogger });
    await store.upsertUsagePoints([usagePoint(PDL, { hasProduction: true })], 0);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(DAY_STREAMS)('%s reads back what it wrote, and counts the days complete', async (name) => {
    const spec = dayStreamSpec(name);
    const rows = SAMPLES[name];
    const key = storeKey(spec, PDL);
    const range = { start: '2026-11-20', end: '2026-11-22' };
    await spec.write(store, key, rows);
    expect(await spec.read(store, key, range)).toEqual(rows);
    const complete = await spec.completeDays(store, key, range);
    // Two half-hours do not make a curve day complete; one value per day does.
    expect([...complete]).toEqual(
      spec.kind === 'curve' ? [] : [...new Set(rows.map((r) => ('date' in r ? r.date : '')))],
    );
  });

  it('EcoWatt replaces the forecast and reports the days it changed', async () => {
    expect(await STREAMS.ecowatt.write(store, ECOWATT, Date.UTC(2026, 10, 28))).toEqual({
      start: '2026-11-28',
      end: '2026-11-29',
    });
    expect(await store.listEcoWatt({ start: '2026-11-28', end: '2026-11-29' })).toEqual(ECOWATT);
  });
});
