/**
 * The fake Jeedom's JSON-RPC methods (exporters.md §4.1, §4.3). A method returns its result or throws
 * `RpcFailure`; empty lists are the string "ok", as Jeedom sends them.
 */
import { assign, deleteCmd, type FakeCmd, type FakeState, historyRows, newCmd } from './state.js';

export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const okIfEmpty = <T>(rows: T[]): T[] | 'ok' => (rows.length ? rows : 'ok');
const mysql = (message: string) => new RpcFailure(-32000, message);
const WALL = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/;

/** A command as Jeedom sends it: the current value of a numeric command is a number. */
function cmdOut(c: FakeCmd) {
  const value = c.subType === 'numeric' && c.value !== null ? Number(c.value) : c.value;
  return { ...c, value };
}

function equipment(s: FakeState, id: unknown) {
  const eq = s.equipments.find((e) => e.id === Number(id));
  if (!eq) throw new RpcFailure(-32699, `EqLogic introuvable : ${id}`);
  return eq;
}

function saveEquipment(s: FakeState, p: Record<string, unknown>) {
  if (p.eqType_name !== 'virtual' || !s.plugins.includes('virtual')) {
    throw mysql(`Type incorrect (classe commande inexistante) : ${String(p.eqType_name)}Cmd`);
  }
  const created = p.id === undefined;
  const eq = created
    ? {
        id: s.nextEqId++,
        name: '',
        logicalId: '',
        eqType_name: 'virtual',
        object_id: null,
        isEnable: '1',
        isVisible: '1',
        status: {},
      }
    : equipment(s, p.id);
  if (created) s.equipments.push(eq);
  for (const k of ['name', 'logicalId', 'object_id', 'isEnable', 'isVisible'] as const) {
    if (p[k] !== undefined)
      (eq as unknown as Record<string, unknown>)[k] =
        k === 'object_id' ? Number(p[k]) : typeof p[k] === 'number' ? String(p[k]) : p[k];
  }
  // The equipment row is saved; the commands follow one by one, without a transaction.
  if (!s.cmds.some((c) => c.eqLogic_id === eq.id && c.logicalId === 'refresh')) {
    newCmd(s, eq.id, { name: 'Rafraichir', logicalId: 'refresh', type: 'action', subType: 'other' });
  }
  if (Array.isArray(p.cmd)) saveCommands(s, eq.id, p.cmd as Record<string, unknown>[]);
  const { status: _status, ...row } = eq;
  // On create Jeedom sends the new id as a string.
  return { ...row, id: created ? String(eq.id) : eq.id };
}

function saveCommands(s: FakeState, eqId: number, entries: Record<string, unknown>[]) {
  const kept = new Set<number>();
  for (const entry of entries) {
    const existing =
      entry.id === undefined ? undefined : s.cmds.find((c) => c.id === Number(entry.id) && c.eqLogic_id === eqId);
    if (existing) {
      assign(existing, entry);
      kept.add(existing.id);
      continue;
    }
    if (s.cmds.some((c) => c.eqLogic_id === eqId && c.name === entry.name)) {
      throw mysql(
        `SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '${eqId}-${String(entry.name)}' for key 'unique'`,
      );
    }
    kept.add(newCmd(s, eqId, entry).id);
  }
  // Commands left out are deleted with their history; the Virtual plugin's refresh survives.
  for (const c of s.cmds.filter((x) => x.eqLogic_id === eqId && !kept.has(x.id) && x.logicalId !== 'refresh')) {
    deleteCmd(s, c.id);
  }
}

function event(s: FakeState, p: Record<string, unknown>, nowWall: string) {
  const cmd = s.cmds.find((c) => c.id === Number(p.id));
  if (!cmd) throw new RpcFailure(-32702, `Commande introuvable : ${String(p.id)}`);
  const datetime = p.datetime === undefined ? nowWall : String(p.datetime);
  // The current value and the last communication change even when the date is then refused.
  cmd.value = cmd.subType === 'numeric' ? Number(p.value) : String(p.value);
  cmd.valueDate = datetime;
  cmd.collectDate = nowWall;
  const eq = s.equipments.find((e) => e.id === cmd.eqLogic_id);
  if (eq) eq.status.lastCommunication = nowWall;
  if (!WALL.test(datetime)) {
    throw mysql(
      `SQLSTATE[22007]: Invalid datetime format: 1292 Incorrect datetime value: '${datetime}' for column 'datetime'`,
    );
  }
  if (cmd.isHistorized === '1') {
    const rows = s.history.get(cmd.id) ?? new Map<string, string>();
    rows.set(datetime.replace('T', ' '), String(p.value));
    s.history.set(cmd.id, rows);
  }
  return 'ok';
}

type Method = (s: FakeState, p: Record<string, unknown>, nowWall: string) => unknown;

export const METHODS: Record<string, Method> = {
  version: () => '4.5.3',
  'plugin::listPlugin': (s) => okIfEmpty(s.plugins.map((id) => ({ id, name: id === 'virtual' ? 'Virtuel' : id }))),
  'jeeObject::all': (s) => okIfEmpty(s.objects),
  'eqLogic::all': (s) => okIfEmpty(s.equipments.map(({ status: _s, ...e }) => e)),
  'eqLogic::byType': (s, p) =>
    okIfEmpty(s.equipments.filter((e) => e.eqType_name === p.type).map(({ status: _s, ...e }) => e)),
  'eqLogic::byId': (s, p) => equipment(s, p.id),
  'eqLogic::fullById': (s, p) => ({
    ...equipment(s, p.id),
    cmds: s.cmds.filter((c) => c.eqLogic_id === Number(p.id)).map(cmdOut),
  }),
  'eqLogic::save': saveEquipment,
  'cmd::byEqLogicId': (s, p) => okIfEmpty(s.cmds.filter((c) => c.eqLogic_id === Number(p.eqLogic_id)).map(cmdOut)),
  'cmd::event': event,
  'cmd::execCmd': (s, p) => {
    const cmd = s.cmds.find((c) => c.id === Number(p.id));
    if (!cmd) throw new RpcFailure(-32702, `Commande introuvable : ${String(p.id)}`);
    return { value: cmdOut(cmd).value, collectDate: cmd.collectDate };
  },
  'cmd::getHistory': (s, p) =>
    okIfEmpty(historyRows(s, Number(p.id), String(p.startTime ?? '0000'), String(p.endTime ?? '9999'))),
};
