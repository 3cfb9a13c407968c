/**
 * Runs a request plan: one call after the other, each chunk normalised and handed to `onChunk`
 * (awaited, so the caller can store it in a transaction) before the next call. `NO_DATA` is not an
 * error here: that window simply has no data. A window refused with `ADAM-ERR0123` (before the meter's
 * activation) does not stop the other windows; the `GatewayNotActivatedError` is thrown at the end,
 * naming the refused days. Any other failure stops the run; the chunks already delivered stay
 * delivered, and the error carries the number of calls made. With `collect: false` nothing is kept
 * once `onChunk` has had it.
 */
import type * as v from 'valibot';
import type { DateRange } from '../domain/types.js';
import { type CallContext, callGateway } from './call-gateway.js';
import { GatewayError, GatewayNoDataError, GatewayNotActivatedError, normalisePayload } from './errors.js';
import { ENDPOINT_RULES, type PlannedCall } from './plan-requests.js';
import type { FetchOptions, FetchResult } from './types.js';

export interface RangeSpec<Raw, Item> {
  schema: v.GenericSchema<unknown, Raw>;
  /** Raw payload → domain items of the call's days only. */
  normalise(raw: Raw, range: DateRange): Item[];
  timeoutMs: number;
  sortKey(item: Item): number | string;
}

export async function fetchPlannedRange<Raw, Item>(
  ctx: CallContext,
  calls: readonly PlannedCall[],
  spec: RangeSpec<Raw, Item>,
  options: FetchOptions<Item[]> = {},
): Promise<FetchResult<Item[]>> {
  const counter = { calls: 0 };
  const all: Item[] = [];
  let partial = false;
  let refused: GatewayNotActivatedError | null = null;
  for (const call of calls) {
    const chunk = await fetchOne(ctx, call, spec, counter, options.signal).catch((err: unknown) => {
      if (!(err instanceof GatewayNotActivatedError)) throw err;
      refused = mergeRefused(refused, err, call.range);
      return null;
    });
    if (!chunk) continue;
    partial ||= chunk.partial;
    if (options.collect !== false) for (const item of chunk.data) all.push(item);
    await options.onChunk?.(chunk);
  }
  if (refused) {
    (refused as GatewayNotActivatedError).calls = counter.calls;
    throw refused;
  }
  const key = spec.sortKey;
  all.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return { data: all, partial, calls: counter.calls };
}

/** One error for every refused window; its `range` spans them all. */
function mergeRefused(
  previous: GatewayNotActivatedError | null,
  err: GatewayNotActivatedError,
  range: DateRange,
): GatewayNotActivatedError {
  const kept = previous ?? err;
  const start = kept.range && kept.range.start < range.start ? kept.range.start : range.start;
  const end = kept.range && kept.range.end > range.end ? kept.range.end : range.end;
  kept.range = { start, end };
  return kept;
}

async function fetchOne<Raw, Item>(
  ctx: CallContext,
  call: PlannedCall,
  spec: RangeSpec<Raw, Item>,
  counter: { calls: number },
  signal: AbortSignal | undefined,
): Promise<{ range: DateRange; data: Item[]; partial: boolean }> {
  try {
    const endpoint = `GET ${ENDPOINT_RULES[call.endpoint].path}`;
    const res = await callGateway(ctx, {
      endpoint,
      path: call.path,
      query: call.query,
      schema: spec.schema,
      enveloped: true,
      bucket: 'cached',
      timeoutMs: spec.timeoutMs,
      counter,
      ...(signal ? { signal } : {}),
    });
    const data = normalisePayload(endpoint, () => spec.normalise(res.data, call.range));
    return { range: call.range, data, partial: res.partial };
  } catch (err) {
    if (err instanceof GatewayNoDataError) return { range: call.range, data: [], partial: false };
    if (err instanceof GatewayError) err.calls = counter.calls;
    throw err;
  }
}
