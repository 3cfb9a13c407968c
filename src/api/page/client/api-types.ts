/**
 * What the page reads of `api/status` and `api/pdls`. The server's JSON must fit these shapes: the main
 * type check asserts it (tests/api/page-contract.test.ts), so a renamed field fails `npm run typecheck`.
 */
export interface StreamView {
  stream: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  dataRange: { start: string; end: string } | null;
  missingDays: number;
  givenUpDays: number;
}

export interface PdlStatusView {
  pdl: string;
  name: string | null;
  isActive: boolean;
  hasConsumption: boolean;
  hasProduction: boolean;
  selected: boolean;
  streams: StreamView[];
}

export interface ExporterView {
  name: string;
  state: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastResult: Record<string, unknown> | null;
  lastError: string | null;
}

export interface ProgressView {
  done: number;
  total: number;
  percent: number;
  etaMs: number | null;
  pdl: string | null;
  stream: string | null;
  message: string;
}

/** One run of `api/status`'s `history` (newest first). */
export interface RunView {
  startedAt: string;
  finishedAt: string;
  scope: string;
  outcome: 'ok' | 'failed' | 'quota-exhausted';
  calls: number;
  error: { code: string; message: string } | null;
}

/** `GET api/status`. */
export interface StatusView {
  version: string;
  now: string;
  running: boolean;
  progress: ProgressView | null;
  lastRun: { finishedAt: string | null; ok: boolean | null; calls: number };
  lastError: { message: string; at: string } | null;
  warnings?: string[];
  quota: {
    cachedUsed: number | null;
    cachedLimit: number | null;
    noCacheUsed: number | null;
    noCacheLimit: number | null;
    pausedUntil: string | null;
  };
  schedule: { nextDailySync: string | null; nextTempo: string | null; nextEcoWatt: string | null };
  global: StreamView[];
  pdls: PdlStatusView[];
  exporters: ExporterView[];
  history: RunView[];
}

/** One entry of `GET api/pdls`. */
export interface PdlView {
  pdl: string;
  name: string | null;
  hasConsumption: boolean;
  hasProduction: boolean;
  subscribedPowerKva: number | null;
  pricingOption: string | null;
  offpeakHours: { start: string; end: string }[];
  address: { city: string | null; postalCode: string | null } | null;
  contractStatus: string | null;
}

export type Direction = 'consumption' | 'production';
export type AggregatePeriod = 'day' | 'week' | 'month' | 'year';

export interface QualityView {
  daily: number;
  curve: number;
  missing: number;
}

/** `GET api/pdls/{pdl}/{direction}/aggregate`. */
export interface AggregateView {
  period: AggregatePeriod;
  start: string;
  end: string;
  wh: number;
  quality: QualityView;
  buckets: { start: string; end: string; wh: number; quality: QualityView }[];
}

export type PeriodSplit = Record<string, { wh: number; eur: number }>;

/** `GET api/pdls/{pdl}/{direction}/cost` (404 `no_price` when no tariff applies). */
export interface CostView {
  tariff_kind: string;
  total_eur: number;
  periods: PeriodSplit;
  days: { date: string; eur: number; periods: PeriodSplit }[];
}

/** One row of `GET api/pdls/{pdl}/max-power`. */
export interface MaxPowerView {
  date: string;
  va: number;
  at: string;
}

/** One row of `GET api/tempo`. */
export interface TempoView {
  date: string;
  color: 'BLUE' | 'WHITE' | 'RED';
}

/** One reading of `GET api/pdls/{pdl}/{direction}/curve`. */
export interface CurveView {
  start: string;
  minutes: number;
  w: number;
  wh: number;
}
