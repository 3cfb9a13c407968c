import { buildStatisticRows, type StatisticRow } from '../../../src/exporters/home-assistant/build-statistic-rows.js';
import { confirmImports, type PendingImport } from '../../../src/exporters/home-assistant/confirm-imports.js';
import type { HaApi } from '../../../src/exporters/home-assistant/ha-client.js';
import type { SyncSettings } from '../../../src/exporters/home-assistant/sync-statistic.js';
import { memoryHa } from './memory-ha.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-28T20:00:00Z'); // the rows cross the spring-forward night
const settings: SyncSettings = {
  trailingHours: 336,
  chunkHours: 10,
  readBackTimeoutMs: 300,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A Home Assistant whose recorder writes one queued chunk per answered read (first in, first out). */
function slowRecorder(order: (queue: [string, StatisticRow[]][]) => void = () => {}) {
  const ha = memoryHa();
  const queue: [string, StatisticRow[]][] = [];
  let reads = 0;
  const api: HaApi = {
    ...ha,
    async importStatistics(meta, stats) {
      queue.push([meta.statistic_id, stats]);
      order(queue);
    },
    async hourlySums(ids, from, to) {
      reads++;
      const next = queue.shift();
      if (next) await ha.importStatistics({ statistic_id: next[0] } as never, next[1]);
      return ha.hourlySums(ids, from, to);
    },
  };
  return { api, ha, reads: () => reads };
}

/** A pending import with the rows it was made of (the exporter keeps only their sums). */
type Sent = PendingImport & { rows: StatisticRow[] };

function pendingOf(id: string, hours: number, base: number): Sent {
  const values = Array.from({ length: hours }, (_, i) => ({ hourStart: T0 + i * HOUR, value: 60 * (i + 1) }));
  const rows = buildStatisticRows(values, 'consumption', base);
  return { id, rows, sums: Float64Array.from(rows, (r) => r.sum), firstHour: T0 };
}

async function send(api: HaApi, p: Sent) {
  for (let i = 0; i < p.rows.length; i += settings.chunkHours) {
    await api.importStatistics({ statistic_id: p.id } as never, p.rows.slice(i, i + settings.chunkHours) as never);
  }
}

describe('confirmImports', () => {
  it('returns once the slow recorder holds every row of every statistic, each sum exact', async () => {
    const { api, ha, reads } = slowRecorder();
    const pending = [
      pendingOf('myelectricaldata:a_consumption', 35, 0),
      pendingOf('myelectricaldata:b_consumption', 35, 7),
    ];
    for (const p of pending) await send(api, p);
    await confirmImports(api, pending, settings, 1e-6);
    for (const p of pending) {
      const held = ha.rows.get(p.id)!;
      expect(p.rows.map((_, i) => held.get(T0 + i * HOUR)?.sum)).toEqual(p.rows.map((r) => r.sum));
    }
    // 8 chunks written one per read: the last-row polls, then one read back per statistic (44 hours a read)
    expect(reads()).toBeLessThanOrEqual(8 + 4);
  });

  it('waits for a chunk the recorder wrote last (re-queued) before confirming', async () => {
    const { api, ha } = slowRecorder((queue) => {
      if (queue.length === 4) queue.push(queue.shift()!); // the first chunk goes to the end of the queue
    });
    const pending = [pendingOf('myelectricaldata:a_consumption', 40, 0)];
    await send(api, pending[0]!);
    await confirmImports(api, pending, settings, 1e-6);
    expect(ha.rows.get(pending[0]!.id)!.size).toBe(40);
  });

  it('fails with HA_IMPORT_NOT_WRITTEN, naming the statistic, when a chunk is never written', async () => {
    const { api } = slowRecorder((queue) => {
      if (queue.length === 2) queue.shift(); // the first chunk is lost: only the whole check can see it
    });
    const pending = [pendingOf('myelectricaldata:a_consumption', 30, 0)];
    await send(api, pending[0]!);
    await expect(confirmImports(api, pending, settings, 1e-6)).rejects.toMatchObject({
      code: 'HA_IMPORT_NOT_WRITTEN',
      message: expect.stringContaining('myelectricaldata:a_consumption'),
    });
  });
});
