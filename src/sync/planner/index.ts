export { isDue, nextAttempt } from './backoff.js';
export { callsFor, contiguousRuns, groupRanges } from './group-ranges.js';
export { horizonEnd, horizonStart, maxSpanDays, STREAM_ENDPOINT, streamHorizon } from './horizons.js';
export { missingDays, trailingWindowStart } from './missing-days.js';
export { dayStreamsOf, needsDailyRefresh, planDayStream, planPdl, snapshotTask } from './plan-pdl.js';
export type { DayStream, DayStreamHolding, PdlPlanInput, PlannerOptions, SyncTask } from './types.js';
export { DEFAULT_PLANNER_OPTIONS } from './types.js';
