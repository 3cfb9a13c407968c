/** Which sensors exist for a snapshot: per-PDL kinds that apply, plus the global ones. Pure. */
import type { Snapshot } from '../../../sensors/snapshot/snapshot-types.js';
import { GLOBAL_ENTITIES, PDL_ENTITY_KINDS } from './entity-kinds.js';
import type { EntitySpec } from './entity-spec.js';

export function entitiesForSnapshot(snapshot: Snapshot): EntitySpec[] {
  const perPdl = snapshot.pdls.flatMap((p) => PDL_ENTITY_KINDS.filter((k) => k.when(p)).map((k) => k.build(p.pdl)));
  return [...perPdl, ...GLOBAL_ENTITIES];
}
