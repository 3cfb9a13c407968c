/**
 * MQTT exporter with Home Assistant discovery. Publishes at start (on connect), after each sync, again
 * in full at every connect (first one included) and when Home Assistant announces `online` on
 * `{discovery_prefix}/status`; between those, unchanged configs are not re-sent. An MQTT outage never blocks the sync: a run is bounded by
 * `publishTimeoutMs`, errors are caught and reported in `status()`.
 */
import type { IClientOptions } from 'mqtt';
import { AppError, errorMessage } from '../../errors/app-error.js';
import type { Logger } from '../../log/logger.js';
import { registerSecret } from '../../log/redact.js';
import type { SyncFinishedEvent } from '../../sync/events.js';
import type { Exporter, ExporterContext, ExporterStatus } from '../types.js';
import { stableClientId } from './client-id.js';
import { availabilityTopic, type DiscoveryContext } from './discovery/build-discovery-config.js';
import { type MqttClientFactory, MqttSession } from './mqtt-session.js';
import { type MqttExporterOptions, pricesOf } from './options.js';
import { publishRun } from './publish-run.js';
import { type BrokerSettings, fetchSupervisorBroker, type SupervisorBrokerOptions } from './supervisor-broker.js';
import { loadPem } from './tls-files.js';

export interface MqttExporterDeps {
  /** Program version (discovery `origin.sw`, device `sw_version`). */
  swVersion: string;
  mqttClientFactory?: MqttClientFactory;
  /** Add-on mode: where to ask for the broker when `brokerUrl` is not set. */
  supervisor?: SupervisorBrokerOptions;
}

export class MqttConfigError extends AppError {}

export class MqttExporter implements Exporter {
  readonly name = 'mqtt';
  private context: ExporterContext | null = null;
  private session: MqttSession | null = null;
  private logger: Logger | null = null;
  private queue: Promise<void> = Promise.resolve();
  private forceNext = false;
  private readonly state: ExporterStatus = {
    name: 'mqtt',
    state: 'idle',
    lastRunAt: null,
    lastSuccessAt: null,
    lastResult: null,
    lastError: null,
  };
  private readonly onSyncFinished = (_e: SyncFinishedEvent) => void this.run('sync-finished');

  constructor(
    private readonly options: MqttExporterOptions,
    private readonly deps: MqttExporterDeps,
  ) {}

  async start(context: ExporterContext): Promise<void> {
    this.context = context;
    this.logger = context.logger.child({ exporter: 'mqtt' });
    const broker = await this.resolveBroker();
    const clientOptions = await this.clientOptions(broker, context);
    const o = this.options;
    this.session = new MqttSession({
      url: broker.url,
      clientOptions,
      statusTopic: availabilityTopic(o.topicPrefix),
      qos: o.qos,
      reconnectMinMs: o.reconnectMinMs,
      reconnectMaxMs: o.reconnectMaxMs,
      factory: this.deps.mqttClientFactory,
      logger: this.logger,
      onConnect: (reconnect) => void this.afterConnect(reconnect),
      onMessage: (topic, payload) => this.onMessage(topic, payload.toString()),
    });
    this.session.start();
    context.events.on('sync-finished', this.onSyncFinished);
  }

  private async resolveBroker(): Promise<BrokerSettings> {
    const o = this.options;
    if (o.brokerUrl) return { url: o.brokerUrl, username: o.username, password: o.password };
    if (this.deps.supervisor) return fetchSupervisorBroker(this.deps.supervisor);
    throw new MqttConfigError(
      'MQTT_NO_BROKER',
      'The MQTT exporter is enabled but no broker is set: set mqtt broker_url (mqtt://host:1883), or run as a Home Assistant add-on with the Mosquitto add-on installed.',
    );
  }

  private async clientOptions(broker: BrokerSettings, context: ExporterContext): Promise<IClientOptions> {
    const o = this.options;
    registerSecret(broker.password);
    return {
      clientId: o.clientId ?? (await stableClientId(context.store)),
      username: broker.username,
      password: broker.password,
      protocolVersion: 5,
      clean: true,
      connectTimeout: o.connectTimeoutMs,
      ca: await loadPem(o.ca, 'CA certificate'),
      cert: await loadPem(o.cert, 'client certificate'),
      key: await loadPem(o.key, 'client key'),
      rejectUnauthorized: !o.insecure,
    };
  }

  private async afterConnect(reconnect: boolean): Promise<void> {
    const session = this.session;
    if (!session) return;
    try {
      await session.publish(availabilityTopic(this.options.topicPrefix), 'online', true);
      if (this.options.discovery) await session.subscribe(`${this.options.discoveryPrefix}/status`);
    } catch (err) {
      this.logger?.warn({ error: errorMessage(err) }, 'MQTT: could not announce online');
    }
    // The broker may have lost its retained configs while we were away (a restart without
    // persistence, a wiped broker, our own process down): stored hashes only say what WE sent. So
    // every connect, the first included, sends every config once again (retained, idempotent).
    this.forceNext = true;
    await this.run(reconnect ? 'reconnect' : 'connect');
  }

  private onMessage(topic: string, payload: string): void {
    if (topic === `${this.options.discoveryPrefix}/status` && payload === 'online') {
      this.forceNext = true;
      void this.run('home-assistant-online');
    }
  }

  /** Runs are queued one after the other; never throws. */
  run(reason: string): Promise<void> {
    this.queue = this.queue.then(() => this.runOnce(reason));
    return this.queue;
  }

  private async runOnce(reason: string): Promise<void> {
    const { context, session } = this;
    if (!context || !session) return;
    const startedAt = context.clock.now();
    this.state.state = 'running';
    this.state.lastRunAt = startedAt;
    const force = this.forceNext;
    this.forceNext = false;
    try {
      if (!session.connected) {
        throw new AppError(
          'MQTT_NOT_CONNECTED',
          `Not connected to the MQTT broker${session.lastError ? ` (${session.lastError})` : ''}: check that it runs and accepts this client; everything is published again on reconnection.`,
        );
      }
      const result = await withTimeout(
        publishRun({
          store: context.store,
          nowMs: startedAt,
          target: session,
          retain: this.options.retain,
          discovery: this.options.discovery ? this.discoveryContext() : null,
          topicPrefix: this.options.topicPrefix,
          forceDiscovery: force,
          prices: pricesOf(this.options),
        }),
        this.options.publishTimeoutMs,
      );
      Object.assign(this.state, { state: 'ok', lastSuccessAt: context.clock.now(), lastError: null });
      this.state.lastResult = { reason, ...result };
      this.logger?.debug({ reason, ...result }, 'MQTT published');
    } catch (err) {
      if (force) this.forceNext = true;
      Object.assign(this.state, { state: 'error', lastError: errorMessage(err), lastResult: { reason } });
      this.logger?.warn({ reason, error: errorMessage(err) }, 'MQTT publishing failed');
    }
  }

  private discoveryContext(): DiscoveryContext {
    const o = this.options;
    return {
      topicPrefix: o.topicPrefix,
      discoveryPrefix: o.discoveryPrefix,
      swVersion: this.deps.swVersion,
      ...(o.configurationUrl ? { configurationUrl: o.configurationUrl } : {}),
    };
  }

  status(): ExporterStatus {
    return { ...this.state, lastResult: this.state.lastResult ? { ...this.state.lastResult } : null };
  }

  async stop(): Promise<void> {
    this.context?.events.off('sync-finished', this.onSyncFinished);
    await this.queue;
    await this.session?.stop();
    this.session = null;
    this.state.state = 'stopped';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            'MQTT_PUBLISH_TIMEOUT',
            `Publishing to MQTT took longer than ${ms} ms: check the broker's load and network; the next run publishes everything again.`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
