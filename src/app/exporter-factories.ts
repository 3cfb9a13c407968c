/**
 * The exporters the configuration turns on, as factories for the exporter manager (an exporter that is
 * off is never constructed). In add-on mode (`SUPERVISOR_TOKEN` set) Home Assistant is reached through
 * the Supervisor proxy with that token (`ha_url` defaults to `<supervisor_url>/core`), and the MQTT broker
 * comes from the Supervisor's services API when `mqtt_url` is not set. The Home Assistant REST-states
 * fallback (`ha_rest_states`) is off unless asked for; VictoriaMetrics is on when `victoriametrics_url` is set.
 * Each exporter's code is imported only when it is on: a run never loads (nor keeps in memory) the others.
 * Its settings are checked before that import, so a misconfigured one fails the same way.
 */

import type { CardsExporter } from '../cards-delivery/cards-exporter.js';
import type { Config } from '../config/index.js';
import { pricesOf } from './tariff-settings.js';

export { pricesOf } from './tariff-settings.js';

import { AppError } from '../errors/app-error.js';
import type { HaRestStatesExporter } from '../exporters/ha-rest-states/ha-rest-states-exporter.js';
import type { HaRestStatesOptions } from '../exporters/ha-rest-states/options.js';
import type { HomeAssistantExporter } from '../exporters/home-assistant/home-assistant-exporter.js';
import { parseHomeAssistantExporterOptions } from '../exporters/home-assistant/options.js';
import type { JeedomExporter } from '../exporters/jeedom/jeedom-exporter.js';
import { jeedomOptions } from '../exporters/jeedom/options.js';
import type { ExporterFactory } from '../exporters/manager.js';
import type { MqttExporter } from '../exporters/mqtt/mqtt-exporter.js';
import { parseMqttExporterOptions } from '../exporters/mqtt/options.js';
import { parseExtraLabels, type VictoriaMetricsOptions } from '../exporters/victoriametrics/options.js';
import type { VictoriaMetricsExporter } from '../exporters/victoriametrics/victoriametrics-exporter.js';

export function isAddonMode(config: Config): boolean {
  return config.supervisor_token !== undefined;
}

/** MQTT is on when asked, else when a broker is set or the Supervisor can announce one. */
export function mqttEnabled(config: Config): boolean {
  return config.mqtt ?? (config.mqtt_url !== undefined || isAddonMode(config));
}

export function exporterFactories(config: Config, version: string): ExporterFactory[] {
  return [
    { name: 'home-assistant', create: async () => (config.home_assistant ? homeAssistantExporter(config) : null) },
    { name: 'lovelace-cards', create: async () => (cardsDelivery(config) ? cardsExporter(config) : null) },
    { name: 'mqtt', create: async () => (mqttEnabled(config) ? mqttExporter(config, version) : null) },
    { name: 'ha-rest-states', create: async () => (config.ha_rest_states ? haRestStatesExporter(config) : null) },
    {
      name: 'victoriametrics',
      create: async () => (config.victoriametrics_url ? victoriaMetricsExporter(config) : null),
    },
    { name: 'jeedom', create: async () => (config.jeedom_url ? jeedomExporter(config) : null) },
  ];
}

/**
 * Where the REST-states fallback posts: `ha_url` with `ha_token`; in add-on mode `ha_url` defaults to the
 * Supervisor proxy (`<supervisor_url>/core`) and the token to `SUPERVISOR_TOKEN`.
 */
export function haRestStatesOptions(config: Config): HaRestStatesOptions {
  const token = config.ha_token ?? config.supervisor_token;
  if (!config.ha_url || !token) {
    throw new AppError(
      'ha_rest_states_not_configured',
      'HA_REST_STATES is on but HA_URL or HA_TOKEN is not set: set HA_URL (e.g. http://homeassistant.local:8123) and HA_TOKEN (a long-lived access token from your Home Assistant profile), run it as the Home Assistant add-on, or set HA_REST_STATES=false',
    );
  }
  return { haUrl: config.ha_url, haToken: token, prices: pricesOf(config) };
}

/** Where the statistics exporter connects: `ha_url` with `ha_token` (add-on: the Supervisor proxy and token). */
export function homeAssistantConnection(config: Config): { url: string; token: string } {
  const token = config.ha_token ?? config.supervisor_token;
  if (!config.ha_url || !token) {
    throw new AppError(
      'home_assistant_not_configured',
      'HOME_ASSISTANT is on but HA_URL or HA_TOKEN is not set: set HA_URL (e.g. http://homeassistant.local:8123) and HA_TOKEN (a long-lived access token from your Home Assistant profile), or set HOME_ASSISTANT=false',
    );
  }
  return { url: config.ha_url, token };
}

/** The add-on installs the Lovelace cards when it feeds Home Assistant (standalone: the API serves them). */
export function cardsDelivery(config: Config): boolean {
  return isAddonMode(config) && config.home_assistant === true;
}

/** Home Assistant's configuration folder in the add-on (the `homeassistant_config` map). */
export const ADDON_HA_CONFIG_DIR = '/homeassistant';

async function cardsExporter(config: Config): Promise<CardsExporter> {
  const connection = homeAssistantConnection(config);
  const { CardsExporter } = await import('../cards-delivery/cards-exporter.js');
  return new CardsExporter({ ...connection, configDir: ADDON_HA_CONFIG_DIR });
}

async function homeAssistantExporter(config: Config): Promise<HomeAssistantExporter> {
  const options = parseHomeAssistantExporterOptions({
    ...homeAssistantConnection(config),
    prices: pricesOf(config),
    energyDashboard: config.energy_dashboard,
  });
  const { HomeAssistantExporter } = await import('../exporters/home-assistant/home-assistant-exporter.js');
  return new HomeAssistantExporter(options);
}

async function haRestStatesExporter(config: Config): Promise<HaRestStatesExporter> {
  const options = haRestStatesOptions(config);
  const { HaRestStatesExporter } = await import('../exporters/ha-rest-states/ha-rest-states-exporter.js');
  return new HaRestStatesExporter(options);
}

async function victoriaMetricsExporter(config: Config): Promise<VictoriaMetricsExporter> {
  const options = victoriaMetricsOptions(config);
  const { VictoriaMetricsExporter } = await import('../exporters/victoriametrics/victoriametrics-exporter.js');
  return new VictoriaMetricsExporter(options);
}

/** Jeedom is on when `jeedom_url` is set; it then needs the core API key. */
async function jeedomExporter(config: Config): Promise<JeedomExporter> {
  if (!config.jeedom_url || !config.jeedom_api_key) {
    throw new AppError(
      'jeedom_not_configured',
      'JEEDOM_URL is set but JEEDOM_API_KEY is not: set JEEDOM_API_KEY to the core API key (Jeedom: Réglages → Système → Configuration → API, « Clé API »), or unset JEEDOM_URL',
    );
  }
  const options = jeedomOptions({
    url: config.jeedom_url,
    apiKey: config.jeedom_api_key,
    object: config.jeedom_object,
    history: config.jeedom_history,
    prices: pricesOf(config),
  });
  const { JeedomExporter } = await import('../exporters/jeedom/jeedom-exporter.js');
  return new JeedomExporter(options);
}

async function mqttExporter(config: Config, version: string): Promise<MqttExporter> {
  const options = parseMqttExporterOptions({
    brokerUrl: config.mqtt_url,
    username: config.mqtt_username,
    password: config.mqtt_password,
    clientId: config.mqtt_client_id,
    ca: config.mqtt_ca,
    cert: config.mqtt_cert,
    key: config.mqtt_key,
    insecure: config.mqtt_insecure,
    topicPrefix: config.mqtt_prefix,
    qos: config.mqtt_qos,
    retain: config.mqtt_retain,
    discovery: config.mqtt_discovery,
    discoveryPrefix: config.mqtt_discovery_prefix,
    prices: pricesOf(config),
  });
  const token = config.supervisor_token;
  const supervisor = token && !config.mqtt_url ? { baseUrl: config.supervisor_url, token } : undefined;
  const { MqttExporter } = await import('../exporters/mqtt/mqtt-exporter.js');
  return new MqttExporter(options, { swVersion: version, supervisor });
}

/** The history push to VictoriaMetrics: on when `victoriametrics_url` is set. */
export function victoriaMetricsOptions(config: Config): VictoriaMetricsOptions {
  return {
    url: config.victoriametrics_url ?? '',
    username: config.victoriametrics_username,
    password: config.victoriametrics_password,
    token: config.victoriametrics_token,
    extraLabels: parseExtraLabels(config.victoriametrics_extra_labels),
    prices: pricesOf(config),
  };
}
