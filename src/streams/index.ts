export { spanOf } from './account-streams.js';
export { isCurveDayComplete } from './energy-streams.js';
export type {
  ApiRoute,
  DayHorizon,
  DayStreamSpec,
  Derivation,
  GatewayHorizon,
  SnapshotStreamSpec,
  StreamKind,
  StreamName,
  StreamOwner,
} from './spec.js';
export { ownedBy } from './spec.js';
export type {
  AnyDayStreamSpec,
  AnySnapshotStreamSpec,
  AnyStreamSpec,
  DayRow,
  DayStreamName,
  GatewayDayStreamName,
  RowOf,
  SnapshotStreamName,
} from './table.js';
export {
  accountStreams,
  dayStreamSpec,
  gatewayEndpoints,
  isDayStream,
  STREAM_LIST,
  STREAMS,
  storeKey,
  streamSpec,
  streamsOf,
} from './table.js';
