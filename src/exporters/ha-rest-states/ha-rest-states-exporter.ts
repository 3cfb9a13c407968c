/**
 * REST fallback for users without an MQTT broker: the same sensors posted to Home Assistant's REST API,
 * at start and after each sync. Home Assistant forgets such states when it restarts, so a periodic probe
 * reads one of ours back and posts everything again on 404. Built on the exporter kit (`../kit/`).
 */
import { errorMessage } from '../../errors/app-error.js';
import { readEntities } from '../../sensors/entities.js';
import { readSnapshot } from '../../sensors/snapshot/read-snapshot.js';
import { integrationActive } from '../kit/integration-presence.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
import { restState } from './build-rest-states.js';
import { HaRestClient } from './ha-rest-client.js';
import { DEFAULT_PROBE_INTERVAL_MS, type HaRestStatesOptions, restApiUrl } from './options.js';

export class HaRestStatesExporter extends KitExporter {
  private readonly client: HaRestClient;
  private timer: NodeJS.Timeout | null = null;
  private probeEntity: string | null = null;

  constructor(private readonly options: HaRestStatesOptions) {
    // No retry timer: the next sync posts again, and the probe notices a restarted Home Assistant.
    super({ name: 'ha-rest-states' });
    this.client = new HaRestClient({ apiUrl: restApiUrl(options), token: options.haToken, fetch: options.fetch });
  }

  protected async connect(): Promise<void> {
    const o = this.options;
    this.subscribe('sync-finished', () => void this.run('sync-finished'));
    this.timer = setInterval(() => void this.probe(), o.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS);
    this.timer.unref();
    await this.run('start');
  }

  /** Reads one of our states back; on 404 (Home Assistant restarted) posts everything again. */
  async probe(): Promise<boolean> {
    if (!this.probeEntity) return false;
    try {
      if (await this.client.hasState(this.probeEntity)) return false;
      this.logger?.info('Home Assistant lost our states (restart): posting them again');
      await this.run('home-assistant-restarted');
      return true;
    } catch (err) {
      this.noteError(err);
      return false;
    }
  }

  protected async exportOnce(run: ExportRun): Promise<Record<string, unknown>> {
    if (await integrationActive(run.context.store, run.startedAt)) {
      // The Home Assistant integration shows these entities (with unique ids): no duplicates.
      this.probeEntity = null;
      return { states: 0, skipped: 'home-assistant-integration' };
    }
    const readings = readEntities(await readSnapshot(run.context.store, run.startedAt, this.options.prices));
    const states = readings.map(restState);
    for (const s of states) await this.client.postState(s.entityId, s.body);
    const probe = readings.find((r) => r.entity.key === 'last_sync') ?? readings[0];
    this.probeEntity = probe?.entity.entityId ?? null;
    return { states: states.length };
  }

  protected onFailure(err: unknown, run: ExportRun): FailureVerdict {
    this.logger?.warn({ reason: run.reason, error: errorMessage(err) }, 'Home Assistant REST states failed');
    return 'no-retry';
  }

  protected override async disconnect(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
