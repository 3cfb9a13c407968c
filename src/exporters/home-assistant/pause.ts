/**
 * The exporter's waits for Home Assistant's recorder (it acknowledges an import before writing it), which
 * end at once when the exporter stops: the run then fails with `HA_STOPPED` and moves no cursor, so the
 * next start compares those statistics with Home Assistant again.
 */
import { sleepUnlessStopped } from '../kit/stoppable-sleep.js';
import { HomeAssistantError } from './ha-client.js';
import type { SyncSettings } from './sync-statistic.js';

/** `settings.sleep(ms)`, cut short by the exporter's stop: then throws `HA_STOPPED`. */
export async function pause(settings: SyncSettings, ms: number): Promise<void> {
  if (await sleepUnlessStopped(settings.sleep, ms, settings.signal)) return;
  throw new HomeAssistantError(
    'HA_STOPPED',
    'stopped while Home Assistant was still writing the imported statistics: the next start checks them again',
  );
}
