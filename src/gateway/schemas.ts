/**
 * valibot schemas for every gateway payload, checked at the boundary. Values are strings holding
 * integers; unknown fields are tolerated (the gateway adds fields over time).
 */
import * as v from 'valibot';

const IntegerText = v.pipe(
  v.union([v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(?:\.0+)?$/, 'an integer in a string')), v.number()]),
  v.transform((x) => Number(x)),
  v.number(),
  v.integer(),
);

const Text = v.nullish(v.string());

export const EnvelopeSchema = v.looseObject({
  success: v.boolean(),
  data: v.unknown(),
  error: v.nullish(
    v.looseObject({
      code: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
      message: v.nullish(v.string()),
    }),
  ),
});

export const CurveReadingSchema = v.looseObject({
  value: IntegerText,
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?$/, 'a YYYY-MM-DD HH:MM:SS time')),
  interval_length: v.nullish(v.pipe(v.string(), v.regex(/^PT(?:\d+H)?(?:\d+M)?$/i, 'an ISO duration like PT30M'))),
});

export const DailyReadingSchema = v.looseObject({
  value: IntegerText,
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}/, 'a YYYY-MM-DD date')),
});

const meterReading = <T extends v.GenericSchema>(reading: T) =>
  v.looseObject({
    meter_reading: v.looseObject({ interval_reading: v.nullish(v.array(reading), []) }),
  });

export const CurvePayloadSchema = meterReading(CurveReadingSchema);
export const DailyPayloadSchema = meterReading(DailyReadingSchema);

export const UsagePointSchema = v.looseObject({
  id: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
  usage_point_id: v.pipe(v.string(), v.regex(/^\d{14}$/, 'a 14-digit PDL')),
  name: Text,
  subscribed_power: v.nullish(v.union([v.number(), v.string()])),
  offpeak_hours: v.unknown(),
  pricing_option: Text,
  has_consumption: v.nullish(v.boolean()),
  has_production: v.nullish(v.boolean()),
  is_active: v.nullish(v.boolean()),
  activation_date: Text,
  oldest_available_data_date: Text,
  linked_production_pdl_id: v.nullish(v.pipe(v.union([v.string(), v.number()]), v.transform(String))),
});

export const UsagePointListSchema = v.array(UsagePointSchema);

const addresses = v.looseObject({
  street: Text,
  locality: Text,
  postal_code: Text,
  insee_code: Text,
  city: Text,
  country: Text,
  geo_points: v.nullish(v.looseObject({ latitude: Text, longitude: Text, altitude: Text })),
});

export const CustomerSchema = v.looseObject({
  customer: v.looseObject({
    customer_id: Text,
    usage_points: v.pipe(
      v.array(
        v.looseObject({
          usage_point: v.nullish(
            v.looseObject({
              usage_point_id: Text,
              usage_point_status: Text,
              meter_type: Text,
              usage_point_addresses: v.nullish(addresses),
            }),
          ),
          contracts: v.nullish(
            v.looseObject({
              segment: Text,
              subscribed_power: Text,
              last_activation_date: Text,
              distribution_tariff: Text,
              offpeak_hours: Text,
              contract_type: Text,
              contract_status: Text,
              last_distribution_tariff_change_date: Text,
            }),
          ),
        }),
      ),
      v.minLength(1, 'at least one usage point'),
    ),
  }),
});

export const TempoListSchema = v.array(
  v.looseObject({
    date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}/, 'a YYYY-MM-DD date')),
    color: v.picklist(['BLUE', 'WHITE', 'RED']),
  }),
);

const Level = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3));

export const EcoWattListSchema = v.array(
  v.looseObject({
    periode: v.string(),
    dvalue: Level,
    message: Text,
    values: v.array(Level),
  }),
);

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const UsageStatsSchema = v.looseObject({
  cached_requests: Count,
  no_cache_requests: Count,
  cached_limit: Count,
  no_cache_limit: Count,
  date: v.string(),
});

export const TokenSchema = v.looseObject({ access_token: v.pipe(v.string(), v.minLength(8)) });
