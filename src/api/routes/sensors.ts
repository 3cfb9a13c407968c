/**
 * `GET /api/sensors`: the sensor catalog with current values (see `integration/sensors-json.ts`), what
 * the Home Assistant integration builds its devices and entities from.
 */
import type { FastifyInstance } from 'fastify';
import { readSnapshot } from '../../sensors/snapshot/read-snapshot.js';
import type { ApiContext } from '../context.js';
import { sensorsJson } from '../integration/sensors-json.js';
import { statusJson } from '../status-json.js';

export async function currentSensors(ctx: ApiContext) {
  const now = ctx.clock.now();
  const snapshot = await readSnapshot(ctx.store, now, ctx.prices);
  const status = statusJson(await ctx.status.getStatus(), { version: ctx.version, nowMs: now });
  return sensorsJson(snapshot, status, ctx.version);
}

export function registerSensorsRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/sensors', async () => currentSensors(ctx));
}
