/**
 * The sensor catalog (src/sensors) as JSON for the Home Assistant integration: the devices and every
 * entity with its current value, the same set MQTT discovery announces, plus the program-wide values the
 * integration shows as diagnostics (last run, newest day held per PDL, gateway quota, problem). Pure: it
 * renders the catalog and the status, it does not describe sensors of its own.
 */
import { addDays } from '../../domain/time.js';
import type { LocalDate } from '../../domain/types.js';
import { deviceInfo } from '../../sensors/devices.js';
import { readEntities } from '../../sensors/entities.js';
import type { Snapshot } from '../../sensors/snapshot/snapshot-types.js';
import type { DeviceRef, EntityReading } from '../../sensors/types.js';
import type { StatusJson } from '../status-json.js';

export interface DeviceJson {
  id: string;
  name: string;
  manufacturer: string;
  model: string;
  serial_number: string | null;
  /** The PDL a Linky device is for; null for Tempo and EcoWatt. */
  pdl: string | null;
}

function deviceJson(ref: DeviceRef, s: Snapshot): DeviceJson {
  const d = deviceInfo(ref);
  // `pdl_names` (or the account's name) names the meter; the catalog's name is the fallback.
  const named = ref.kind === 'pdl' ? s.pdls.find((p) => p.pdl === ref.pdl)?.name : null;
  return {
    id: d.id,
    name: named ? `Linky ${named}` : d.name,
    manufacturer: d.manufacturer,
    model: d.model,
    serial_number: d.serialNumber ?? null,
    pdl: ref.kind === 'pdl' ? ref.pdl : null,
  };
}

export function sensorJson({ entity, value, attributes }: EntityReading) {
  return {
    unique_id: entity.uniqueId,
    key: entity.key,
    device_id: deviceInfo(entity.device).id,
    names: entity.names,
    value: value === undefined ? null : value,
    attributes,
    unit: entity.unit ?? null,
    device_class: entity.deviceClass ?? null,
    state_class: entity.stateClass ?? null,
    options: entity.options ? [...entity.options] : null,
    entity_category: entity.entityCategory ?? null,
    icon: entity.icon ?? null,
  };
}

export type SensorJson = ReturnType<typeof sensorJson>;

/** What `/api/status` says, reduced to the integration's diagnostic entities. */
function diagnosticsJson(status: StatusJson) {
  const failing = status.lastRun.ok === false || status.lastError !== null;
  // An exporter in error (Home Assistant statistics, MQTT, VictoriaMetrics…) is a problem too.
  const broken = status.exporters.find((e) => e.state === 'error');
  return {
    last_run_finished_at: status.lastRun.finishedAt,
    last_run_ok: status.lastRun.ok,
    problem: failing || broken !== undefined,
    problem_code: status.lastError?.code ?? (broken ? 'EXPORTER_ERROR' : null),
    /** The gateway refused the client id / secret: the integration raises a repair issue. */
    credentials_refused: status.lastError?.code === 'GATEWAY_AUTH',
    problem_message: status.lastError?.message ?? (broken ? `exporter ${broken.name}: ${broken.lastError}` : null),
    quota: status.quota,
    newest_day: Object.fromEntries(
      status.pdls.map((p) => {
        const ends = p.streams.map((st) => st.dataRange?.end).filter((e): e is string => typeof e === 'string');
        // Ranges end exclusive: the newest day held is the day before the latest end.
        return [p.pdl, ends.length ? addDays(ends.sort().at(-1)! as LocalDate, -1) : null];
      }),
    ),
  };
}

export function sensorsJson(snapshot: Snapshot, status: StatusJson, version: string) {
  const readings = readEntities(snapshot);
  const devices = new Map<string, DeviceJson>();
  for (const r of readings) {
    const d = deviceJson(r.entity.device, snapshot);
    devices.set(d.id, d);
  }
  return {
    version,
    taken_at: new Date(snapshot.takenAt).toISOString(),
    devices: [...devices.values()],
    sensors: readings.map(sensorJson),
    diagnostics: diagnosticsJson(status),
  };
}

export type SensorsJson = ReturnType<typeof sensorsJson>;
