/** The sync state of a PDL: when it last succeeded, and whether its streams are failing. */
import { parisDate, parisIso } from '../../domain/time.js';
import type { PdlSnapshot } from '../snapshot/snapshot-types.js';
import type { PdlDocumentDef, PdlSensorDef, StatePayload } from '../types.js';

export const SYNC_STATUSES = ['ok', 'error', 'never'] as const;

export function syncPayload(pdl: PdlSnapshot): StatePayload {
  const s = pdl.sync;
  return {
    value: s.lastSuccessAt === null ? null : parisIso(s.lastSuccessAt),
    unit: null,
    date: s.lastSuccessAt === null ? null : parisDate(s.lastSuccessAt),
    quality: s.lastSuccessAt === null ? 'missing' : 'complete',
    status: s.status,
    error: s.lastError,
  };
}

const syncDocument: PdlDocumentDef = { device: 'pdl', path: 'sync', when: () => true, build: syncPayload };

export const SYNC = {
  document: syncDocument,
  sensors: [
    {
      key: 'last_sync',
      names: { en: 'Last sync', fr: 'Dernière synchronisation' },
      document: syncDocument,
      field: 'value',
      deviceClass: 'timestamp',
      entityCategory: 'diagnostic',
    },
    {
      key: 'sync_status',
      names: { en: 'Sync status', fr: 'État de la synchronisation' },
      document: syncDocument,
      field: 'status',
      deviceClass: 'enum',
      options: SYNC_STATUSES,
      entityCategory: 'diagnostic',
    },
  ] satisfies PdlSensorDef[],
};
