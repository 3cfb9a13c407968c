/**
 * Starts the enabled exporters, each in its own try/catch (one broken exporter is logged and skipped),
 * and stops them in reverse order. Each exporter subscribes to the sync events it needs in its own
 * `start` (the manager does not run them again). The list of exporter factories is injected, so only
 * enabled exporters are ever constructed.
 */
import { errorMessage } from '../errors/app-error.js';
import type { Exporter, ExporterContext, ExporterStatus } from './types.js';

export interface ExporterFactory {
  name: string;
  /** Returns the exporter when enabled by the config, else null (nothing is constructed). */
  create(): Exporter | null | Promise<Exporter | null>;
}

export interface ExporterManager {
  start(): Promise<void>;
  stop(): Promise<void>;
  statuses(): ExporterStatus[];
  readonly started: readonly Exporter[];
}

export function createExporterManager(
  factories: readonly ExporterFactory[],
  context: ExporterContext,
): ExporterManager {
  const started: Exporter[] = [];
  const log = context.logger.child({ component: 'exporters' });
  return {
    started,
    async start() {
      for (const factory of factories) {
        try {
          const exporter = await factory.create();
          if (!exporter) continue;
          await exporter.start(context);
          started.push(exporter);
          log.info(`exporter ${factory.name} started`);
        } catch (err) {
          log.error(`exporter ${factory.name} could not start and is skipped: ${errorMessage(err)}`);
        }
      }
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
    },
    statuses: () => started.map((e) => e.status()),
  };
}
