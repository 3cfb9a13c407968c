/** Everything the sensor catalog (src/sensors) publishes, read from the store in one go. Pure data. */

import type { TempoPriceNow } from '../../domain/tariff.js';
import type { TempoPeriod } from '../../domain/tempo-day.js';
import type {
  Address,
  Contract,
  DateRange,
  Direction,
  EcoWattSignal,
  LocalDate,
  MaxPower,
  OffpeakRange,
  PricingOption,
  TempoColor,
} from '../../domain/types.js';
import type { PeriodCost } from './period-cost.js';
import type { PeriodEnergy } from './period-energy.js';

export interface DirectionSnapshot {
  direction: Direction;
  yesterday: PeriodEnergy;
  week: PeriodEnergy;
  month: PeriodEnergy;
  year: PeriodEnergy;
  /** Cost (consumption) or compensation (production); null when no price is configured. */
  cost: CostSnapshot | null;
}

export interface CostSnapshot {
  yesterday: PeriodCost;
  month: PeriodCost;
  year: PeriodCost;
}

export interface LastHour {
  /** UTC instant the hour starts (a whole Paris hour). */
  start: number;
  wh: number;
  minutesCovered: number;
}

export interface SyncSnapshot {
  lastSuccessAt: number | null;
  status: 'ok' | 'error' | 'never';
  lastError: string | null;
}

export interface PdlSnapshot {
  pdl: string;
  name: string | null;
  consumption: DirectionSnapshot | null;
  production: DirectionSnapshot | null;
  lastHour: LastHour | null;
  maxPower: MaxPower | null;
  subscribedPowerKva: number | null;
  offpeakHours: OffpeakRange[];
  pricingOption: PricingOption | null;
  contract: Contract | null;
  address: Address | null;
  sync: SyncSnapshot;
}

export interface TempoSnapshot {
  /** The Tempo day in force (06:00 → 06:00 Paris: the previous calendar day before 06:00). */
  day: LocalDate;
  /** Colour of the Tempo day in force, and of the next one (null until RTE publishes it). */
  today: TempoColor | null;
  tomorrow: TempoColor | null;
  /** The period in force (HC 22:00–06:00, HP 06:00–22:00) and when it ends (epoch ms). */
  period: TempoPeriod;
  periodEndsAt: number;
  /** The season of the Tempo day in force (1 September → 31 August, end exclusive). */
  season: DateRange;
  /** Days of each colour in the season: quota, held so far (tomorrow's included once published), left. */
  quota: Record<TempoColor, number>;
  used: Record<TempoColor, number>;
  remaining: Record<TempoColor, number>;
  /** Days of the season up to the day in force that the store lacks (the counts are then too high). */
  daysUnknown: number;
  /** The Tempo price in force (tariff engine): null when today's colour or that price is unknown. */
  price: TempoPriceNow | null;
}

/** EcoWatt days in a snapshot: today and the next three (the catalog has one sensor per day). */
export const ECOWATT_DAYS = 4;

export interface Snapshot {
  /** When the snapshot was taken (epoch ms) and the Paris day it was taken on. */
  takenAt: number;
  today: LocalDate;
  pdls: PdlSnapshot[];
  tempo: TempoSnapshot;
  /** EcoWatt for today and the next three days (index 0 = today); null where unknown. */
  ecowatt: (EcoWattSignal | null)[];
}
