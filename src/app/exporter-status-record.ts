/**
 * The exporters' last state, kept in the store (cursor `exporters/status`) so that `med-local status`,
 * a separate process, can show how the daemon's or the last `sync --once`'s exports went. The running
 * app records it when it changes (checked every `intervalMs`) and once more before the exporters stop.
 */
import * as v from 'valibot';
import { errorMessage } from '../errors/app-error.js';
import type { ExporterStatus } from '../exporters/types.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/repository.js';

const CURSOR = { exporter: 'exporters', key: 'status' } as const;

const instant = v.nullable(v.number());
const RecordSchema = v.array(
  v.object({
    name: v.string(),
    state: v.picklist(['idle', 'running', 'ok', 'error', 'stopped'] as const),
    lastRunAt: instant,
    lastSuccessAt: instant,
    lastResult: v.nullable(v.record(v.string(), v.unknown())),
    lastError: v.nullable(v.string()),
  }),
);

export async function writeExporterStatuses(store: Store, statuses: readonly ExporterStatus[]): Promise<void> {
  await store.setCursor(CURSOR.exporter, CURSOR.key, JSON.stringify(statuses));
}

/** The last recorded statuses; none when nothing (or something unreadable) was recorded. */
export async function readExporterStatuses(store: Store): Promise<ExporterStatus[]> {
  const text = await store.getCursor(CURSOR.exporter, CURSOR.key);
  if (!text) return [];
  try {
    const parsed = v.safeParse(RecordSchema, JSON.parse(text));
    return parsed.success ? parsed.output : [];
  } catch {
    return [];
  }
}

export interface StatusRecorder {
  /** Records the statuses now if they changed since the last record. */
  flush(): Promise<void>;
  /** Stops the periodic check after a last flush. */
  stop(): Promise<void>;
}

export function recordExporterStatuses(options: {
  store: Store;
  statuses: () => ExporterStatus[];
  logger: Logger;
  intervalMs?: number;
}): StatusRecorder {
  let last: string | null = null;
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    writing = writing.then(async () => {
      const statuses = options.statuses();
      const text = JSON.stringify(statuses);
      if (text === last) return;
      try {
        await writeExporterStatuses(options.store, statuses);
        last = text;
      } catch (err) {
        options.logger.warn(`could not record the exporters' status: ${errorMessage(err)}`);
      }
    });
    return writing;
  };
  const timer = setInterval(() => void flush(), options.intervalMs ?? 15_000);
  timer.unref();
  return {
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
