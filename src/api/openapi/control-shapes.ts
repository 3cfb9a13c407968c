/** The valibot shapes of the control routes' answers (re-fetch, forget, exporter run). */
import * as v from 'valibot';
import { PDL_DAY_STREAMS } from '../refetch-request.js';
import { Day } from './shapes.js';

const Int = v.pipe(v.number(), v.integer());
const PdlId = v.pipe(v.string(), v.regex(/^\d{14}$/));
const Stream = v.picklist(PDL_DAY_STREAMS);

const PlannedCall = v.strictObject({
  stream: v.string(),
  /** Null for a snapshot (contract, address). */
  start: v.nullable(Day),
  end: v.nullable(Day),
  calls: Int,
  /** True when the call asks again days of the re-fetched range. */
  refetch: v.boolean(),
});

export const RefetchAnswer = v.strictObject({
  status: v.picklist(['dry-run', 'started']),
  pdl: PdlId,
  start: Day,
  end: Day,
  /** Each stream with the days of the range the gateway serves for it today. */
  streams: v.array(v.strictObject({ stream: Stream, start: Day, end: Day })),
  /** Every call the sync of this PDL plans (its missing days and daily refreshes included). */
  tasks: v.array(PlannedCall),
  calls: Int,
  /** Quota units at most (a load-curve call costs nothing when the gateway's cache holds the days). */
  quotaUnits: v.strictObject({ cached: Int, noCache: Int }),
  /** Units left today in the cached bucket as last read, null when unknown. */
  quotaLeft: v.nullable(Int),
});

export const ForgetAnswer = v.strictObject({
  status: v.literal('forgotten'),
  pdl: PdlId,
  /** Rows deleted per table. */
  deleted: v.record(v.string(), Int),
  /** True while the `pdls` setting (or its absence) still syncs this PDL: it comes back at the next sync. */
  comesBack: v.boolean(),
  message: v.string(),
});

export const ExporterRunStarted = v.strictObject({ status: v.literal('started'), exporter: v.string() });
