/**
 * Home Assistant's own floor for a statistics import: the same number of statistics, hours and rows per
 * call as the exporter's first import, sent by a bare client into a fresh Home Assistant (no store, no
 * planning, no read-back of every row), then the last row of the last statistic polled every 20 ms until
 * the recorder holds it. What the exporter takes beyond this is ours to cut.
 */

import {
  buildStatisticRows,
  type StatisticKind,
  statisticMetadata,
} from '../src/exporters/home-assistant/build-statistic-rows.js';
import { connectHomeAssistant } from '../src/exporters/home-assistant/ha-client.js';
import { startHomeAssistant } from '../tests/integration/home-assistant/harness/ha.js';

const HOUR_MS = 3_600_000;
const KINDS: StatisticKind[] = [
  'consumption',
  'consumption_cost',
  'consumption_hc',
  'consumption_hc_cost',
  'consumption_hp',
  'consumption_hp_cost',
];

export interface FloorRun {
  rows: number;
  /** From the first call sent to the last one acknowledged. */
  ackedMs: number;
  /** From the first call sent to the last row readable. */
  storedMs: number;
}

export interface FloorShape {
  firstHour: number;
  hours: number;
  chunkHours: number;
  statistics: number;
}

export async function measureHaFloor(shape: FloorShape): Promise<FloorRun> {
  const ha = await startHomeAssistant();
  const api = await connectHomeAssistant({ url: ha.url, token: ha.token });
  try {
    const kinds = KINDS.slice(0, shape.statistics);
    const values = Array.from({ length: shape.hours }, (_, i) => ({
      hourStart: shape.firstHour + i * HOUR_MS,
      value: 30_000 + (i % 7) * 1_000,
    }));
    const t0 = performance.now();
    const calls: Promise<void>[] = [];
    let rows = 0;
    for (const kind of kinds) {
      const metadata = statisticMetadata('00000000000000', kind, ha.version);
      for (let at = 0; at < values.length; at += shape.chunkHours) {
        const stats = buildStatisticRows(values.slice(at, at + shape.chunkHours), kind, 0);
        rows += stats.length;
        calls.push(api.importStatistics(metadata, stats));
      }
    }
    await Promise.all(calls);
    const ackedMs = performance.now() - t0;
    const lastId = statisticMetadata('00000000000000', kinds.at(-1)!, ha.version).statistic_id;
    const lastHour = values.at(-1)!.hourStart;
    while (!(await api.hourlySums([lastId], lastHour, lastHour + HOUR_MS))[lastId]?.length) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { rows, ackedMs, storedMs: performance.now() - t0 };
  } finally {
    api.close();
    await ha.stop();
  }
}
