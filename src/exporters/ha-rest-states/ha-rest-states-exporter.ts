/**
 * REST fallback for users without an MQTT broker: the same sensors posted to Home Assistant's REST API,
 * at start and after each sync. Home Assistant forgets such states when it restarts, so a periodic probe
 * reads one of ours back and posts everything again on 404.
 */
import { errorMessage } from '../../errors/app-error.js';
import type { Logger } from '../../log/logger.js';
import { readSnapshot } from '../../sensors/snapshot/read-snapshot.js';
import type { Exporter, ExporterContext, ExporterStatus } from '../types.js';
import { buildRestStates } from './build-rest-states.js';
import { HaRestClient } from './ha-rest-client.js';

export type HaRestStatesOptions =
  | { mode: 'addon'; supervisorToken: string; probeIntervalMs?: number; fetch?: typeof fetch }
  | { mode: 'standalone'; haUrl: string; haToken: string; probeIntervalMs?: number; fetch?: typeof fetch };

export const ADDON_CORE_API = 'http://supervisor/core/api';

export class HaRestStatesExporter implements Exporter {
  readonly name = 'ha-rest-states';
  private context: ExporterContext | null = null;
  private client: HaRestClient | null = null;
  private logger: Logger | null = null;
  private timer: NodeJS.Timeout | null = null;
  private probeEntity: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly state: ExporterStatus = {
    name: 'ha-rest-states',
    state: 'idle',
    lastRunAt: null,
    lastSuccessAt: null,
    lastResult: null,
    lastError: null,
  };
  private readonly onSync = () => void this.run('sync-finished');

  constructor(private readonly options: HaRestStatesOptions) {}

  async start(context: ExporterContext): Promise<void> {
    const o = this.options;
    this.context = context;
    this.logger = context.logger.child({ exporter: this.name });
    this.client =
      o.mode === 'addon'
        ? new HaRestClient({ apiUrl: ADDON_CORE_API, token: o.supervisorToken, fetch: o.fetch })
        : new HaRestClient({ apiUrl: `${o.haUrl.replace(/\/$/, '')}/api`, token: o.haToken, fetch: o.fetch });
    context.events.on('sync-finished', this.onSync);
    this.timer = setInterval(() => void this.probe(), o.probeIntervalMs ?? 60_000);
    this.timer.unref();
    await this.run('start');
  }

  /** Reads one of our states back; on 404 (Home Assistant restarted) posts everything again. */
  async probe(): Promise<boolean> {
    if (!this.client || !this.probeEntity) return false;
    try {
      if (await this.client.hasState(this.probeEntity)) return false;
      this.logger?.info('Home Assistant lost our states (restart): posting them again');
      await this.run('home-assistant-restarted');
      return true;
    } catch (err) {
      this.state.lastError = errorMessage(err);
      return false;
    }
  }

  run(reason: string): Promise<void> {
    this.queue = this.queue.then(() => this.runOnce(reason));
    return this.queue;
  }

  private async runOnce(reason: string): Promise<void> {
    const { context, client } = this;
    if (!context || !client) return;
    this.state.state = 'running';
    this.state.lastRunAt = context.clock.now();
    try {
      const states = buildRestStates(await readSnapshot(context.store, context.clock.now()));
      for (const s of states) await client.postState(s.entityId, s.body);
      this.probeEntity = states.find((s) => s.entityId.includes('last_sync'))?.entityId ?? states[0]?.entityId ?? null;
      Object.assign(this.state, {
        state: 'ok',
        lastSuccessAt: context.clock.now(),
        lastError: null,
        lastResult: { reason, states: states.length },
      });
    } catch (err) {
      Object.assign(this.state, { state: 'error', lastError: errorMessage(err), lastResult: { reason } });
      this.logger?.warn({ reason, error: errorMessage(err) }, 'Home Assistant REST states failed');
    }
  }

  status(): ExporterStatus {
    return { ...this.state };
  }

  async stop(): Promise<void> {
    this.context?.events.off('sync-finished', this.onSync);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue;
    this.state.state = 'stopped';
  }
}
