/**
 * The default simulated account: five usage points covering the shapes a client must handle (see README).
 * Activation dates are relative to "today" when the simulator starts, so the history is always 3 years deep,
 * except the new house activated about 14 months ago (before-activation paths).
 */
import { addDays, addYears } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import { hash32, mulberry32, uuidFrom } from './rng.js';
import type { PdlSpec } from './types.js';

export const PRM = {
  house: '09111642617347',
  newHouse: '09222753728458',
  newHouseSolar: '09333864839569',
  solarFarm: '09444975940670',
  oldFlat: '09555086051781',
} as const;

const HC_22_6 = [{ start: '22:00', end: '06:00' }];

function base(id: string, prm: string, today: LocalDate): PdlSpec {
  return {
    id,
    usagePointId: prm,
    name: '',
    profile: 'standard',
    scale: 1,
    hasConsumption: true,
    hasProduction: false,
    isActive: true,
    activationDate: addDays(addYears(today, -6), -40),
    subscribedPowerKva: 6,
    pricingOption: 'BASE',
    offpeakHours: null,
    contractOffpeak: null,
    offpeakRanges: [],
    linkedProductionPdlId: null,
    displayOrder: null,
    createdAt: '2024-01-15T09:12:44.123456+00:00',
    intervalMinutes: 30,
    intervalChanges: [],
    curveEnabled: true,
    publicationDelayDays: 0,
    city: 'LYON',
    postalCode: '69003',
    inseeCode: '69383',
    street: '12 RUE DES LILAS',
    latitude: 45.7597,
    longitude: 4.8422,
  };
}

export function defaultPdlSpecs(seed: number, today: LocalDate): PdlSpec[] {
  const rnd = mulberry32(hash32(seed, 4242));
  const ids = Array.from({ length: 5 }, () => uuidFrom(rnd));
  const newActivation = addDays(addYears(today, -1), -61);
  const house: PdlSpec = {
    ...base(ids[0]!, PRM.house, today),
    name: 'Maison',
    profile: 'heating',
    scale: 1.5,
    subscribedPowerKva: 9,
    pricingOption: 'HC_HP',
    offpeakHours: ['22:00-06:00'],
    contractOffpeak: 'HC (22H00-6H00)',
    offpeakRanges: HC_22_6,
    displayOrder: 1,
  };
  const newHouse: PdlSpec = {
    ...base(ids[1]!, PRM.newHouse, today),
    name: 'Maison neuve',
    scale: 1.2,
    activationDate: newActivation,
    subscribedPowerKva: 6,
    pricingOption: 'HC_HP',
    offpeakHours: { ranges: ['22:00-06:00', '12:00-14:00'] },
    contractOffpeak: 'HC (22H00-6H00;12H00-14H00)',
    offpeakRanges: [...HC_22_6, { start: '12:00', end: '14:00' }],
    linkedProductionPdlId: ids[2]!,
    displayOrder: 2,
    city: 'NANTES',
    postalCode: '44000',
    inseeCode: '44109',
    street: '3 IMPASSE DU SOLEIL',
    latitude: 47.2184,
    longitude: -1.5536,
  };
  const newHouseSolar: PdlSpec = {
    ...newHouse,
    id: ids[2]!,
    usagePointId: PRM.newHouseSolar,
    name: 'Maison neuve - panneaux',
    profile: 'solar',
    scale: 3,
    hasConsumption: false,
    hasProduction: true,
    subscribedPowerKva: null,
    pricingOption: null,
    offpeakHours: null,
    contractOffpeak: null,
    offpeakRanges: [],
    linkedProductionPdlId: null,
    displayOrder: 3,
  };
  const solarFarm: PdlSpec = {
    ...base(ids[3]!, PRM.solarFarm, today),
    name: 'Hangar photovoltaïque',
    profile: 'solar',
    scale: 9,
    hasConsumption: false,
    hasProduction: true,
    subscribedPowerKva: null,
    pricingOption: null,
    publicationDelayDays: 1,
    city: 'AVIGNON',
    postalCode: '84000',
    inseeCode: '84007',
    street: 'CHEMIN DES VIGNES',
    latitude: 43.9493,
    longitude: 4.8055,
  };
  const oldFlat: PdlSpec = {
    ...base(ids[4]!, PRM.oldFlat, today),
    name: 'Ancien appartement',
    isActive: false,
    offpeakHours: { default: 'HC (23H00-7H00)' },
    city: 'PARIS',
    postalCode: '75011',
    inseeCode: '75111',
  };
  return [house, newHouse, newHouseSolar, solarFarm, oldFlat];
}
