/**
 * The store of a program whose database file is damaged: every call fails with the same error, which
 * says what to do. The program still starts, so the health check answers 503 and the page, the status and
 * the log explain the problem, instead of a restart loop; the file itself is never touched.
 */
import type { Store } from './repository.js';
import type { StoreError } from './store-error.js';

export function unavailableStore(error: StoreError, engine: Store['engine'] = 'sqlite'): Store {
  return new Proxy({} as Store, {
    get(_target, prop) {
      if (prop === 'engine') return engine;
      if (prop === 'close') return async () => undefined;
      if (prop === 'then') return undefined;
      return async () => {
        throw error;
      };
    },
  });
}
