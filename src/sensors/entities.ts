/**
 * The catalog applied to a snapshot: which entities exist (each sensor on each device it applies to),
 * their documents, and what each entity shows. Pure. Each document is built once; an entity finds its
 * document by its definition and device, never by a topic string.
 */
import { GLOBAL_DOCUMENTS, GLOBAL_SENSORS, PDL_DOCUMENTS, PDL_SENSORS } from './catalog.js';
import { documentTopic, entityIds } from './ids.js';
import type { PdlSnapshot, Snapshot } from './snapshot/snapshot-types.js';
import type {
  DeviceRef,
  DocumentDef,
  Entity,
  EntityReading,
  GlobalDocumentDef,
  PdlDocumentDef,
  SensorDef,
  StateDocument,
  StatePayload,
} from './types.js';

const pdlDevice = (p: PdlSnapshot): DeviceRef => ({ kind: 'pdl', pdl: p.pdl });
const globalDevice = (d: GlobalDocumentDef): DeviceRef => ({ kind: d.device });

function entity(sensor: SensorDef, device: DeviceRef): Entity {
  return { ...sensor, ...entityIds(sensor, device), device };
}

/** Every entity of a snapshot: per PDL the sensors that apply to it, then the global ones. */
export function entitiesForSnapshot(s: Snapshot): Entity[] {
  const perPdl = s.pdls.flatMap((p) =>
    PDL_SENSORS.filter((k) => k.document.when(p)).map((k) => entity(k, pdlDevice(p))),
  );
  return [...perPdl, ...GLOBAL_SENSORS.map((k) => entity(k, globalDevice(k.document)))];
}

function stateDocument(def: DocumentDef, device: DeviceRef, payload: StatePayload): StateDocument {
  return { def, device, topic: documentTopic(def, device), payload };
}

const applying = (p: PdlSnapshot): PdlDocumentDef[] => PDL_DOCUMENTS.filter((d) => d.when(p));

/** Every document of a snapshot, in publishing order. */
export function documentsForSnapshot(s: Snapshot): StateDocument[] {
  const perPdl = s.pdls.flatMap((p) => applying(p).map((d) => stateDocument(d, pdlDevice(p), d.build(p, s))));
  return [...perPdl, ...GLOBAL_DOCUMENTS.map((d) => stateDocument(d, globalDevice(d), d.build(s)))];
}

/** What an entity shows, given its document's payload: one field as the state, the rest as attributes. */
export function reading(entity: Entity, payload: StatePayload): EntityReading {
  const { value: _value, unit: _unit, ...attributes } = payload;
  return { entity, value: payload[entity.field], attributes };
}

/** Every entity of a snapshot with what it shows, in the order of `entitiesForSnapshot`. */
export function readEntities(s: Snapshot): EntityReading[] {
  const perPdl = s.pdls.flatMap((p) => {
    const payloads = new Map(applying(p).map((d) => [d, d.build(p, s)] as const));
    return PDL_SENSORS.filter((k) => payloads.has(k.document)).map((k) =>
      reading(entity(k, pdlDevice(p)), payloads.get(k.document)!),
    );
  });
  const global = new Map(GLOBAL_DOCUMENTS.map((d) => [d, d.build(s)] as const));
  return [
    ...perPdl,
    ...GLOBAL_SENSORS.map((k) => reading(entity(k, globalDevice(k.document)), global.get(k.document)!)),
  ];
}

/** What one entity shows in a snapshot (its document built alone); null when the entity does not apply. */
export function readEntity(e: Entity, s: Snapshot): EntityReading | null {
  const doc = e.document;
  if (doc.device !== 'pdl') return reading(e, doc.build(s));
  const device = e.device;
  const p = device.kind === 'pdl' ? s.pdls.find((x) => x.pdl === device.pdl) : undefined;
  return p && doc.when(p) ? reading(e, doc.build(p, s)) : null;
}
