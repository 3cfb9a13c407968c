/** What a run says in the log: its task names, the cost of a run, a selected PDL the account lacks. */
import type { UsageStats } from '../domain/types.js';
import { GLOBAL_PDL } from '../store/repository.js';
import type { SyncTask } from './planner/index.js';

export function pdlGoneWarning(pdl: string): string {
  return `sync of PDL ${pdl} asked, but the gateway no longer lists it for this account (or pdls excludes it): nothing was fetched`;
}

export function unknownPdlWarning(pdl: string): string {
  return `PDLS lists ${pdl}, which this MyElectricalData account does not have: it is ignored; check the number on your account page (or remove it from pdls)`;
}

/** What a run cost: HTTP requests sent (retries included) and quota units the gateway counted. */
export interface Spending {
  requests: number | null;
  quotaUnits: number | null;
}

export function spending(
  requestsBefore: number | null,
  requestsAfter: number | null,
  before: UsageStats | null,
  after: UsageStats | null,
): Spending {
  const used = (s: UsageStats) => s.cachedRequests + s.noCacheRequests;
  const sameDay = before !== null && after !== null && before.date === after.date;
  return {
    requests: requestsBefore === null || requestsAfter === null ? null : requestsAfter - requestsBefore,
    quotaUnits: sameDay ? used(after) - used(before) : null,
  };
}

export function spendingText(calls: number, spent: Spending): string {
  const parts = [`${calls} gateway calls`];
  if (spent.requests !== null) parts.push(`${spent.requests} HTTP requests`);
  if (spent.quotaUnits !== null) parts.push(`${spent.quotaUnits} quota units used`);
  return parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join(', ')})`;
}

export function describe(task: SyncTask): string {
  const where = task.range ? ` ${task.range.start}..${task.range.end}` : '';
  const who = task.pdl === GLOBAL_PDL ? '' : ` ${task.pdl}`;
  return `${task.stream}${who}${where}`;
}
