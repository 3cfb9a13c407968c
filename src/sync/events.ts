/**
 * Typed events emitted by the sync engine. Exporters subscribe to them and never know each other.
 */
import { EventEmitter } from 'node:events';
import type { DateRange } from '../domain/types.js';
import type { StreamName } from '../store/repository.js';

export interface DataChangedEvent {
  pdl: string;
  stream: StreamName;
  /** Local days whose stored data changed (end exclusive). */
  range: DateRange;
}

export interface SyncFinishedEvent {
  startedAt: number;
  finishedAt: number;
  calls: number;
  /** HTTP requests sent to the gateway by this run (retries included); null when the client does not count them. */
  requests?: number | null;
  /** Streams that changed during this run. */
  changed: DataChangedEvent[];
}

export interface SyncFailedEvent {
  startedAt: number;
  failedAt: number;
  error: string;
  code: string;
}

export interface SyncProgressEvent {
  pdl: string | null;
  stream: StreamName | null;
  done: number;
  total: number;
  /** Estimated ms left, or null before there is enough to estimate. */
  etaMs: number | null;
  message: string;
}

/** An exporter run that succeeded (emitted by the exporter kit). */
export interface ExportFinishedEvent {
  exporter: string;
  reason: string;
  finishedAt: number;
  /** Rows, samples or messages the run wrote; null when the exporter does not count them. */
  rows: number | null;
}

export interface SyncEventMap {
  'data-changed': [DataChangedEvent];
  'sync-started': [{ startedAt: number }];
  'sync-finished': [SyncFinishedEvent];
  'sync-failed': [SyncFailedEvent];
  'sync-progress': [SyncProgressEvent];
  'export-finished': [ExportFinishedEvent];
}

export class SyncEvents extends EventEmitter<SyncEventMap> {}
