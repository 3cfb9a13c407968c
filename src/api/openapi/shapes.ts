/**
 * The valibot shapes of the API's answers. The OpenAPI document is generated from them
 * (`document.ts`) and the tests validate every answer against that document, so a field added to a
 * route without its shape here fails the tests.
 */

import * as v from 'valibot';
import { TARIFF_KINDS } from '../../domain/tariff-period.js';

const nullable = <S extends v.GenericSchema>(s: S) => v.nullable(s);
/** An instant, ISO 8601 with the Paris offset. */
export const Instant = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/));
/** A Paris calendar day. */
export const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const Hhmm = v.pipe(v.string(), v.regex(/^\d{2}:\d{2}$/));
const Int = v.pipe(v.number(), v.integer());
const Range = v.strictObject({ start: Hhmm, end: Hhmm });

export const ErrorBody = v.strictObject({
  error: v.strictObject({ status: Int, code: v.string(), message: v.string() }),
});

export const Health = v.strictObject({
  status: v.picklist(['ok', 'unavailable']),
  error: v.optional(ErrorBody.entries.error),
});

const Address = v.strictObject({
  street: nullable(v.string()),
  postalCode: nullable(v.string()),
  city: nullable(v.string()),
  locality: nullable(v.string()),
  inseeCode: nullable(v.string()),
  country: nullable(v.string()),
  latitude: nullable(v.number()),
  longitude: nullable(v.number()),
});

const Contract = v.strictObject({
  segment: nullable(v.string()),
  subscribedPowerKva: nullable(v.number()),
  offpeakHours: v.array(Range),
  distributionTariff: nullable(v.string()),
  contractType: nullable(v.string()),
  contractStatus: nullable(v.string()),
  usagePointStatus: nullable(v.string()),
  meterType: nullable(v.string()),
  lastActivationDate: nullable(v.string()),
  lastDistributionTariffChangeDate: nullable(v.string()),
});

export const Pdl = v.strictObject({
  pdl: v.pipe(v.string(), v.regex(/^\d{14}$/)),
  name: nullable(v.string()),
  isActive: v.boolean(),
  hasConsumption: v.boolean(),
  hasProduction: v.boolean(),
  subscribedPowerKva: nullable(v.number()),
  offpeakHours: v.array(Range),
  pricingOption: nullable(v.string()),
  contractStatus: nullable(v.string()),
  activationDate: nullable(v.string()),
  oldestAvailableDataDate: nullable(v.string()),
  lastSyncAt: nullable(Instant),
  address: nullable(Address),
  contract: nullable(Contract),
});

export const DailyRow = v.strictObject({ date: Day, wh: v.number() });
export const CurveRow = v.strictObject({ start: Instant, minutes: Int, w: v.number(), wh: v.number() });
export const MaxPowerRow = v.strictObject({ date: Day, va: v.number(), at: Instant });
export const TempoRow = v.strictObject({ date: Day, color: v.picklist(['BLUE', 'WHITE', 'RED']) });
export const EcoWattRow = v.strictObject({
  date: Day,
  level: Int,
  message: v.string(),
  hourly: v.array(Int),
});

/** Energy (Wh) and amount per tariff period. */
export const PeriodSplit = v.record(v.string(), v.strictObject({ wh: v.number(), eur: v.number() }));

export const Cost = v.strictObject({
  pdl: v.string(),
  direction: v.picklist(['consumption', 'production']),
  start: Day,
  end: Day,
  currency: v.literal('EUR'),
  tariff: v.string(),
  tariff_kind: v.picklist(TARIFF_KINDS),
  total_eur: v.number(),
  /** Energy (Wh) and amount per tariff period (`hp`, `hc`, `blue_hp`…, or `base`), periods without energy left out. */
  periods: PeriodSplit,
  days: v.array(v.strictObject({ date: Day, eur: v.number(), periods: PeriodSplit })),
});

const PdlId = v.pipe(v.string(), v.regex(/^\d{14}$/));

/** A sync started; `pdl` when it syncs that PDL only. */
export const SyncStarted = v.strictObject({ status: v.literal('started'), pdl: v.optional(PdlId) });
