import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parisNaiveToUtc } from '../../src/domain/time.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/repository.js';
import { loadTariffContext, readOffpeakSchedules } from '../../src/store/tariff-history.js';
import { STREAMS } from '../../src/streams/index.js';
import { contract, PDL, usagePoint } from './fixtures.js';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-tariff-history-'));
  store = await openStore({ dataDir: dir, logger: silentLogger });
  await store.upsertUsagePoints([usagePoint(PDL)], 0);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (naive: string) => parisNaiveToUtc(naive);

describe('dated off-peak schedules from the contracts the sync reads', () => {
  it('keeps the first schedule from the beginning and dates each change by the Paris day it was seen', async () => {
    const night = contract(PDL);
    const moved = { ...night, offpeakHours: [{ start: '23:00', end: '07:00' }] };
    await STREAMS.contract.write(store, night, at('2025-03-01 08:00:00'));
    await STREAMS.contract.write(store, night, at('2025-06-01 08:00:00'));
    // 23:30 UTC on 14 Sept is already 15 Sept in Paris.
    await STREAMS.contract.write(store, moved, Date.UTC(2025, 8, 14, 23, 30));
    await STREAMS.contract.write(store, { ...moved, offpeakHours: [] }, at('2025-10-01 08:00:00'));
    expect(await readOffpeakSchedules(store, PDL)).toEqual([
      { from: null, ranges: [{ start: '01:30', end: '07:30' }] },
      { from: '2025-09-15', ranges: [{ start: '23:00', end: '07:00' }] },
    ]);
    expect((await store.getUsagePoint(PDL))?.contract?.offpeakHours).toEqual([]);
  });

  it('gives the tariff engine the schedules and every stored Tempo colour', async () => {
    await STREAMS.contract.write(store, contract(PDL), at('2025-03-01 08:00:00'));
    await store.upsertTempo([
      { date: '2025-01-09', color: 'RED' },
      { date: '2025-01-10', color: 'WHITE' },
    ]);
    const context = await loadTariffContext(store, PDL);
    expect(context.tempo).toEqual({ '2025-01-09': 'RED', '2025-01-10': 'WHITE' });
    expect(context.schedules).toHaveLength(1);
  });
});
