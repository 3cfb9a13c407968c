/**
 * `GET /api/config`: the configuration in force, as the program validated it, with every secret
 * setting masked and passwords inside URLs masked (`redactConfig`); the page shows it. Settings left
 * unset are absent.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { ApiContext } from '../context.js';
import type { Operation } from '../openapi/operation.js';

const ConfigBody = v.strictObject({
  settings: v.pipe(
    v.nullable(v.record(v.string(), v.unknown())),
    v.description(
      'Each setting by its name in the settings table (docs/configuration.md); secrets as "***". Null when the server was started without a configuration to show (tests, tools).',
    ),
  ),
});

export const CONFIG_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/config',
    tag: 'system',
    summary: 'The configuration in force, secrets masked',
    responses: { 200: { description: 'The settings.', json: ConfigBody } },
  },
];

export function registerConfigRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/config', async () => ({ settings: ctx.config ?? null }));
}
