/**
 * Makes sure one equipment exists in Jeedom with every command we want, and returns the command ids by
 * `logicalId`. Nothing is unique on `logicalId` in Jeedom, so the equipment is looked up by it before
 * anything is created; when nothing is missing, nothing is written (a re-run sends no save). The save's
 * reply has no commands: they are read back with `cmd::byEqLogicId`.
 */
import type { Logger } from '../../log/logger.js';
import { type EquipmentDef, equipmentSaveParams, needsSave } from './build-requests.js';
import type { JeedomApi, JeedomCmd, JeedomEquipment } from './jeedom-api.js';

export interface EquipmentIds {
  equipmentId: number;
  saved: boolean;
  cmdIds: Map<string, number>;
  /** Commands this save created: whatever a cursor says about their id (a reinstalled Jeedom reuses ids), they hold nothing. */
  created: Set<string>;
}

const idsOf = (cmds: JeedomCmd[]): Map<string, number> => new Map(cmds.map((c) => [c.logicalId, c.id]));

export async function syncEquipment(
  api: JeedomApi,
  def: EquipmentDef,
  equipments: readonly JeedomEquipment[],
  objectId: number | null,
  logger: Logger | null,
  signal?: AbortSignal,
): Promise<EquipmentIds> {
  const matches = equipments.filter((e) => e.logicalId === def.logicalId).sort((a, b) => a.id - b.id);
  if (matches.length > 1) {
    const ids = matches.map((m) => m.id).join(', ');
    logger?.warn(
      { logicalId: def.logicalId },
      `several Jeedom equipments have logicalId ${def.logicalId} (ids ${ids}): using ${matches[0]!.id}; delete the others`,
    );
  }
  const eq = matches[0];
  const existing = eq ? { equipment: eq, cmds: await api.commandsOf(eq.id, signal) } : null;
  if (existing && !needsSave(def, existing, objectId)) {
    return { equipmentId: existing.equipment.id, saved: false, cmdIds: idsOf(existing.cmds), created: new Set() };
  }
  const id = await api.saveEquipment(equipmentSaveParams(def, existing, objectId), signal);
  logger?.info({ logicalId: def.logicalId, id }, existing ? 'Jeedom equipment updated' : 'Jeedom equipment created');
  const before = new Set(existing?.cmds.map((c) => c.id));
  const after = await api.commandsOf(id, signal);
  const created = new Set(after.filter((c) => !before.has(c.id)).map((c) => c.logicalId));
  return { equipmentId: id, saved: true, cmdIds: idsOf(after), created };
}
