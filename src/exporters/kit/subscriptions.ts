/**
 * The sync-event listeners an exporter registered, so that `stop` drops every one of them (a stopped
 * exporter must not be woken by the next sync, nor keep a reference from the event bus).
 */
import type { SyncEventMap, SyncEvents } from '../../sync/events.js';

export type SyncEventName = keyof SyncEventMap;
/** Written as Node's `EventEmitter<SyncEventMap>` spells its listener type, so `on`/`off` accept it as is. */
export type SyncListener<K extends SyncEventName> = K extends keyof SyncEventMap
  ? SyncEventMap[K] extends unknown[]
    ? (...args: SyncEventMap[K]) => void
    : never
  : never;

export class Subscriptions {
  private readonly offs: (() => void)[] = [];

  add<K extends SyncEventName>(events: SyncEvents, event: K, listener: SyncListener<K>): void {
    events.on(event, listener);
    this.offs.push(() => events.off(event, listener));
  }

  dropAll(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
