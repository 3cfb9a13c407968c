/**
 * One persistent MQTT connection: last will `offline` (retained) on `{prefix}/status`, `online` at every
 * connect, reconnection with exponential back-off (min → max, reset on success) after the broker goes
 * away. The transport only: what to publish is decided by the exporter (`onConnect`).
 */
import type { IClientOptions, MqttClient } from 'mqtt';
import { AppError, errorMessage } from '../../errors/app-error.js';
import type { Logger } from '../../log/logger.js';

export type MqttClientFactory = (url: string, options: IClientOptions) => MqttClient;

export interface MqttSessionOptions {
  url: string;
  clientOptions: IClientOptions;
  statusTopic: string;
  qos: 0 | 1 | 2;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  factory?: MqttClientFactory;
  logger: Logger;
  /** Called after each connect (`reconnect` false the first time). */
  onConnect(reconnect: boolean): void;
  onMessage(topic: string, payload: Buffer): void;
}

export class MqttPublishError extends AppError {}

/**
 * `mqtt`'s `connect`, loaded on first use. `mqtt` is CommonJS: imported dynamically from the bundle its
 * exports arrive under `default` (from the sources, as named exports), so both are looked at.
 */
async function loadConnect(): Promise<typeof import('mqtt').connect> {
  const mod = (await import('mqtt')) as typeof import('mqtt') & { default?: typeof import('mqtt') };
  const connect = mod.connect ?? mod.default?.connect;
  if (typeof connect !== 'function') throw new AppError('MQTT_LIBRARY', 'the mqtt library has no connect function');
  return connect;
}

export class MqttSession {
  private client: MqttClient | null = null;
  private delay: number;
  private timer: NodeJS.Timeout | null = null;
  private everConnected = false;
  private stopped = false;
  lastError: string | null = null;

  constructor(private readonly options: MqttSessionOptions) {
    this.delay = options.reconnectMinMs;
  }

  get connected(): boolean {
    return this.client?.connected === true;
  }

  /** Connects; the `mqtt` library is loaded here, so a run with MQTT off never loads it. */
  async start(): Promise<void> {
    const o = this.options;
    const factory = o.factory ?? (await loadConnect());
    if (this.stopped) return;
    const client = factory(o.url, {
      ...o.clientOptions,
      reconnectPeriod: 0, // reconnection is ours, with back-off
      queueQoSZero: false,
      will: { topic: o.statusTopic, payload: Buffer.from('offline'), qos: o.qos, retain: true },
    });
    this.client = client;
    client.on('connect', () => this.handleConnect());
    client.on('close', () => this.scheduleReconnect());
    client.on('error', (err) => {
      this.lastError = errorMessage(err);
      o.logger.warn({ error: this.lastError }, 'MQTT connection error');
    });
    client.on('message', (topic, payload) => o.onMessage(topic, payload));
  }

  private handleConnect(): void {
    const reconnect = this.everConnected;
    this.everConnected = true;
    this.delay = this.options.reconnectMinMs;
    this.lastError = null;
    this.options.logger.info({ url: this.options.url, reconnect }, 'MQTT connected');
    this.options.onConnect(reconnect);
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.timer) return;
    const wait = this.delay;
    this.delay = Math.min(this.options.reconnectMaxMs, this.delay * 2);
    this.options.logger.debug({ waitMs: wait }, 'MQTT disconnected, reconnecting later');
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.client?.reconnect();
    }, wait);
    this.timer.unref();
  }

  async publish(topic: string, body: string, retain: boolean): Promise<void> {
    const client = this.client;
    if (!client?.connected) {
      throw new MqttPublishError(
        'MQTT_NOT_CONNECTED',
        `Not connected to the MQTT broker ${this.options.url}: check that it runs and accepts this client.`,
      );
    }
    await client.publishAsync(topic, body, { qos: this.options.qos, retain });
  }

  async subscribe(topic: string): Promise<void> {
    await this.client?.subscribeAsync(topic, { qos: this.options.qos });
  }

  /** Says `offline` (retained) and disconnects cleanly; waits at most `timeoutMs`. */
  async stop(timeoutMs = 2_000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    if (!client) return;
    const graceful = async () => {
      if (client.connected) await this.publish(this.options.statusTopic, 'offline', true);
      await client.endAsync();
    };
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, timeoutMs, 'timeout').unref());
    const result = await Promise.race([graceful().catch(() => 'failed' as const), timeout]);
    if (result !== undefined) await client.endAsync(true).catch(() => undefined);
  }
}
