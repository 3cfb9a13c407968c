/**
 * In add-on mode without a configured broker, the broker comes from the Supervisor's services API:
 * `GET {baseUrl}/services/mqtt` with the add-on's `SUPERVISOR_TOKEN` (the add-on declares
 * `services: [mqtt:want]`). The Supervisor answers 403 "No access to mqtt service!" when the add-on does
 * not declare the service, and 400 "Service not enabled" when no MQTT broker add-on is installed.
 */
import * as v from 'valibot';
import { AppError } from '../../errors/app-error.js';
import { registerSecret } from '../../log/redact.js';

export class SupervisorBrokerError extends AppError {}

export interface SupervisorBrokerOptions {
  /** `http://supervisor` in the add-on. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export interface BrokerSettings {
  url: string;
  username?: string;
  password?: string;
}

const responseSchema = v.object({
  result: v.literal('ok'),
  data: v.object({
    host: v.pipe(v.string(), v.minLength(1)),
    port: v.number(),
    ssl: v.optional(v.boolean(), false),
    username: v.optional(v.string()),
    password: v.optional(v.string()),
  }),
});

async function readMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    return String((JSON.parse(text) as { message?: unknown }).message ?? text);
  } catch {
    return text;
  }
}

export async function fetchSupervisorBroker(options: SupervisorBrokerOptions): Promise<BrokerSettings> {
  registerSecret(options.token);
  const doFetch = options.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(`${options.baseUrl.replace(/\/$/, '')}/services/mqtt`, {
      headers: { Authorization: `Bearer ${options.token}` },
    });
  } catch (err) {
    throw new SupervisorBrokerError(
      'MQTT_SUPERVISOR_UNREACHABLE',
      `Could not reach the Supervisor at ${options.baseUrl} to find the MQTT broker: set mqtt_url in the add-on options, or check that the add-on runs under the Supervisor.`,
      { cause: err },
    );
  }
  if (!res.ok) throw await supervisorError(res);
  const parsed = v.safeParse(responseSchema, await res.json().catch(() => null));
  if (!parsed.success) {
    throw new SupervisorBrokerError(
      'MQTT_SUPERVISOR_BAD_RESPONSE',
      'The Supervisor answered /services/mqtt without host and port: set mqtt_url in the add-on options.',
    );
  }
  const d = parsed.output.data;
  registerSecret(d.password);
  return { url: `${d.ssl ? 'mqtts' : 'mqtt'}://${d.host}:${d.port}`, username: d.username, password: d.password };
}

async function supervisorError(res: Response): Promise<SupervisorBrokerError> {
  const message = await readMessage(res);
  if (res.status === 403) {
    return new SupervisorBrokerError(
      'MQTT_SUPERVISOR_NO_ACCESS',
      `The Supervisor refused access to the MQTT service ("${message}"): the add-on must declare "services: [mqtt:want]" in its config.yaml, or set mqtt_url in the add-on options.`,
    );
  }
  if (/not enabled/i.test(message)) {
    return new SupervisorBrokerError(
      'MQTT_SUPERVISOR_NOT_ENABLED',
      'No MQTT broker is available in Home Assistant ("Service not enabled"): install and start the Mosquitto broker add-on, or set mqtt_url in the add-on options.',
    );
  }
  return new SupervisorBrokerError(
    'MQTT_SUPERVISOR_ERROR',
    `The Supervisor answered HTTP ${res.status} to /services/mqtt ("${message}"): set mqtt_url in the add-on options.`,
  );
}
