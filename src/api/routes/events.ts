/**
 * `GET /api/events`: server-sent events for the Home Assistant integration. On connect, then after each
 * sync (started, finished, failed) and whenever an exporter's state changes, one `sensors` event carries
 * the whole `GET /api/sensors` document; a comment line every `heartbeatMs` keeps proxies from closing
 * the stream. Behind the same guards as every route. Streams are ended before the server closes. A
 * stream opened with `X-MyElectricalData-Integration` marks the integration as in use (about every
 * 8 minutes while open).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorMessage } from '../../errors/app-error.js';
import { markIntegrationSeen } from '../../exporters/kit/integration-presence.js';
import type { SyncEvents } from '../../sync/events.js';
import type { ApiContext } from '../context.js';
import { currentSensors } from './sensors.js';

export interface EventsOptions {
  events?: SyncEvents;
  heartbeatMs?: number;
  /** How often exporter states are compared to announce a change (default 10 s). */
  exporterCheckMs?: number;
}

const SYNC_EVENTS = ['sync-started', 'sync-finished', 'sync-failed'] as const;

async function exporterStates(ctx: ApiContext): Promise<string> {
  const status = await ctx.status.getStatus();
  return JSON.stringify(status.exporters.map((e) => [e.name, e.state, e.lastError]));
}

export function registerEventsRoute(app: FastifyInstance, ctx: ApiContext, options: EventsOptions = {}): void {
  const open = new Set<FastifyReply>();
  app.addHook('preClose', async () => {
    for (const reply of open) reply.raw.end();
  });

  app.get('/api/events', async (request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    open.add(reply);
    let seq = 0;
    let sending = Promise.resolve();
    const send = (reason: string) => {
      sending = sending.then(async () => {
        try {
          const body = JSON.stringify({ reason, ...(await currentSensors(ctx)) });
          if (!raw.writableEnded) raw.write(`id: ${++seq}\nevent: sensors\ndata: ${body}\n\n`);
        } catch (err) {
          ctx.logger.warn({ error: errorMessage(err) }, 'could not send the sensors event');
        }
      });
    };
    const listeners = SYNC_EVENTS.map((name) => [name, () => send(name)] as const);
    for (const [name, listener] of listeners) options.events?.on(name, listener);
    const integration = Boolean(request.headers['x-myelectricaldata-integration']);
    // The integration's own stream: MQTT discovery and REST states step aside (kit/integration-presence.ts).
    const markSeen = () =>
      markIntegrationSeen(ctx.store, ctx.clock.now()).catch((err: unknown) =>
        ctx.logger.warn({ error: errorMessage(err) }, 'could not record the integration'),
      );
    let beats = 0;
    const heartbeat = setInterval(() => {
      raw.write(': keep-alive\n\n');
      if (integration && ++beats % 20 === 0) void markSeen();
    }, options.heartbeatMs ?? 25_000);
    let lastExporters = await exporterStates(ctx).catch(() => '');
    const exporterCheck = setInterval(async () => {
      const now = await exporterStates(ctx).catch(() => lastExporters);
      if (now !== lastExporters) send('exporters-changed');
      lastExporters = now;
    }, options.exporterCheckMs ?? 10_000);
    if (integration) {
      await markSeen();
      ctx.logger.info('Home Assistant integration connected to /api/events');
    }
    request.raw.on('close', () => {
      open.delete(reply);
      clearInterval(heartbeat);
      clearInterval(exporterCheck);
      for (const [name, listener] of listeners) options.events?.off(name, listener);
    });
    send('connected');
  });
}
