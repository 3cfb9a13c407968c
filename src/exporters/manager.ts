/**
 * Starts the enabled exporters, each in its own try/catch, and stops them in reverse order. One that
 * cannot be built or started is logged, skipped, and kept in `statuses()` as an `error` saying why
 * ("could not start: …"), so `/api/status` and `med-local status` show it. Each exporter subscribes to
 * the sync events it needs in its own `start` (the manager does not run them). The list of exporter
 * factories is injected, so only enabled exporters are ever constructed.
 */
import { errorMessage } from '../errors/app-error.js';
import { startFailure } from './kit/run-status.js';
import type { Exporter, ExporterContext, ExporterStatus } from './types.js';

export interface ExporterFactory {
  name: string;
  /** Returns the exporter when enabled by the config, else null (nothing is constructed). */
  create(): Exporter | null | Promise<Exporter | null>;
}

export interface ExporterManager {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every enabled exporter in factory order: the live status of a started one, the failure of the others. */
  statuses(): ExporterStatus[];
  readonly started: readonly Exporter[];
}

/** An enabled exporter: started, or the status saying why it could not start. */
type Slot = { exporter: Exporter } | { failure: ExporterStatus };

export function createExporterManager(
  factories: readonly ExporterFactory[],
  context: ExporterContext,
): ExporterManager {
  const started: Exporter[] = [];
  const slots: Slot[] = [];
  const log = context.logger.child({ component: 'exporters' });
  const startOne = async (factory: ExporterFactory): Promise<void> => {
    try {
      const exporter = await factory.create();
      if (!exporter) return;
      await exporter.start(context);
      started.push(exporter);
      slots.push({ exporter });
      log.info(`exporter ${factory.name} started`);
    } catch (err) {
      log.error(`exporter ${factory.name} could not start and is skipped: ${errorMessage(err)}`);
      slots.push({ failure: startFailure(factory.name, err, context.clock.now()) });
    }
  };
  return {
    started,
    async start() {
      for (const factory of factories) await startOne(factory);
    },
    async stop() {
      for (const exporter of [...started].reverse()) {
        try {
          await exporter.stop();
        } catch (err) {
          log.warn(`exporter ${exporter.name} did not stop cleanly: ${errorMessage(err)}`);
        }
      }
      started.length = 0;
      slots.length = 0;
    },
    statuses: () => slots.map((slot) => ('exporter' in slot ? slot.exporter.status() : slot.failure)),
  };
}
