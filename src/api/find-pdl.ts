/** Resolves the `{pdl}` path parameter: 400 when it is not a 14-digit PDL, 404 when the store does not know it. */
import type { StoredUsagePoint } from '../store/repository.js';
import type { ApiContext } from './context.js';
import { badRequest, notFound } from './http-error.js';

const PDL_RE = /^\d{14}$/;

export async function findPdl(ctx: ApiContext, raw: string): Promise<StoredUsagePoint> {
  if (!PDL_RE.test(raw)) {
    throw badRequest(
      `pdl ${JSON.stringify(raw.slice(0, 40))} is not a PDL: use the 14-digit number listed by GET /api/pdls`,
    );
  }
  const point = await ctx.store.getUsagePoint(raw);
  if (!point) throw notFound(`unknown PDL ${raw}: GET /api/pdls lists the PDLs known to this client`);
  return point;
}
