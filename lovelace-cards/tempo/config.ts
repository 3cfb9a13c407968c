/** `custom:myelectricaldata-tempo-card`: its options and their checks. */
import * as v from 'valibot';
import { parseConfig } from '../shared/validate.js';

export const TEMPO_CARD = 'myelectricaldata-tempo-card';

const HOURS = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'write off-peak hours as "22:00-06:00"'),
);
const PRICE = v.pipe(v.number('a price is a number of EUR per kWh'), v.minValue(0), v.maxValue(10));

export const TempoCardSchema = v.strictObject({
  type: v.string(),
  title: v.optional(v.string()),
  offpeak: v.optional(v.array(HOURS), ['22:00-06:00']),
  prices: v.optional(
    v.strictObject({
      blue_hp: v.optional(PRICE),
      blue_hc: v.optional(PRICE),
      white_hp: v.optional(PRICE),
      white_hc: v.optional(PRICE),
      red_hp: v.optional(PRICE),
      red_hc: v.optional(PRICE),
    }),
    {},
  ),
});

export type TempoCardConfig = v.InferOutput<typeof TempoCardSchema>;

export const parseTempoConfig = (input: unknown): TempoCardConfig => parseConfig(TempoCardSchema, TEMPO_CARD, input);

/** The entities the program publishes over MQTT discovery (src/sensors/kinds/tempo.ts). */
export const TEMPO_ENTITIES = {
  today: 'sensor.myelectricaldata_tempo_today',
  tomorrow: 'sensor.myelectricaldata_tempo_tomorrow',
  blue: 'sensor.myelectricaldata_tempo_days_blue',
  white: 'sensor.myelectricaldata_tempo_days_white',
  red: 'sensor.myelectricaldata_tempo_days_red',
} as const;
