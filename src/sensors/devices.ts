/** The devices sensors belong to: each Linky meter (PDL), and the global RTE Tempo and EcoWatt devices. */
import type { DeviceRef } from './types.js';

export interface DeviceInfo {
  /** Stable identifier (the PDL number, `rte_tempo`, `rte_ecowatt`). */
  id: string;
  name: string;
  manufacturer: string;
  model: string;
  /** The meter's serial number; only a Linky has one. */
  serialNumber?: string;
}

export function deviceInfo(ref: DeviceRef): DeviceInfo {
  switch (ref.kind) {
    case 'pdl':
      return { id: ref.pdl, name: `Linky ${ref.pdl}`, manufacturer: 'Enedis', model: 'Linky', serialNumber: ref.pdl };
    case 'tempo':
      return { id: 'rte_tempo', name: 'RTE Tempo', manufacturer: 'RTE', model: 'Tempo' };
    case 'ecowatt':
      return { id: 'rte_ecowatt', name: 'RTE EcoWatt', manufacturer: 'RTE', model: 'EcoWatt' };
  }
}
