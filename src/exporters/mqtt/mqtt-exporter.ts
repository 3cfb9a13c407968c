/**
 * MQTT exporter with Home Assistant discovery. Publishes at start (on connect), after each sync, again
 * in full at every connect (first one included) and when Home Assistant announces `online` on
 * `{discovery_prefix}/status`; between those, unchanged configs are not re-sent. An MQTT outage never
 * blocks the sync: a run is bounded by `publishTimeoutMs`; the exporter kit (`../kit/`) queues the runs
 * and reports failures in `status()`.
 */
import type { IClientOptions } from 'mqtt';
import { AppError, errorMessage } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
import type { ExporterContext } from '../types.js';
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

export class MqttExporter extends KitExporter {
  private session: MqttSession | null = null;
  private forceNext = false;

  constructor(
    private readonly options: MqttExporterOptions,
    private readonly deps: MqttExporterDeps,
  ) {
    // No retry timer: the session reconnects with its own back-off and every connect publishes again.
    super({ name: 'mqtt' });
  }

  protected async connect(context: ExporterContext): Promise<void> {
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
      logger: this.logger ?? context.logger,
      onConnect: (reconnect) => void this.afterConnect(reconnect),
      onMessage: (topic, payload) => this.onMessage(topic, payload.toString()),
    });
    await this.session.start();
    this.subscribe('sync-finished', () => void this.run('sync-finished'));
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

  protected async exportOnce(run: ExportRun): Promise<object> {
    const { session } = this;
    const force = this.forceNext;
    this.forceNext = false;
    try {
      if (!session?.connected) {
        throw new AppError(
          'MQTT_NOT_CONNECTED',
          `Not connected to the MQTT broker${session?.lastError ? ` (${session.lastError})` : ''}: check that it runs and accepts this client; everything is published again on reconnection.`,
        );
      }
      const result = await withTimeout(
        publishRun({
          store: run.context.store,
          nowMs: run.startedAt,
          target: session,
          retain: this.options.retain,
          discovery: this.options.discovery ? this.discoveryContext() : null,
          topicPrefix: this.options.topicPrefix,
          forceDiscovery: force,
          prices: pricesOf(this.options),
        }),
        this.options.publishTimeoutMs,
      );
      this.logger?.debug({ reason: run.reason, ...result }, 'MQTT published');
      return result;
    } catch (err) {
      // The configs were not all sent again: the next run must still send them all.
      if (force) this.forceNext = true;
      throw err;
    }
  }

  /** Not retried on a timer: the next connect or sync publishes again. */
  protected onFailure(err: unknown, run: ExportRun): FailureVerdict {
    this.logger?.warn({ reason: run.reason, error: errorMessage(err) }, 'MQTT publishing failed');
    return 'no-retry';
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

  protected override async disconnect(): Promise<void> {
    await this.session?.stop();
    this.session = null;
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
