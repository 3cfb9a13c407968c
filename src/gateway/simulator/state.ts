/** The simulator's shared state and the context every route handler receives. */
import type { Clock } from '../../domain/clock.js';
import type { LocalDate } from '../../domain/types.js';
import type { SimUser, TokenAuthority } from './auth.js';
import type { SimulatedDataset } from './dataset.js';
import type { FaultInjector } from './faults.js';
import type { GatewayCache } from './gateway-cache.js';
import type { Reply } from './http-kit.js';
import type { QuotaBook } from './quota.js';
import type { TempoCalendar } from './tempo-calendar.js';
import type { Quirks } from './types.js';
import type { UpstreamContext } from './upstream.js';

export interface SimState {
  clock: Clock;
  seed: number;
  dataset: SimulatedDataset;
  quota: QuotaBook;
  cache: GatewayCache;
  quirks: Quirks;
  faults: FaultInjector;
  auth: TokenAuthority;
  user: SimUser;
  tempo: TempoCalendar;
}

export interface RouteContext {
  sim: SimState;
  /** Path parameters captured by the route pattern. */
  params: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  now: number;
  /** Paris today at `now`. */
  today: LocalDate;
  /** Path relative to the base URL (`/enedis/...`), used to match faults. */
  path: string;
  upstream: UpstreamContext;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handler: Handler;
}
