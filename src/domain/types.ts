/**
 * Domain types shared by every part of the program. Pure data, no I/O.
 *
 * Conventions:
 * - `LocalDate` is a Europe/Paris calendar day, `YYYY-MM-DD`.
 * - Instants are UTC epoch milliseconds (`number`), never `Date` objects and never local times.
 * - Energy is integer Wh for daily values. A load-curve reading keeps what Enedis sent (average W over
 *   `minutes`); its energy is exactly `w * minutes / 60` Wh (see `energy.ts`).
 */

export type LocalDate = string;

/** A range of local days: `start` inclusive, `end` exclusive. */
export interface DateRange {
  start: LocalDate;
  end: LocalDate;
}

export type Direction = 'consumption' | 'production';

export interface DailyEnergy {
  date: LocalDate;
  wh: number;
}

export interface CurveReading {
  /** UTC instant at which the interval starts (epoch ms). */
  start: number;
  /** Interval length in minutes (30 usually; 60, 15 or 10 on some meters). */
  minutes: number;
  /** Average power over the interval, in W (an integer, as Enedis sends it). */
  w: number;
}

export interface MaxPower {
  date: LocalDate;
  va: number;
  /** UTC instant of the peak (epoch ms). */
  at: number;
}

export type TempoColor = 'BLUE' | 'WHITE' | 'RED';

export interface TempoDay {
  /** The Tempo day (it runs from 06:00 on this date to 06:00 the next day, Paris time). */
  date: LocalDate;
  color: TempoColor;
}

export interface EcoWattSignal {
  date: LocalDate;
  /** Day level: 1 green, 2 orange, 3 red. */
  level: number;
  message: string;
  /** Level per local hour 0..23 (0 green low-carbon, 1 green, 2 orange, 3 red). */
  hourly: number[];
}

/** One off-peak range in local time, `HH:MM` each; may cross midnight (`22:00`–`06:00`). */
export interface OffpeakRange {
  start: string;
  end: string;
}

export type PricingOption = 'BASE' | 'HC_HP' | 'TEMPO' | 'EJP' | 'HC_WEEKEND';

/** A usage point (PDL) as listed by the gateway's `/pdl`. */
export interface UsagePoint {
  /** Gateway UUID. */
  id: string;
  /** 14-digit usage point id (PRM), used in every `/enedis/*` path. */
  pdl: string;
  name: string | null;
  subscribedPowerKva: number | null;
  offpeakHours: OffpeakRange[];
  pricingOption: PricingOption | null;
  hasConsumption: boolean;
  hasProduction: boolean;
  isActive: boolean;
  activationDate: LocalDate | null;
  oldestAvailableDataDate: LocalDate | null;
  /** Gateway UUID of the linked production PDL, if any. */
  linkedProductionPdlId: string | null;
}

export interface Contract {
  pdl: string;
  segment: string | null;
  subscribedPowerKva: number | null;
  offpeakHours: OffpeakRange[];
  distributionTariff: string | null;
  contractType: string | null;
  contractStatus: string | null;
  usagePointStatus: string | null;
  meterType: string | null;
  lastActivationDate: LocalDate | null;
  lastDistributionTariffChangeDate: LocalDate | null;
}

export interface Address {
  pdl: string;
  street: string | null;
  locality: string | null;
  postalCode: string | null;
  inseeCode: string | null;
  city: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface UsageStats {
  cachedRequests: number;
  noCacheRequests: number;
  cachedLimit: number;
  noCacheLimit: number;
  /** UTC day the counters apply to. */
  date: string;
}
