/**
 * The valibot schema of the tariff engine's `Prices` (`domain/tariff.ts`), for the exporters' options:
 * EUR per kWh, EUR per month for the subscription, dated periods sorted by `from`.
 */
import * as v from 'valibot';
import type { Prices } from '../../domain/tariff.js';

const price = v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(10)));
const fields = {
  baseKwh: price,
  hcKwh: price,
  hpKwh: price,
  productionKwh: price,
  tempo: v.optional(
    v.object({
      blue_hc: price,
      blue_hp: price,
      white_hc: price,
      white_hp: price,
      red_hc: price,
      red_hp: price,
    }),
  ),
  subscriptionEurMonth: v.optional(v.pipe(v.number(), v.minValue(0))),
};

export const pricesSchema = v.object({
  ...fields,
  tariff: v.optional(v.picklist(['base', 'hc_hp', 'tempo'])),
  dated: v.optional(
    v.pipe(
      v.array(v.object({ from: v.pipe(v.string(), v.isoDate()), ...fields })),
      v.check((list) => list.every((p, i) => i === 0 || list[i - 1]!.from < p.from), 'dated prices must be sorted'),
    ),
  ),
}) satisfies v.GenericSchema<unknown, Prices>;
