/**
 * Pure builders of the JSON-RPC params the exporter sends: the `eqLogic::save` of an equipment and the
 * `cmd::event` of a dated value. Jeedom deletes every command left out of `eqLogic::save` together with
 * its history, and fails (after saving the equipment row) on a new command whose name already exists, so a
 * re-save carries every existing command as Jeedom sent it, with its id: ours, the Virtual plugin's
 * `refresh`, and any the user added. A same-named command we did not create is adopted (given our
 * `logicalId`) rather than duplicated. Widget settings go only into new commands.
 */
import type { CommandDef } from './commands.js';
import type { JeedomCmd, JeedomEquipment } from './jeedom-api.js';

/** One equipment: a PDL (`med_<pdl>`) or the global Tempo and EcoWatt one (`med_rte`). */
export interface EquipmentDef {
  logicalId: string;
  name: string;
  commands: CommandDef[];
}

export interface DatedValue {
  /** Paris wall time `YYYY-MM-DD HH:MM:SS`: Jeedom stores it verbatim. */
  datetime: string;
  value: number | string;
}

export const GLOBAL_EQUIPMENT_ID = 'med_rte';
export const pdlEquipmentId = (pdl: string): string => `med_${pdl}`;

/** A command Jeedom does not have yet, with its widget and display settings. */
export function newCommand(c: CommandDef, order: number): Record<string, unknown> {
  const configuration: Record<string, unknown> = { ...c.look.configuration };
  // The nightly archive averages numeric history per hour; our values are exact meter readings.
  if (c.historized && c.subType === 'numeric') configuration.historizeMode = 'none';
  const cmd: Record<string, unknown> = {
    name: c.name,
    logicalId: c.logicalId,
    type: 'info',
    subType: c.subType,
    isHistorized: c.historized ? 1 : 0,
    isVisible: c.look.isVisible,
    order,
    template: c.look.template,
    display: c.look.display,
    configuration,
  };
  if (c.unit) cmd.unite = c.unit;
  if (c.look.generic_type) cmd.generic_type = c.look.generic_type;
  return cmd;
}

/** The `cmd` list of a save: every existing command kept (adopted when same-named), then the new ones. */
export function commandList(wanted: CommandDef[], existing: JeedomCmd[]): Record<string, unknown>[] {
  const byLogicalId = new Map(existing.map((c) => [c.logicalId, c]));
  const adopt = new Map<number, string>();
  const fresh: Record<string, unknown>[] = [];
  wanted.forEach((c, i) => {
    if (byLogicalId.has(c.logicalId)) return;
    const sameName = existing.find((e) => e.name === c.name && !adopt.has(e.id));
    if (sameName) adopt.set(sameName.id, c.logicalId);
    else fresh.push(newCommand(c, i));
  });
  const kept = existing.map((e) => (adopt.has(e.id) ? { ...e, logicalId: adopt.get(e.id) } : { ...e }));
  return [...kept, ...fresh];
}

/** `eqLogic::save` params: create (no id) or re-save (`existing`) a virtual equipment. */
export function equipmentSaveParams(
  eq: EquipmentDef,
  existing: { equipment: JeedomEquipment; cmds: JeedomCmd[] } | null,
  objectId: number | null,
): Record<string, unknown> {
  // A name the user gave the equipment in Jeedom is kept.
  const name = existing?.equipment.name || eq.name;
  const params: Record<string, unknown> = { eqType_name: 'virtual', name, logicalId: eq.logicalId };
  if (existing) params.id = existing.equipment.id;
  if (objectId !== null) params.object_id = objectId;
  else if (existing?.equipment.object_id !== undefined) params.object_id = existing.equipment.object_id;
  params.isEnable = 1;
  params.isVisible = 1;
  params.cmd = commandList(eq.commands, existing?.cmds ?? []);
  return params;
}

/** Whether the equipment must be (re-)saved: missing, a command missing, or in the wrong object. */
export function needsSave(
  eq: EquipmentDef,
  existing: { equipment: JeedomEquipment; cmds: JeedomCmd[] } | null,
  objectId: number | null,
): boolean {
  if (!existing) return true;
  if (objectId !== null && Number(existing.equipment.object_id) !== objectId) return true;
  const have = new Set(existing.cmds.map((c) => c.logicalId));
  return eq.commands.some((c) => !have.has(c.logicalId));
}

/** `cmd::event` params of one dated value. */
export function eventParams(cmdId: number, v: DatedValue): { id: number; value: number | string; datetime: string } {
  return { id: cmdId, value: v.value, datetime: v.datetime };
}
