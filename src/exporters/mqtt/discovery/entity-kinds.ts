/**
 * The table of published sensors: one small pure builder per entity kind. Unique ids of the earlier
 * client (V1) are kept where the meaning is the same (yesterday's consumption and production, Tempo
 * colours and remaining days, EcoWatt J0..J2) so a migrating user keeps the entities.
 *
 * Energy sensors carry "yesterday" or "period so far" values published a day late: they have NO
 * `state_class` (home-assistant.md section 3, D+1 caveat); the Energy Dashboard uses imported statistics.
 */
import type { PricingOption, TempoColor } from '../../../domain/types.js';
import type { PdlSnapshot } from '../../../sensors/snapshot/snapshot-types.js';
import type { EntitySpec } from './entity-spec.js';

export interface PdlEntityKind {
  when(p: PdlSnapshot): boolean;
  build(pdl: string): EntitySpec;
}

export const PRICING_OPTIONS: readonly PricingOption[] = ['BASE', 'HC_HP', 'TEMPO', 'EJP', 'HC_WEEKEND'];
export const SYNC_STATUSES = ['ok', 'error', 'never'] as const;
const TEMPO_LABELS: Record<TempoColor, string> = { BLUE: 'bleus', WHITE: 'blancs', RED: 'rouges' };
const PERIOD_LABELS = { yesterday: 'hier', week: 'semaine', month: 'mois', year: 'année' } as const;
type Period = keyof typeof PERIOD_LABELS;

const pdlEntity = (
  pdl: string,
  kind: string,
  spec: Omit<EntitySpec, 'kind' | 'uniqueId' | 'objectId' | 'device' | 'field'> & { field?: string },
): EntitySpec => ({
  kind,
  uniqueId: `myelectricaldata_linky_${pdl}_${kind}`,
  objectId: `linky_${pdl}_${kind}`,
  field: 'value',
  device: { kind: 'pdl', pdl },
  ...spec,
});

function energyKind(direction: 'consumption' | 'production', period: Period): PdlEntityKind {
  const label = direction === 'consumption' ? 'Consommation' : 'Production';
  return {
    when: (p) => p[direction] !== null,
    build: (pdl) => ({
      ...pdlEntity(pdl, `${direction}_${period}`, {
        name: `${label} ${PERIOD_LABELS[period]}`,
        topic: `${pdl}/${direction}/${period}`,
        deviceClass: 'energy',
        unit: 'kWh',
      }),
      // V1 unique id for yesterday's value, kept for continuity.
      ...(period === 'yesterday' ? { uniqueId: `myelectricaldata_linky_${pdl}_${direction}` } : {}),
    }),
  };
}

/**
 * Cost of consumption / compensation of production, yesterday and month so far, in EUR. Home Assistant
 * allows only `total` for `monetary`; `last_reset` (start of the day / month) makes each new period a
 * new cycle, so the next day's lower value is not booked as a negative amount.
 */
function costKind(direction: 'consumption' | 'production', period: 'yesterday' | 'month'): PdlEntityKind {
  const word = direction === 'consumption' ? 'cost' : 'compensation';
  const label = direction === 'consumption' ? 'Coût consommation' : 'Revente production';
  return {
    when: (p) => p[direction]?.cost != null,
    build: (pdl) =>
      pdlEntity(pdl, `${direction}_${word}_${period}`, {
        name: `${label} ${PERIOD_LABELS[period]}`,
        topic: `${pdl}/${direction}/${word}/${period}`,
        deviceClass: 'monetary',
        stateClass: 'total',
        unit: 'EUR',
        lastResetField: 'last_reset',
      }),
  };
}

const always = (): boolean => true;

export const PDL_ENTITY_KINDS: readonly PdlEntityKind[] = [
  ...(['yesterday', 'week', 'month', 'year'] as const).map((p) => energyKind('consumption', p)),
  {
    when: (p) => p.consumption !== null,
    build: (pdl) =>
      pdlEntity(pdl, 'consumption_last_hour', {
        name: 'Consommation dernière heure relevée',
        topic: `${pdl}/consumption/last_hour`,
        deviceClass: 'energy',
        unit: 'Wh',
      }),
  },
  ...(['yesterday', 'week', 'month', 'year'] as const).map((p) => energyKind('production', p)),
  costKind('consumption', 'yesterday'),
  costKind('consumption', 'month'),
  costKind('production', 'yesterday'),
  costKind('production', 'month'),
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'max_power', {
        name: 'Puissance max',
        topic: `${pdl}/max_power`,
        deviceClass: 'apparent_power',
        unit: 'VA',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'max_power_ratio', {
        name: 'Puissance max / souscrite',
        topic: `${pdl}/max_power_ratio`,
        unit: '%',
        icon: 'mdi:gauge',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'subscribed_power', {
        name: 'Puissance souscrite',
        topic: `${pdl}/contract`,
        field: 'subscribed_power_kva',
        unit: 'kVA',
        icon: 'mdi:meter-electric',
        entityCategory: 'diagnostic',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'offpeak_hours', {
        name: 'Heures creuses',
        topic: `${pdl}/contract`,
        field: 'offpeak_hours',
        icon: 'mdi:clock-outline',
        entityCategory: 'diagnostic',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'tariff_option', {
        name: 'Option tarifaire',
        topic: `${pdl}/contract`,
        field: 'tariff_option',
        deviceClass: 'enum',
        options: [...PRICING_OPTIONS],
        entityCategory: 'diagnostic',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'contract_status', {
        name: 'Statut du contrat',
        topic: `${pdl}/contract`,
        field: 'contract_status',
        icon: 'mdi:file-document-outline',
        entityCategory: 'diagnostic',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'address', {
        name: 'Adresse',
        topic: `${pdl}/address`,
        icon: 'mdi:home-map-marker',
        entityCategory: 'diagnostic',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'last_sync', {
        name: 'Dernière synchronisation',
        topic: `${pdl}/sync`,
        deviceClass: 'timestamp',
        entityCategory: 'diagnostic',
      }),
  },
  {
    when: always,
    build: (pdl) =>
      pdlEntity(pdl, 'sync_status', {
        name: 'État de la synchronisation',
        topic: `${pdl}/sync`,
        field: 'status',
        deviceClass: 'enum',
        options: [...SYNC_STATUSES],
        entityCategory: 'diagnostic',
      }),
  },
];

const tempoColor = (day: 'today' | 'tomorrow'): EntitySpec => ({
  kind: `tempo_${day}`,
  uniqueId: `myelectricaldata_tempo_${day}`,
  objectId: `myelectricaldata_tempo_${day}`,
  name: day === 'today' ? "Couleur Tempo aujourd'hui" : 'Couleur Tempo demain',
  topic: `tempo/${day}`,
  field: 'value',
  device: { kind: 'tempo' },
  deviceClass: 'enum',
  options: ['BLUE', 'WHITE', 'RED'],
  icon: 'mdi:palette',
});

const tempoRemaining = (color: TempoColor): EntitySpec => ({
  kind: `tempo_days_${color.toLowerCase()}`,
  uniqueId: `myelectricaldata_tempo_days_${color.toLowerCase()}`,
  objectId: `myelectricaldata_tempo_days_${color.toLowerCase()}`,
  name: `Jours Tempo ${TEMPO_LABELS[color]} restants`,
  topic: `tempo/remaining/${color.toLowerCase()}`,
  field: 'value',
  device: { kind: 'tempo' },
  unit: 'd',
  icon: 'mdi:calendar-range',
});

/** V1 spelled EcoWatt unique ids with an upper-case J; kept for continuity. */
const ecowatt = (day: number): EntitySpec => ({
  kind: `ecowatt_j${day}`,
  uniqueId: `myelectricaldata_ecowatt_J${day}`,
  objectId: `myelectricaldata_ecowatt_j${day}`,
  name: `EcoWatt J${day}`,
  topic: `ecowatt/j${day}`,
  field: 'value',
  device: { kind: 'ecowatt' },
  icon: 'mdi:transmission-tower',
});

export const GLOBAL_ENTITIES: readonly EntitySpec[] = [
  tempoColor('today'),
  tempoColor('tomorrow'),
  ...(['BLUE', 'WHITE', 'RED'] as const).map(tempoRemaining),
  ...[0, 1, 2, 3].map(ecowatt),
];
