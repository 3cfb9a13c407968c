/**
 * The exporters of an app. With factories (daemon, `sync --once`): starts the enabled ones, reports
 * their live state (the manager keeps the ones that could not start as errors), records it in the
 * store for `med-local status`.
 * Without factories (`status` command): runs none and reports what was last recorded.
 */
import type { ExporterFactory, ExporterManager } from '../exporters/manager.js';
import { createExporterManager } from '../exporters/manager.js';
import type { ExporterContext, ExporterStatus } from '../exporters/types.js';
import { readExporterStatuses, recordExporterStatuses } from './exporter-status-record.js';
import type { Shutdown } from './shutdown.js';

export interface AppExporters {
  manager: ExporterManager;
  statuses(): ExporterStatus[] | Promise<ExporterStatus[]>;
}

export async function startExporters(
  factories: readonly ExporterFactory[] | undefined,
  context: ExporterContext,
  shutdown: Shutdown,
): Promise<AppExporters> {
  if (factories === undefined) {
    return { manager: createExporterManager([], context), statuses: () => readExporterStatuses(context.store) };
  }
  const manager = createExporterManager(factories, context);
  await manager.start();
  shutdown.register('exporters', () => manager.stop());
  const statuses = () => manager.statuses();
  const recorder = recordExporterStatuses({ store: context.store, statuses, logger: context.logger });
  // Registered after the exporters: it stops (with a last record) before they do.
  shutdown.register('exporter status record', () => recorder.stop());
  return { manager, statuses };
}
