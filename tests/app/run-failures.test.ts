/** One line per failed stream and exporter of a `sync --once`, and the exit code 3 they lead to. */
import { failedExporters, failedStreams } from '../../src/app/run-failures.js';
import { CompletedWithFailures, reportError } from '../../src/cli/report-error.js';
import type { ExporterStatus } from '../../src/exporters/types.js';
import type { StreamStatus, SyncStatus } from '../../src/sync/status.js';
import { streamStatus } from '../api/fixtures.js';

const RUN = 1_000_000;
const stream = (name: StreamStatus['stream'], over: Partial<StreamStatus> = {}): StreamStatus =>
  streamStatus(name, { lastSuccessAt: RUN + 10, lastAttemptAt: RUN + 10, ...over });

const status = (streams: StreamStatus[], global: StreamStatus[] = []): SyncStatus =>
  ({ global, pdls: [{ pdl: '12345678901234', streams }] }) as unknown as SyncStatus;

const exporter = (name: string, state: ExporterStatus['state'], lastError: string | null = null): ExporterStatus => ({
  name,
  state,
  lastRunAt: RUN,
  lastSuccessAt: null,
  lastResult: null,
  lastError,
});

describe('failedStreams', () => {
  it('names the streams whose attempt in this run failed, not older errors nor successes', () => {
    const lines = failedStreams(
      status(
        [
          stream('consumption_daily', { lastError: 'HTTP 500 from the gateway', lastAttemptAt: RUN + 5 }),
          stream('consumption_curve', { lastError: 'an error of yesterday', lastAttemptAt: RUN - 86_400_000 }),
          stream('max_power'),
        ],
        [stream('tempo', { lastError: 'timeout', lastAttemptAt: RUN + 1 })],
      ),
      RUN,
    );
    expect(lines).toEqual([
      'stream tempo failed: timeout',
      'stream consumption_daily of PDL 12345678901234 failed: HTTP 500 from the gateway',
    ]);
  });
});

describe('failedExporters', () => {
  it('names exporters that ended in error or did not finish', () => {
    expect(
      failedExporters([
        exporter('mqtt', 'error', 'not connected'),
        exporter('home-assistant', 'ok'),
        exporter('x', 'running'),
      ]),
    ).toEqual(['exporter mqtt failed: not connected', 'exporter x did not finish']);
  });
});

describe('exit code 3', () => {
  it('prints each failure on its own line, then the summary', () => {
    const report = reportError(new CompletedWithFailures(['stream a failed: x', 'exporter mqtt failed: y']));
    expect(report).toEqual({
      exitCode: 3,
      lines: ['error: stream a failed: x', 'error: exporter mqtt failed: y', 'error: done, with 2 failure(s)'],
    });
  });
});
