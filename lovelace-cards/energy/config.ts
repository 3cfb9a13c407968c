/** `custom:myelectricaldata-energy-card`: its options, their defaults and their checks. */
import * as v from 'valibot';
import { PERIODS } from '../shared/periods.js';
import { API_URL, oneOf, PDL, parseConfig } from '../shared/validate.js';

export const ENERGY_CARD = 'myelectricaldata-energy-card';

export const EnergyCardSchema = v.strictObject({
  type: v.string(),
  title: v.optional(v.string()),
  pdls: v.pipe(v.array(PDL, 'pdls must be a list of PDLs'), v.minLength(1, 'give at least one PDL')),
  period: v.optional(oneOf(PERIODS), 'day'),
  count: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1100, 'at most 1100 bars (3 years of days)')),
    undefined,
  ),
  metric: v.optional(oneOf(['energy', 'cost'] as const), 'energy'),
  /** `both`: consumption (withdrawal) and production (injection) side by side, with the net. */
  direction: v.optional(oneOf(['consumption', 'production', 'both'] as const), 'consumption'),
  stack: v.optional(oneOf(['auto', 'none', 'hp_hc', 'tempo'] as const), 'auto'),
  compare: v.optional(oneOf(['none', 'previous', 'last_year'] as const), 'none'),
  energy_date_selection: v.optional(v.boolean(), true),
  /** The `collection_key` of the `energy-date-selection` card to follow, when it sets one. */
  collection_key: v.optional(
    v.pipe(v.string(), v.regex(/^energy_[\w-]+$/, 'collection_key starts with energy_, e.g. energy_linky')),
  ),
  show_totals: v.optional(v.boolean(), true),
  /** The local API: the card then reads which days are derived from the load curve or missing. */
  api_url: v.optional(API_URL),
});

export type EnergyCardConfig = v.InferOutput<typeof EnergyCardSchema>;

/** Accepts `pdl: "…"` as a shorthand of `pdls: ["…"]`. */
export function parseEnergyConfig(input: unknown): EnergyCardConfig {
  let raw = input;
  if (raw && typeof raw === 'object' && 'pdl' in raw && !('pdls' in raw)) {
    const { pdl, ...rest } = raw as Record<string, unknown>;
    raw = { ...rest, pdls: [pdl] };
  }
  return parseConfig(EnergyCardSchema, ENERGY_CARD, raw);
}
