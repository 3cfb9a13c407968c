/**
 * The summary of a run tells what it really cost: the HTTP requests sent (retries included, so more than
 * the planned calls when the gateway fails) and the quota units the gateway counted, read from its own
 * counters before and after the run.
 */
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
let h: Harness | undefined;
afterEach(() => h?.close());

function finished(logger: ReturnType<typeof memoryLogger>) {
  const line = logger.lines.find((l) => l.msg.startsWith('sync finished'));
  if (!line) throw new Error('no "sync finished" line');
  return line;
}

it('counts the HTTP requests and quota units of a run, retries included', async () => {
  const logger = memoryLogger();
  h = await startHarness(NOW, {}, [PRM.house], undefined, { logger });
  h.sim.faults.add(/^\/enedis\/consumption\/daily/, { kind: 'http500', times: 2 });
  const usedBefore = h.sim.usage();
  const gatewayRequests = () => h!.sim.requestLog.filter((r) => !r.path.includes('/accounts/')).length;
  const requestsBefore = gatewayRequests();
  const outcome = await h.engine.run('full');
  expect(outcome.status).toBe('ok');
  const line = finished(logger);
  const usedAfter = h.sim.usage();
  const units = usedAfter.cached + usedAfter.noCache - usedBefore.cached - usedBefore.noCache;
  expect(line.fields.requests).toBe(gatewayRequests() - requestsBefore);
  expect(line.fields.requests).toBeGreaterThanOrEqual((outcome as { calls: number }).calls + 2);
  expect(line.fields.quotaUnits).toBe(units);
  expect(line.msg).toMatch(
    new RegExp(
      `^sync finished: \\d+ gateway calls \\(${line.fields.requests} HTTP requests, ${units} quota units used\\), \\d+ streams changed$`,
    ),
  );
}, 120_000);
