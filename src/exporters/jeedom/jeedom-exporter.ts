/**
 * Jeedom exporter: one virtual equipment per PDL (`med_<pdl>`) and one for Tempo and EcoWatt (`med_rte`),
 * with the catalog's commands, and every stored value pushed with its real date (`cmd::event` with a
 * Paris wall-time `datetime`), oldest first: the whole history on the first run, then only what is new or
 * what the sync changed (a cursor per command, the changed days from `data-changed`). Built on the
 * exporter kit (`../kit/`): serial runs, status, retry with back-off. A refused key or a ban closes the
 * login gate for one back-off step, so Jeedom never sees more than one failed login per step.
 */

import type { DateRange } from '../../domain/types.js';
import { errorMessage } from '../../errors/app-error.js';
import { deviceInfo } from '../../sensors/devices.js';
import { readEntities } from '../../sensors/entities.js';
import { readSnapshot } from '../../sensors/snapshot/read-snapshot.js';
import type { EntityReading } from '../../sensors/types.js';
import type { StoredUsagePoint } from '../../store/repository.js';
import type { DataChangedEvent } from '../../sync/events.js';
import { ServedMarks } from '../kit/dirty-marks.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../kit/kit-exporter.js';
import { type EquipmentDef, GLOBAL_EQUIPMENT_ID, pdlEquipmentId } from './build-requests.js';
import { commandValues } from './command-values.js';
import { type CommandDef, globalCommands, pdlCommands } from './commands.js';
import { changedRanges, DIRTY, markDirty, streamOf } from './dirty-days.js';
import { JeedomApi } from './jeedom-api.js';
import { jeedomCode, LOGIN_FAILURES } from './jeedom-errors.js';
import { LoginGate } from './login-gate.js';
import type { JeedomExporterOptions } from './options.js';
import { parseCursor, planPush, readSince } from './plan-push.js';
import { cmdCursorKey, EXPORTER_NAME, pushPlan } from './push-values.js';
import { resolveObject } from './resolve-object.js';
import { syncEquipment } from './sync-equipment.js';

interface Device {
  def: EquipmentDef;
  point: StoredUsagePoint | null;
  readings: Map<string, EntityReading>;
}

export class JeedomExporter extends KitExporter {
  readonly api: JeedomApi;
  private readonly gate: LoginGate;
  private gated = false;
  /** The failure last logged: the same failure again (every retry) is not logged again. */
  private lastLogged: string | null = null;
  private dirtyWrites: Promise<void> = Promise.resolve();

  constructor(private readonly options: JeedomExporterOptions) {
    super({ name: EXPORTER_NAME, retryDelaysMs: options.retryDelaysMs });
    this.api = new JeedomApi({
      url: options.url,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    });
    this.gate = new LoginGate(options.retryDelaysMs);
  }

  protected async connect(): Promise<void> {
    this.subscribe('data-changed', (e) => this.noteChanged(e));
    this.subscribe('sync-finished', () => void this.run('sync-finished'));
    // Not awaited: a first export of the whole history takes minutes.
    void this.run('start');
  }

  protected async exportOnce(run: ExportRun): Promise<Record<string, unknown>> {
    const now = run.context.clock.now();
    const blocked = this.gate.blocked(now);
    this.gated = blocked !== null;
    if (blocked) throw blocked;
    try {
      const result = await this.exportAll(run);
      this.gate.succeeded();
      if (this.lastLogged) this.logger?.info('Jeedom export works again');
      this.lastLogged = null;
      return result;
    } catch (err) {
      if (LOGIN_FAILURES.has(jeedomCode(err) ?? '')) this.gate.failed(err as Error, now);
      throw err;
    }
  }

  /**
   * One line per failure (the same failure retried is not logged again); a run that the login gate kept
   * from calling Jeedom leaves the armed retry alone.
   */
  protected onFailure(err: unknown, run: ExportRun): FailureVerdict {
    if (this.gated) {
      this.logger?.debug({ reason: run.reason }, 'Jeedom: waiting for the back-off step before asking again');
      return 'no-retry';
    }
    const message = errorMessage(err);
    if (message !== this.lastLogged) this.logger?.error({ code: jeedomCode(err), reason: run.reason }, message);
    else this.logger?.debug({ reason: run.reason }, message);
    this.lastLogged = message;
    return 'retry';
  }

  protected override async disconnect(): Promise<void> {
    await this.dirtyWrites;
  }

  private noteChanged(e: DataChangedEvent): void {
    const store = this.context?.store;
    if (!store) return;
    this.dirtyWrites = this.dirtyWrites
      .then(() => markDirty(store, e.pdl, e.stream, e.range))
      .catch((err) => this.logger?.warn({ err: errorMessage(err) }, 'could not record changed days'));
  }

  private async exportAll(run: ExportRun): Promise<Record<string, unknown>> {
    await this.dirtyWrites;
    const { signal } = run;
    await this.api.requireVirtualPlugin(signal);
    const objectId = this.options.object ? resolveObject(this.options.object, await this.api.objects(signal)) : null;
    const devices = await this.devices(run);
    const equipments = await this.api.virtualEquipments(signal);
    const marks = new ServedMarks(run.context.store, DIRTY);
    let saved = 0;
    let values = 0;
    for (const device of devices) {
      const ids = await syncEquipment(this.api, device.def, equipments, objectId, this.logger, signal);
      if (ids.saved) saved++;
      for (const c of device.def.commands) {
        const cmdId = ids.cmdIds.get(c.logicalId);
        if (cmdId !== undefined)
          values += await this.pushCommand(run, device, c, cmdId, marks, ids.created.has(c.logicalId));
      }
    }
    await marks.clear();
    return { equipments: devices.length, saved, values };
  }

  private async devices(run: ExportRun): Promise<Device[]> {
    const { store } = run.context;
    const snapshot = await readSnapshot(store, run.startedAt, this.options.prices);
    const readings = readEntities(snapshot);
    const byDevice = (id: string) =>
      new Map(readings.filter((r) => deviceKey(r) === id).map((r) => [r.entity.key, r] as const));
    const points = await store.listUsagePoints();
    const perPdl = snapshot.pdls.map((p) => ({
      def: {
        logicalId: pdlEquipmentId(p.pdl),
        name: deviceInfo({ kind: 'pdl', pdl: p.pdl }).name,
        commands: pdlCommands(p),
      },
      point: points.find((x) => x.pdl === p.pdl) ?? null,
      readings: byDevice(p.pdl),
    }));
    const global = { logicalId: GLOBAL_EQUIPMENT_ID, name: 'RTE Tempo EcoWatt', commands: globalCommands() };
    return [...perPdl, { def: global, point: null, readings: byDevice('') }];
  }

  /** Pushes what a command lacks; `created` (by this run's save): it lacks everything. */
  private async pushCommand(
    run: ExportRun,
    d: Device,
    c: CommandDef,
    cmdId: number,
    marks: ServedMarks<DateRange[]>,
    created: boolean,
  ): Promise<number> {
    const { store } = run.context;
    const stream = streamOf(c.source, d.point?.pdl ?? '');
    const dirty = stream ? await changedRanges(marks, stream.pdl, stream.stream) : [];
    const cursor = created ? null : parseCursor(await store.getCursor(EXPORTER_NAME, cmdCursorKey(cmdId)));
    const since = readSince(cursor, dirty);
    const ctx = { store, point: d.point, reading: d.readings.get(c.logicalId), nowMs: run.startedAt, since };
    const plan = planPush(await commandValues(c, ctx), cursor, dirty, this.options.history);
    if (plan.length === 0) return 0;
    await pushPlan(this.api, store, cmdId, plan, cursor, this.options, run.signal);
    return plan.length;
  }
}

/** The PDL of a reading's device, '' for the global Tempo and EcoWatt devices. */
function deviceKey(r: EntityReading): string {
  return r.entity.device.kind === 'pdl' ? r.entity.device.pdl : '';
}
