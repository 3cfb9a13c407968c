/**
 * `sync --once` exports too: after the sync, every started exporter runs once more and is waited for,
 * within one time bound. A run that ends in error (a broker still connecting, Home Assistant restarting)
 * is tried again with back-off until the bound; what is still failing then is logged as an error.
 * Never throws: exports never change the sync's outcome.
 */
import { errorMessage } from '../errors/app-error.js';
import type { Exporter, ExporterStatus } from '../exporters/types.js';
import type { Logger } from '../log/logger.js';

export interface ExportOnceOptions {
  logger: Logger;
  /** Bound on the whole export, all exporters together (default 30 s). */
  timeoutMs?: number;
  /** First pause before trying a failed run again; doubles each time (default 500 ms). */
  retryMinMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Resolves true when `work` settles before `deadline`, false when the time is up first. */
async function before(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function runUntilOk(exporter: Exporter, deadline: number, retryMinMs: number): Promise<boolean> {
  for (let pause = retryMinMs; ; pause *= 2) {
    if (!(await before(exporter.run('sync-once'), deadline))) return false;
    if (exporter.status().state !== 'error' || Date.now() + pause >= deadline) return true;
    await sleep(pause);
  }
}

function report(logger: Logger, exporter: Exporter, finished: boolean, timeoutMs: number): ExporterStatus {
  const status = exporter.status();
  if (!finished) {
    logger.error(`exporter ${exporter.name} did not finish within ${timeoutMs / 1000} s; its export is incomplete`);
  } else if (status.state === 'error') {
    logger.error(`exporter ${exporter.name} failed: ${status.lastError ?? 'no detail'}`);
  } else {
    logger.info({ exporter: exporter.name, result: status.lastResult }, `exporter ${exporter.name} done`);
  }
  return status;
}

/** Runs each exporter once (concurrently) and returns their statuses afterwards, in the given order. */
export async function runExportersOnce(
  exporters: readonly Exporter[],
  options: ExportOnceOptions,
): Promise<ExporterStatus[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const logger = options.logger.child({ component: 'exporters' });
  return Promise.all(
    exporters.map(async (exporter) => {
      try {
        const finished = await runUntilOk(exporter, deadline, options.retryMinMs ?? 500);
        return report(logger, exporter, finished, timeoutMs);
      } catch (err) {
        logger.error(`exporter ${exporter.name} failed: ${errorMessage(err)}`);
        return exporter.status();
      }
    }),
  );
}
