/** `med-local status` text: what is held per stream, contract and address included. */
import { formatStatus } from '../../src/app/format-status.js';
import type { StreamStatus, SyncStatus } from '../../src/sync/status.js';
import { idleStatus, streamStatus } from '../api/fixtures.js';

const stream = (name: StreamStatus['stream'], over: Partial<StreamStatus> = {}): StreamStatus =>
  streamStatus(name, over);

it('says contract and address are stored once fetched, and "no data" before', () => {
  const status: SyncStatus = idleStatus();
  status.pdls = [
    {
      pdl: '12345678901234',
      name: 'Maison',
      isActive: true,
      hasConsumption: true,
      hasProduction: false,
      selected: true,
      streams: [
        stream('consumption_daily', { dataRange: { start: '2026-11-01', end: '2026-11-04' }, lastSuccessAt: 1 }),
        stream('contract', { lastSuccessAt: Date.UTC(2026, 10, 27, 6) }),
        stream('address'),
      ],
    },
  ];
  const text = formatStatus(status, '/data');
  expect(text).toMatch(/consumption_daily +2026-11-01 → 2026-11-04 \(excl\.\)/);
  expect(text).toMatch(/contract +stored, refreshed daily; last success 2026-11-27 07:00/);
  expect(text).toMatch(/address +no data; last success never/);
});
