/**
 * Dirty marks, kept in the store's cursor table so a restart between a sync and an export loses
 * nothing: per key, what changed since an exporter last served it (the earliest changed instant, or
 * a list of changed ranges). Every write also bumps a counter stored with the value, so a run clears
 * only the marks exactly as it read them before loading the store: a change recorded while the run
 * was reading or pushing survives until the next run, even one that leaves the value as it was (a
 * later day than the earliest one, a range already covered).
 */
import type { Store } from '../../store/repository.js';

interface Stored<T> {
  value: T;
  n: number;
}

function parse<T>(text: string | null, valid: (v: unknown) => v is T): Stored<T> | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  // Earlier versions stored the bare value (an instant, a JSON list of ranges): counter 0.
  const wrapped = typeof data === 'object' && data !== null && 'value' in data && 'n' in data;
  const value = wrapped ? (data as Stored<unknown>).value : data;
  const n = wrapped ? Number((data as Stored<unknown>).n) || 0 : 0;
  return valid(value) ? { value, n } : null;
}

export interface MarkCodec<T> {
  /** The owner in the cursor table (the exporter's name). */
  owner: string;
  valid: (v: unknown) => v is T;
  /** The mark after adding a change to what was stored (null: nothing stored). */
  merge: (old: T | null, added: T) => T;
}

/** Records a change: merges it into the stored mark and bumps the counter. */
export async function addMark<T>(store: Store, codec: MarkCodec<T>, key: string, added: T): Promise<void> {
  const old = parse(await store.getCursor(codec.owner, key), codec.valid);
  const stored: Stored<T> = { value: codec.merge(old?.value ?? null, added), n: (old?.n ?? 0) + 1 };
  await store.setCursor(codec.owner, key, JSON.stringify(stored));
}

/** The marks one run read (before loading the store), to drop once the run served them. */
export class ServedMarks<T> {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly codec: MarkCodec<T>,
  ) {}

  /** The mark of `key`; read again later in the run, the first text read is the one cleared. */
  async read(key: string): Promise<T | null> {
    const text = await this.store.getCursor(this.codec.owner, key);
    if (text !== null && !this.seen.has(key)) this.seen.set(key, text);
    return parse(text, this.codec.valid)?.value ?? null;
  }

  /** Drops the marks this run read; one written again since (a sync meanwhile) stays for the next run. */
  async clear(): Promise<void> {
    for (const [key, text] of this.seen) {
      if ((await this.store.getCursor(this.codec.owner, key)) === text)
        await this.store.deleteCursor(this.codec.owner, key);
    }
    this.seen.clear();
  }
}

/** The codec of an earliest-changed-instant mark. */
export function instantCodec(owner: string): MarkCodec<number> {
  return {
    owner,
    valid: (v): v is number => typeof v === 'number' && Number.isFinite(v),
    merge: (old, added) => (old === null ? added : Math.min(old, added)),
  };
}
