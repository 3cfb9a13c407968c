/**
 * Typed one-line calls on top of the JSON-RPC transport, with Jeedom's answer shapes normalised: empty
 * lists come back as the string "ok", ids as strings or numbers, history values as strings.
 */
import { JeedomError } from './jeedom-errors.js';
import { JsonRpcClient, noVirtualPlugin, type RpcOptions } from './jsonrpc-client.js';

export interface JeedomObject {
  id: number;
  name: string;
}

export interface JeedomEquipment {
  id: number;
  name: string;
  logicalId: string;
  eqType_name: string;
  [field: string]: unknown;
}

export interface JeedomCmd {
  id: number;
  name: string;
  logicalId: string;
  type: string;
  [field: string]: unknown;
}

export interface HistoryRow {
  datetime: string;
  value: number | string;
}

/** `"ok"` (Jeedom's empty answer) or anything but an array is an empty list. */
export function asList<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : [];
}

const withNumericId = <T extends { id: unknown }>(row: T): T & { id: number } => ({ ...row, id: Number(row.id) });

export class JeedomApi {
  private readonly rpc: JsonRpcClient;

  constructor(options: RpcOptions) {
    this.rpc = new JsonRpcClient(options);
  }

  version(signal?: AbortSignal): Promise<unknown> {
    return this.rpc.call('version', {}, signal);
  }

  /** Throws `JEEDOM_NO_VIRTUAL_PLUGIN` when "virtual" is not an active plugin; silent if Jeedom cannot say. */
  async requireVirtualPlugin(signal?: AbortSignal): Promise<void> {
    let plugins: { id?: unknown }[];
    try {
      plugins = asList(await this.rpc.call('plugin::listPlugin', { activateOnly: 1 }, signal));
    } catch (err) {
      if (err instanceof JeedomError && err.code === 'JEEDOM_RPC_ERROR') return;
      throw err;
    }
    if (!plugins.some((p) => p.id === 'virtual')) throw noVirtualPlugin();
  }

  async objects(signal?: AbortSignal): Promise<JeedomObject[]> {
    return asList<JeedomObject>(await this.rpc.call('jeeObject::all', {}, signal)).map(withNumericId);
  }

  async virtualEquipments(signal?: AbortSignal): Promise<JeedomEquipment[]> {
    const rows = asList<JeedomEquipment>(await this.rpc.call('eqLogic::byType', { type: 'virtual' }, signal));
    return rows.map(withNumericId);
  }

  /** The saved equipment's id (a string on create, a number otherwise). Its commands are not in the reply. */
  async saveEquipment(params: Record<string, unknown>, signal?: AbortSignal): Promise<number> {
    const saved = (await this.rpc.call('eqLogic::save', params, signal)) as { id?: unknown } | null;
    const id = Number(saved?.id);
    if (!Number.isFinite(id))
      throw new JeedomError('JEEDOM_RPC_ERROR', 'Jeedom saved the equipment but sent no id back.');
    return id;
  }

  async commandsOf(eqLogicId: number, signal?: AbortSignal): Promise<JeedomCmd[]> {
    const rows = asList<JeedomCmd>(await this.rpc.call('cmd::byEqLogicId', { eqLogic_id: eqLogicId }, signal));
    return rows.map(withNumericId);
  }

  async event(params: { id: number; value: number | string; datetime: string }, signal?: AbortSignal): Promise<void> {
    await this.rpc.call('cmd::event', params, signal);
  }

  async history(id: number, startTime: string, endTime: string, signal?: AbortSignal): Promise<HistoryRow[]> {
    return asList<HistoryRow>(await this.rpc.call('cmd::getHistory', { id, startTime, endTime }, signal));
  }
}
