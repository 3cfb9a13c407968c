/**
 * Copies every table of one store into another (any engine to any engine), page by page, overwriting
 * rows with the same key in the target. Used by `med-local store copy --to <url>`.
 */
import type { Store } from './repository.js';
import { SqlStore } from './sql-store.js';
import { StoreError } from './store-error.js';
import { TABLE_CATALOG } from './table-catalog.js';

export interface CopyProgress {
  table: string;
  /** Rows of this table copied so far. */
  copied: number;
  /** Rows of every table copied so far. */
  total: number;
}

const PAGE = 5000;

export async function copyStore(
  from: Store,
  to: Store,
  onProgress: (progress: CopyProgress) => void = () => {},
): Promise<{ rows: number }> {
  if (!(from instanceof SqlStore) || !(to instanceof SqlStore)) {
    throw new StoreError('STORE_QUERY', 'copyStore needs two stores opened with openStore: pass those.');
  }
  let total = 0;
  for (const table of TABLE_CATALOG) {
    let copied = 0;
    for (;;) {
      const rows = await from.readTableRows(table, copied, PAGE);
      if (rows.length === 0) break;
      await to.writeTableRows(table, rows);
      copied += rows.length;
      total += rows.length;
      onProgress({ table: table.name, copied, total });
      if (rows.length < PAGE) break;
    }
  }
  return { rows: total };
}
