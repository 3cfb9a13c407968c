/**
 * Home Assistant's energy collection as the frontend keeps it (page side, serialised by `page.evaluate`):
 * `getEnergyDataCollection` puts it on the connection under `_energy_<panel url>` (or `_<collection_key>`)
 * through `getCollection`, so a new subscriber gets the current data at once and every `refresh` sends
 * the new data (`start`, `end` at 23:59:59.999 of the last day, …) to all; the date picker card moves
 * it with `setPeriod(start, end)` then `refresh()`.
 */
interface Data {
  start: Date;
  end?: Date;
  prefs: { energy_sources: unknown[]; device_consumption: unknown[] };
  stats: Record<string, unknown>;
}

export function installEnergyCollection({ key, start, end }: { key: string; start: number; end: number }): void {
  const w = window as unknown as { hass: { connection: Record<string, unknown> } };
  const subscribers = new Set<(d: Data) => void>();
  let state: Data | undefined;
  const collection = {
    start: new Date(start),
    end: new Date(end) as Date | undefined,
    _active: 0,
    setPeriod(s: Date, e?: Date) {
      collection.start = s;
      collection.end = e;
    },
    async refresh() {
      state = {
        start: collection.start,
        end: collection.end,
        prefs: { energy_sources: [], device_consumption: [] },
        stats: {},
      };
      for (const cb of subscribers) cb(state);
    },
    subscribe(cb: (d: Data) => void) {
      subscribers.add(cb);
      collection._active++;
      if (state) cb(state);
      else void collection.refresh();
      return () => {
        subscribers.delete(cb);
        collection._active--;
      };
    },
  };
  w.hass.connection[key] = collection;
  // The frontend hands every card a new `hass` on each state change.
  w.hass = { ...w.hass };
  for (const el of document.querySelectorAll('myelectricaldata-energy-card'))
    (el as unknown as { hass: unknown }).hass = w.hass;
}

export function moveEnergyPeriod({ key, start, end }: { key: string; start: number; end: number }): void {
  const w = window as unknown as { hass: { connection: Record<string, unknown> } };
  const c = w.hass.connection[key] as { setPeriod(s: Date, e?: Date): void; refresh(): Promise<void> };
  c.setPeriod(new Date(start), new Date(end));
  void c.refresh();
}
