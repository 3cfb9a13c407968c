/**
 * The fake Jeedom's database (exporters.md §4.3): objects, virtual equipments, commands and history, as
 * plain data that outlives a restart of the server. Commands' current values are numbers, history values
 * strings; same (command, datetime) replaces; nothing is unique on `logicalId`.
 */
export interface FakeCmd {
  id: number;
  eqLogic_id: number;
  eqType: string;
  name: string;
  logicalId: string;
  type: 'info' | 'action';
  subType: string;
  unite: string;
  isHistorized: string;
  isVisible: string;
  order: string;
  generic_type: string;
  template: Record<string, unknown>;
  display: Record<string, unknown>;
  configuration: Record<string, unknown>;
  /** Current value (numeric commands: a number). */
  value: number | string | null;
  valueDate: string | null;
  collectDate: string | null;
}

export interface FakeEquipment {
  id: number;
  name: string;
  logicalId: string;
  eqType_name: string;
  object_id: number | null;
  isEnable: string;
  isVisible: string;
  status: { lastCommunication?: string };
}

export interface FakeState {
  apiKey: string;
  /** The Virtual plugin's own key (HTTP fallback). */
  virtualKey: string;
  plugins: string[];
  objects: { id: number; name: string }[];
  equipments: FakeEquipment[];
  cmds: FakeCmd[];
  /** cmd id → datetime → value as text. */
  history: Map<number, Map<string, string>>;
  nextEqId: number;
  nextCmdId: number;
  /** Every request's method (JSON-RPC) or `http:<type>` (fallback), in order. */
  log: { method: string; params: Record<string, unknown> }[];
}

export function freshState(over: Partial<FakeState> = {}): FakeState {
  return {
    apiKey: 'core-key',
    virtualKey: 'virtual-key',
    plugins: ['virtual'],
    objects: [],
    equipments: [],
    cmds: [],
    history: new Map(),
    nextEqId: 1,
    nextCmdId: 1,
    log: [],
    ...over,
  };
}

export function newCmd(s: FakeState, eqId: number, fields: Record<string, unknown>): FakeCmd {
  const cmd: FakeCmd = {
    id: s.nextCmdId++,
    eqLogic_id: eqId,
    eqType: 'virtual',
    name: '',
    logicalId: '',
    type: 'info',
    subType: 'string',
    unite: '',
    isHistorized: '0',
    isVisible: '1',
    order: '0',
    generic_type: '',
    template: {},
    display: {},
    configuration: {},
    value: null,
    valueDate: null,
    collectDate: null,
  };
  assign(cmd, fields);
  s.cmds.push(cmd);
  return cmd;
}

/** Jeedom's `utils::a2o`: copies the given fields, merging objects; ids and owners are not reassigned. */
export function assign(cmd: FakeCmd, fields: Record<string, unknown>): void {
  const target = cmd as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'id' || k === 'eqLogic_id' || k === 'value') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) target[k] = { ...(target[k] as object), ...v };
    else target[k] = typeof v === 'number' ? String(v) : v;
  }
}

/** Deletes a command and its history (what an `eqLogic::save` that leaves it out does). */
export function deleteCmd(s: FakeState, id: number): void {
  s.cmds = s.cmds.filter((c) => c.id !== id);
  s.history.delete(id);
}

/** History rows of a command as `cmd::getHistory` sends them (strings), oldest first. */
export function historyRows(s: FakeState, id: number, from: string, to: string) {
  const rows = [...(s.history.get(id) ?? new Map<string, string>())]
    .filter(([t]) => t >= from && t <= to)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return rows.map(([datetime, value]) => ({ cmd_id: String(id), datetime, value }));
}

/**
 * Jeedom's nightly archive: numeric history older than 2 h is averaged per hour (one row at the hour) and
 * reformatted (`"12340000.000000000"`), unless the command's `historizeMode` is `none`.
 */
export function archive(s: FakeState, before: string): void {
  for (const cmd of s.cmds) {
    if (cmd.subType !== 'numeric' || cmd.configuration.historizeMode === 'none') continue;
    const rows = s.history.get(cmd.id);
    if (!rows) continue;
    const hours = new Map<string, number[]>();
    for (const [t, v] of rows) {
      if (t >= before) continue;
      rows.delete(t);
      const hour = `${t.slice(0, 13)}:00:00`;
      hours.set(hour, [...(hours.get(hour) ?? []), Number(v)]);
    }
    for (const [hour, vs] of hours) rows.set(hour, (vs.reduce((a, b) => a + b, 0) / vs.length).toFixed(9));
  }
}
