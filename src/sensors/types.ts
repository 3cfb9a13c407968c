/**
 * The shape of the sensor catalog. A *document* is one JSON state built once per device from the
 * snapshot (`value`, `unit`, `date`, `quality` and extra fields); a *sensor* reads one field of one
 * document. Several sensors may share a document (the contract carries the subscribed power, the off-peak
 * hours, the tariff option and the contract status). An *entity* is a sensor applied to a device: a PDL,
 * or the global Tempo / EcoWatt devices. Every target (MQTT, REST states, …) only renders these.
 */
import type { LocalDate } from '../domain/types.js';
import type { PdlSnapshot, Snapshot } from './snapshot/snapshot-types.js';

export type Quality = 'complete' | 'partial' | 'missing';

/** One state document; every field besides `value` and `unit` is an attribute of its sensors. */
export interface StatePayload {
  value: string | number | null;
  unit: string | null;
  date: LocalDate | null;
  quality: Quality;
  [extra: string]: unknown;
}

export type DeviceKind = 'pdl' | 'tempo' | 'ecowatt';
export type DeviceRef = { kind: 'pdl'; pdl: string } | { kind: 'tempo' } | { kind: 'ecowatt' };

/** A document of each PDL it applies to. */
export interface PdlDocumentDef {
  device: 'pdl';
  /** Path under the PDL (`consumption/yesterday`, `contract`); the MQTT topic is derived from it (ids.ts). */
  path: string;
  /** Whether the PDL has this document, and so every sensor reading it (production only when producing…). */
  when(p: PdlSnapshot): boolean;
  build(p: PdlSnapshot, s: Snapshot): StatePayload;
}

/** A document of a global device, always present. */
export interface GlobalDocumentDef {
  device: 'tempo' | 'ecowatt';
  /** Path of the document (`tempo/today`, `ecowatt/j0`). */
  path: string;
  build(s: Snapshot): StatePayload;
}

export type DocumentDef = PdlDocumentDef | GlobalDocumentDef;

export interface Names {
  en: string;
  fr: string;
}

/** Device classes this catalog uses (Home Assistant's names, checked by `ha-sensor-rules.ts`). */
export type DeviceClass = 'energy' | 'monetary' | 'apparent_power' | 'timestamp' | 'enum';

/** One kind of sensor. A sensor applies wherever its document does. */
export interface SensorDef<D extends DocumentDef = DocumentDef> {
  /** Unique in the catalog; ids are derived from it (ids.ts). */
  key: string;
  names: Names;
  document: D;
  /** Field of the document holding the state: `value`, unless the sensor shares its document. */
  field: string;
  unit?: string;
  deviceClass?: DeviceClass;
  stateClass?: 'measurement' | 'total' | 'total_increasing';
  /** Field of the document holding the start of the current cycle (state class `total` only). */
  lastResetField?: string;
  /** The values of an `enum` sensor. */
  options?: readonly string[];
  entityCategory?: 'diagnostic';
  icon?: string;
  /** Unique-id suffix of the earlier client (V1) when it differs from `key`, kept so users keep their entities. */
  v1UniqueKey?: string;
}

export type PdlSensorDef = SensorDef<PdlDocumentDef>;
export type GlobalSensorDef = SensorDef<GlobalDocumentDef>;

/** The ids of a sensor on a device, derived from its key in one place (ids.ts). */
export interface EntityIds {
  /** Never changes once published: Home Assistant keys its entity registry on it. */
  uniqueId: string;
  /** Entity id without the `sensor.` domain. */
  objectId: string;
  /** `sensor.<objectId>`. */
  entityId: string;
  /** Topic of the document, relative to the MQTT prefix. */
  topic: string;
}

/** A sensor applied to one device. */
export type Entity = SensorDef & EntityIds & { device: DeviceRef };

/** A document built for one device. */
export interface StateDocument {
  def: DocumentDef;
  device: DeviceRef;
  /** Relative to the MQTT prefix (ids.ts). */
  topic: string;
  payload: StatePayload;
}

/** What an entity shows: the state and its attributes (the rest of its document). */
export interface EntityReading {
  entity: Entity;
  value: unknown;
  attributes: Record<string, unknown>;
}
