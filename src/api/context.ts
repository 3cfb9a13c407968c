/** What every route of the API needs; built once by `createApiServer`. */
import type { Clock } from '../domain/clock.js';
import type { Prices } from '../domain/tariff.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/repository.js';
import type { StatusProvider, SyncTrigger } from '../sync/status.js';

export interface ApiContext {
  store: Store;
  status: StatusProvider;
  syncTrigger: SyncTrigger;
  logger: Logger;
  clock: Clock;
  version: string;
  /** Configured prices, for the cost routes (none: no cost). */
  prices?: Prices;
}
