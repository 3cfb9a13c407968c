/** What every route of the API needs; built once by `createApiServer`. */
import type { Clock } from '../domain/clock.js';
import type { Prices } from '../domain/tariff.js';
import type { Exporter } from '../exporters/types.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/repository.js';
import type { StatusProvider, SyncControl, SyncTrigger } from '../sync/status.js';

export interface ApiContext {
  store: Store;
  status: StatusProvider;
  syncTrigger: SyncTrigger;
  logger: Logger;
  clock: Clock;
  version: string;
  /** Configured prices, for the cost routes (none: no cost). */
  prices?: Prices;
  /** Previews and exclusive tasks of the sync (the engine); absent: the routes needing it answer 503. */
  syncControl?: SyncControl;
  /** The exporters that started, for `POST /api/exporters/{name}/run` (absent: none). */
  exporters?: { readonly started: readonly Exporter[] };
  /** The configuration in force, already redacted (`redactConfig`), for `GET /api/config`. */
  config?: Readonly<Record<string, unknown>>;
}
