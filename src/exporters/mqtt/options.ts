/**
 * The MQTT exporter's options: one valibot schema gives the type, the defaults and the checks. The
 * options are injected (the config loader reads the environment or the add-on options, not this code).
 */
import * as v from 'valibot';
import type { Prices } from '../../domain/tariff.js';
import { pricesSchema } from '../kit/prices-schema.js';

const TOPIC_PART = /^[^#+\s/][^#+\s]*[^#+\s/]$|^[^#+\s/]$/;

export const mqttExporterOptionsSchema = v.object({
  /** `mqtt://host:1883` or `mqtts://host:8883`. In add-on mode, absent means "ask the Supervisor". */
  brokerUrl: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^mqtts?:\/\/[^/\s]+(:\d+)?\/?$/, 'brokerUrl must look like mqtt://host:1883 or mqtts://host:8883'),
    ),
  ),
  username: v.optional(v.string()),
  password: v.optional(v.string()),
  /** Unique per broker; default derived from a random id persisted in the store. */
  clientId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientId: 1-64 letters, digits, _ or -'))),
  /** CA certificate, client certificate and key: PEM text or a file path. */
  ca: v.optional(v.string()),
  cert: v.optional(v.string()),
  key: v.optional(v.string()),
  /** Accept a broker certificate that does not verify (self-signed without CA). */
  insecure: v.optional(v.boolean(), false),
  topicPrefix: v.optional(
    v.pipe(v.string(), v.regex(TOPIC_PART, 'topicPrefix: no #, +, spaces or edge /')),
    'myelectricaldata',
  ),
  qos: v.optional(v.picklist([0, 1, 2]), 1),
  retain: v.optional(v.boolean(), true),
  discovery: v.optional(v.boolean(), true),
  discoveryPrefix: v.optional(
    v.pipe(v.string(), v.regex(TOPIC_PART, 'discoveryPrefix: no #, +, spaces or edge /')),
    'homeassistant',
  ),
  /** Link shown on the Home Assistant device page (this program's web page). */
  configurationUrl: v.optional(v.pipe(v.string(), v.url())),
  /** Upper bound of one publishing run; the sync never waits longer than this for MQTT. */
  publishTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100)), 10_000),
  reconnectMinMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10)), 1_000),
  reconnectMaxMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10)), 60_000),
  connectTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100)), 10_000),
  /** Prices of the cost sensors, for the tariff engine; a direction without a price has none. */
  prices: v.optional(pricesSchema, {}),
});

export type MqttExporterOptions = v.InferOutput<typeof mqttExporterOptionsSchema>;

export function pricesOf(o: MqttExporterOptions): Prices {
  return o.prices;
}

export function parseMqttExporterOptions(input: unknown): MqttExporterOptions {
  return v.parse(mqttExporterOptionsSchema, input);
}
