/**
 * From the price settings to the tariff engine's `Prices`, and the checks that only make sense across
 * them (a chosen tariff needs its prices), each naming the setting and the fix.
 */
import type { Config, PricePeriodSetting } from '../config/settings.js';
import { envName } from '../config/settings.js';
import type { DatedPrices, PriceFields } from '../domain/dated-prices.js';
import type { Prices, TariffKind } from '../domain/tariff.js';
import { TEMPO_PERIODS, type TempoPeriod } from '../domain/tariff-period.js';

type PriceSettings = Omit<PricePeriodSetting, 'from'>;

const tempoKey = (p: TempoPeriod) => `price_tempo_${p}_kwh` as const;

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function fieldsOf(s: PriceSettings): PriceFields {
  const tempo = defined(Object.fromEntries(TEMPO_PERIODS.map((p) => [p, s[tempoKey(p)]])));
  return defined({
    baseKwh: s.price_base_kwh,
    hcKwh: s.price_hc_kwh,
    hpKwh: s.price_hp_kwh,
    productionKwh: s.price_production_kwh,
    subscriptionEurMonth: s.subscription_eur_month,
    tempo: Object.keys(tempo).length ? tempo : undefined,
  });
}

/** The configured prices, for the tariff engine (`domain/tariff.ts`); unset prices stay absent. */
export function pricesOf(config: Config): Prices {
  const dated: DatedPrices[] = (config.prices ?? []).map((p) => ({ from: p.from, ...fieldsOf(p) }));
  return defined({ ...fieldsOf(config), tariff: config.tariff, dated: dated.length ? dated : undefined });
}

const NEEDS: Record<TariffKind, string[]> = {
  base: ['price_base_kwh'],
  hc_hp: ['price_hc_kwh', 'price_hp_kwh'],
  tempo: TEMPO_PERIODS.map(tempoKey),
};

/** A price is known when the simple setting or some `prices` period sets it. */
function knows(config: Config, key: string): boolean {
  const has = (o: object) => (o as Record<string, unknown>)[key] !== undefined;
  return has(config) || (config.prices ?? []).some(has);
}

export function tariffProblems(config: Config): string[] {
  const kind = config.tariff;
  if (!kind) return [];
  return NEEDS[kind]
    .filter((key) => !knows(config, key))
    .map(
      (key) =>
        `${envName('tariff')}: the ${kind} tariff needs ${envName(key)}, which is not set: set ${envName(key)} (or ${key} in a prices period), or choose another tariff`,
    );
}
