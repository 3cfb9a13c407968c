/**
 * `DELETE /api/pdls/{pdl}` with `{"confirm": "<the same PDL>"}`: forgets a PDL, deleting everything the
 * store holds about it (`Store.forgetPdl`: its streams, attempts, states and the exporter cursors naming
 * it). Refused with 409 while a sync runs, and no sync starts until it is done. Data already sent to an
 * exporter's target stays there. A PDL the `pdls` setting still syncs (or every PDL, when it is empty)
 * comes back at the next sync: the answer says so.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import type { ApiContext } from '../context.js';
import { findPdl } from '../find-pdl.js';
import { badRequest, errorBody } from '../http-error.js';
import { ForgetAnswer } from '../openapi/control-shapes.js';
import type { Operation } from '../openapi/operation.js';
import { ErrorBody } from '../openapi/shapes.js';

const ForgetBody = v.strictObject(
  { confirm: v.string('confirm must be the PDL itself, as a string, e.g. {"confirm":"12345678901234"}') },
  'the body must be {"confirm":"<the PDL>"} to forget it: nothing else',
);

export const FORGET_OPERATIONS: Operation[] = [
  {
    method: 'delete',
    path: '/api/pdls/{pdl}',
    tag: 'control',
    summary: 'Forget a PDL: delete all its data from the store (confirmed by repeating the PDL)',
    description:
      'A PDL still synchronised by the pdls setting (every PDL when it is empty) comes back at the next sync; ' +
      'remove it from pdls first to keep it away. Data already exported (Home Assistant, VictoriaMetrics…) stays there.',
    body: { schema: ForgetBody, description: '`{"confirm": "<the PDL>"}`.' },
    responses: {
      200: { description: 'Forgotten; the rows deleted per table.', json: ForgetAnswer },
      409: { description: 'A sync is running: try again when it ends.', json: ErrorBody },
    },
  },
];

function outcomeMessage(pdl: string, comesBack: boolean): string {
  return comesBack
    ? `PDL ${pdl} forgotten; the pdls setting still includes it (an empty pdls means every PDL), so the next sync fetches it again: remove it from pdls to keep it away`
    : `PDL ${pdl} forgotten; the pdls setting leaves it out, so it stays away`;
}

export function registerForgetRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.delete<{ Params: { pdl: string } }>('/api/pdls/:pdl', async (request, reply) => {
    const point = await findPdl(ctx, request.params.pdl);
    const body = v.safeParse(ForgetBody, request.body ?? {});
    if (!body.success) throw badRequest(body.issues[0].message);
    if (body.output.confirm !== point.pdl) {
      throw badRequest(`confirm must repeat the PDL to forget: send {"confirm":"${point.pdl}"}`);
    }
    if (!ctx.syncControl) {
      return reply.code(503).send(errorBody(503, 'sync_unavailable', 'the sync engine does not run in this process'));
    }
    const result = await ctx.syncControl.whileIdle(() => ctx.store.forgetPdl(point.pdl));
    if (result === 'already-running') {
      const message = 'a sync is running: forget the PDL once it ends (follow it on GET /api/status)';
      return reply.code(409).send(errorBody(409, 'sync_running', message));
    }
    const comesBack = ctx.syncControl.selects(point.pdl);
    ctx.logger.info({ pdl: point.pdl, deleted: result.done }, 'PDL forgotten from the API');
    return {
      status: 'forgotten',
      pdl: point.pdl,
      deleted: result.done,
      comesBack,
      message: outcomeMessage(point.pdl, comesBack),
    };
  });
}
