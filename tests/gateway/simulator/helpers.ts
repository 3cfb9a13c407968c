import { request } from 'undici';
import { fixedClock } from '../../../src/domain/clock.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../../src/gateway/simulator/index.js';

/** 2026-11-27 10:00 Paris (09:00 UTC). */
export const NOW = Date.parse('2026-11-27T09:00:00Z');
export const TODAY = '2026-11-27';

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
  body: any;
  text: string;
}

export async function start(options: SimulatorOptions = {}) {
  const clock = fixedClock(NOW);
  const sim = await startSimulator({ clock, ...options });
  return { sim, clock };
}

export async function call(
  sim: RunningSimulator,
  path: string,
  init: {
    method?: 'GET' | 'POST' | 'DELETE';
    token?: string | null;
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? sim.clientSecret : init.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await request(`${sim.baseUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body });
  const text = await res.body.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.statusCode, headers: res.headers, body, text };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
export function dates(body: any): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: idem
  return body.data.meter_reading.interval_reading.map((r: any) => r.date);
}
