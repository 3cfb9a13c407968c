/** `custom:myelectricaldata-power-card`: its options and their checks. */
import * as v from 'valibot';
import { PDL, parseConfig } from '../shared/validate.js';

export const POWER_CARD = 'myelectricaldata-power-card';

export const PowerCardSchema = v.strictObject({
  type: v.string(),
  title: v.optional(v.string()),
  pdl: PDL,
  days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(7), v.maxValue(366, 'at most 366 days')), 30),
  threshold: v.optional(
    v.pipe(v.number(), v.minValue(1), v.maxValue(200, 'threshold is a percentage of the subscribed power, 1-200')),
    90,
  ),
});

export type PowerCardConfig = v.InferOutput<typeof PowerCardSchema>;

export const parsePowerConfig = (input: unknown): PowerCardConfig => parseConfig(PowerCardSchema, POWER_CARD, input);

/** The PDL's sensors (src/sensors/kinds/power.ts): daily max power (VA) and its ratio (subscribed kVA attribute). */
export const powerEntities = (pdl: string) => ({
  maxPower: `sensor.linky_${pdl}_max_power`,
  ratio: `sensor.linky_${pdl}_max_power_ratio`,
});
