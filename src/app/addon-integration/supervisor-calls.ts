/**
 * What the add-on asks the Supervisor for the integration: its own host name, the discovery
 * announcement (`POST /discovery`, service `myelectricaldata`) and a persistent notification through the
 * Core API proxy. Every call carries `SUPERVISOR_TOKEN`; errors are `AppError`s saying what to check.
 */
import { AppError } from '../../errors/app-error.js';

export interface SupervisorCalls {
  url: string;
  token: string;
  fetch?: typeof fetch;
}

async function call(s: SupervisorCalls, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const res = await (s.fetch ?? fetch)(`${s.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  }).catch((err: unknown) => {
    throw new AppError('SUPERVISOR_UNREACHABLE', `the Supervisor did not answer ${method} ${path}: ${String(err)}`);
  });
  const text = await res.text();
  if (!res.ok) {
    throw new AppError(
      'SUPERVISOR_REFUSED',
      `the Supervisor answered ${res.status} to ${method} ${path} (${text.slice(0, 200)}): check that the add-on is up to date`,
    );
  }
  return text ? JSON.parse(text) : null;
}

/** The add-on's host name on the Supervisor's network (`GET /addons/self/info`). */
export async function selfHostname(s: SupervisorCalls): Promise<string> {
  const info = (await call(s, 'GET', '/addons/self/info')) as { data?: { hostname?: unknown } } | null;
  const hostname = info?.data?.hostname;
  if (typeof hostname !== 'string' || hostname === '') {
    throw new AppError(
      'SUPERVISOR_REFUSED',
      'the Supervisor did not tell the add-on its host name (/addons/self/info)',
    );
  }
  return hostname;
}

export async function announceDiscovery(s: SupervisorCalls, config: { host: string; port: number; api_token: string }) {
  await call(s, 'POST', '/discovery', { service: 'myelectricaldata', config });
}

export async function notify(s: SupervisorCalls, notification: { id: string; title: string; message: string }) {
  await call(s, 'POST', '/core/api/services/persistent_notification/create', {
    notification_id: notification.id,
    title: notification.title,
    message: notification.message,
  });
}
