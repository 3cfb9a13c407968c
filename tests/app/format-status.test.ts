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

it('lists the last syncs, newest first, five at most, with their outcome, calls and error', () => {
  const status: SyncStatus = idleStatus();
  const at = (h: number) => Date.UTC(2026, 10, 27, h);
  status.history = [6, 5, 4, 3, 2, 1].map((h, i) => ({
    startedAt: at(h),
    finishedAt: at(h) + 12_400,
    scope: i === 1 ? 'PDL 12345678901234' : 'full',
    outcome: i === 0 ? 'quota-exhausted' : 'ok',
    calls: 10 + i,
    failedTasks: i === 2 ? 1 : 0,
    error:
      i === 0
        ? { code: 'QUOTA_EXHAUSTED', message: 'daily quota exhausted, resumes at 2026-11-28T00:00:00.000Z' }
        : null,
  }));
  const lines = formatStatus(status, '/data').split('\n');
  const from = lines.indexOf('Last syncs (newest first, 5 at most):');
  expect(lines.slice(from + 1, from + 6)).toEqual([
    '    2026-11-27 07:00:00 full — quota-exhausted in 12 s, 10 gateway calls: daily quota exhausted, resumes at 2026-11-28T00:00:00.000Z',
    '    2026-11-27 06:00:00 PDL 12345678901234 — ok in 12 s, 11 gateway calls',
    '    2026-11-27 05:00:00 full — ok in 12 s, 12 gateway calls, 1 failed tasks',
    '    2026-11-27 04:00:00 full — ok in 12 s, 13 gateway calls',
    '    2026-11-27 03:00:00 full — ok in 12 s, 14 gateway calls',
  ]);
  expect(lines[from + 6]).toBe('Exporters:');
  expect(formatStatus(idleStatus(), '/data')).toContain('Last syncs (newest first, 5 at most):\n    none yet');
});
