/**
 * Passthrough routes: production daily/detail and max power. No date handling (Enedis rules apply), always
 * one quota unit, the full Enedis `meter_reading`. Enedis errors → `ENEDIS_ERROR`; quirk
 * `passthroughErr0123AsSuccess`: `ADAM-ERR0123` as `success:true` with `data.error`.
 */
import { curveJson } from './day-ranges.js';
import { bucketOf, countOrRefuse, dateQuery, enedisUnavailable, isReply, ownedPdl } from './enedis-guard.js';
import { businessError, envelope, type Reply } from './http-kit.js';
import type { RouteContext } from './state.js';
import { callEnedis, type UpstreamKind } from './upstream.js';

type PassKind = 'production_daily' | 'production_curve' | 'max_power';

const READING_TYPES: Record<PassKind, Record<string, string>> = {
  production_daily: { unit: 'Wh', measurement_kind: 'energy', aggregate: 'sum', measuring_period: 'P1D' },
  production_curve: { unit: 'W', measurement_kind: 'power', aggregate: 'average' },
  max_power: { unit: 'VA', measurement_kind: 'power', aggregate: 'maximum', measuring_period: 'P1D' },
};

function readingsOf(ctx: RouteContext, kind: PassKind, prm: string, days: string[]): unknown[] {
  const { dataset, quirks } = ctx.sim;
  if (kind === 'production_curve') return curveJson(days.flatMap((d) => dataset.readings(prm, d, quirks.endLabels)));
  if (kind === 'production_daily') return days.map((d) => ({ value: String(dataset.dailyWh(prm, d)), date: d }));
  return days.map((d) => {
    const p = dataset.maxPower(prm, d);
    return { value: String(p.va), date: p.label };
  });
}

export function passthrough(kind: PassKind) {
  return (ctx: RouteContext): Reply => {
    const q = dateQuery(ctx, false);
    if (isReply(q)) return q;
    const spec = ownedPdl(ctx);
    if (isReply(spec)) return spec;
    const bucket = bucketOf(q.useCache);
    const refused = countOrRefuse(ctx, bucket) ?? enedisUnavailable(ctx, bucket);
    if (refused) return refused;
    const prm = spec.usagePointId;
    const res = callEnedis(ctx.upstream, kind as UpstreamKind, prm, q.start, q.end);
    if (!res.ok) {
      if (res.code === 'ADAM-ERR0123' && ctx.sim.quirks.passthroughErr0123AsSuccess) {
        return envelope(ctx.now, { error: res.code, error_description: res.description }, null, bucket);
      }
      return businessError(ctx.now, 'ENEDIS_ERROR', `${res.code}: ${res.description}`, bucket);
    }
    const meter_reading = {
      usage_point_id: prm,
      start: q.start,
      end: q.end,
      quality: 'BRUT',
      reading_type: READING_TYPES[kind],
      interval_reading: readingsOf(ctx, kind, prm, res.days),
    };
    return envelope(ctx.now, { meter_reading }, null, bucket);
  };
}
