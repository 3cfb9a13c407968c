/**
 * `GET /api/exporters`: the state of each exporter, as in `GET /api/status` (same shape, redacted).
 * `POST /api/exporters/{name}/run`: runs one started exporter now, in the background (the kit runs one
 * export at a time: 409 while one runs). An exporter disabled or that could not start is 404.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { ApiContext } from '../context.js';
import { badRequest, errorBody, notFound } from '../http-error.js';
import { ExporterRunStarted } from '../openapi/control-shapes.js';
import type { Operation } from '../openapi/operation.js';
import { ErrorBody } from '../openapi/shapes.js';
import { ExporterStatus } from '../openapi/status-shape.js';
import { statusJson } from '../status-json.js';

const NAME_RE = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const Name = v.pipe(v.string(), v.regex(NAME_RE));
const RunBody = v.strictObject(
  {},
  'the body of POST /api/exporters/{name}/run must be an empty JSON object: send {} or nothing',
);

export const EXPORTER_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/exporters',
    tag: 'control',
    summary: 'Each exporter in start order: state, last run, last success, last result and last error',
    responses: { 200: { description: 'The exporters.', json: v.array(ExporterStatus) } },
  },
  {
    method: 'post',
    path: '/api/exporters/{name}/run',
    tag: 'control',
    summary: 'Run one exporter now (it exports what changed since its last run)',
    pathParams: { name: { schema: Name, description: 'The exporter, as GET /api/exporters names it.' } },
    body: { schema: RunBody, description: 'An empty JSON object.' },
    responses: {
      202: { description: 'The run started; follow it on GET /api/exporters.', json: ExporterRunStarted },
      404: { description: 'No such exporter is running (disabled, or it could not start).', json: ErrorBody },
      409: { description: 'The exporter is running an export already.', json: ErrorBody },
    },
  },
];

function findExporter(ctx: ApiContext, name: string) {
  if (!NAME_RE.test(name)) {
    throw badRequest(
      `exporter name ${JSON.stringify(name.slice(0, 40))} is malformed: use a name GET /api/exporters lists`,
    );
  }
  const exporter = ctx.exporters?.started.find((e) => e.name === name);
  if (exporter) return exporter;
  const names = (ctx.exporters?.started ?? []).map((e) => e.name);
  const running = names.length > 0 ? `running: ${names.join(', ')}` : 'none is running';
  throw notFound(
    `exporter ${name} is not running (disabled, or it could not start: see GET /api/exporters); ${running}`,
  );
}

export function registerExporterRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/exporters', async () => {
    const status = await ctx.status.getStatus();
    return statusJson(status, { version: ctx.version, nowMs: ctx.clock.now() }).exporters;
  });

  app.post<{ Params: { name: string } }>('/api/exporters/:name/run', async (request, reply) => {
    const body = v.safeParse(RunBody, request.body === undefined ? {} : request.body);
    if (!body.success) throw badRequest(body.issues[0].message);
    const exporter = findExporter(ctx, request.params.name);
    if (exporter.status().state === 'running') {
      const message = `exporter ${exporter.name} is running an export: wait for it to end (GET /api/exporters)`;
      return reply.code(409).send(errorBody(409, 'exporter_running', message));
    }
    void exporter.run('api').catch(() => undefined);
    ctx.logger.info({ exporter: exporter.name }, 'exporter run asked from the API');
    return reply.code(202).send({ status: 'started', exporter: exporter.name });
  });
}
