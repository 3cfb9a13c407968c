/**
 * The exporter manager lists only the exporters that started; one that was enabled but could not be
 * built or started (a missing token, no broker) must still show in the status, as an error saying why.
 * The factories are wrapped so that such failures are remembered, then rethrown to the manager.
 */
import type { Clock } from '../domain/clock.js';
import { errorMessage } from '../errors/app-error.js';
import type { ExporterFactory } from '../exporters/manager.js';
import type { Exporter, ExporterStatus } from '../exporters/types.js';

export interface TrackedFactories {
  factories: ExporterFactory[];
  /** One `error` status per exporter that could not start, in factory order. */
  failures(): ExporterStatus[];
}

export function trackStartFailures(factories: readonly ExporterFactory[], clock: Clock): TrackedFactories {
  const failed = new Map<string, ExporterStatus>();
  const fail = (name: string, err: unknown): never => {
    const at = clock.now();
    const lastError = `could not start: ${errorMessage(err)}`;
    failed.set(name, { name, state: 'error', lastRunAt: at, lastSuccessAt: null, lastResult: null, lastError });
    throw err;
  };
  const guarded = (name: string, exporter: Exporter): Exporter => ({
    name: exporter.name,
    start: (context) => exporter.start(context).catch((err: unknown) => fail(name, err)),
    stop: () => exporter.stop(),
    run: (reason) => exporter.run(reason),
    status: () => exporter.status(),
  });
  return {
    factories: factories.map((f) => ({
      name: f.name,
      create: async () => {
        let exporter: Exporter | null;
        try {
          exporter = await f.create();
        } catch (err) {
          return fail(f.name, err);
        }
        failed.delete(f.name);
        return exporter ? guarded(f.name, exporter) : null;
      },
    })),
    failures: () => factories.flatMap((f) => failed.get(f.name) ?? []),
  };
}
