/**
 * A stop (the sync engine's signal) ends a gateway call at once, its back-off wait included: with an
 * hour between attempts, a wait that ignored the signal would hold the test until its time limit.
 */
import type { ServerResponse } from 'node:http';
import { sleep } from '../../src/gateway/backoff.js';
import type { MemoryLogger } from '../../src/log/logger.js';
import { caught, makeClient, PDL } from './client-harness.js';
import { type FakeGateway, json, startFakeGateway } from './fake-gateway.js';

let gw: FakeGateway;
afterEach(async () => gw?.close());

const status503 = (res: ServerResponse) =>
  json(res, { success: false, error: { code: 'UNAVAILABLE', message: 'try later' } }, 503);
const HOUR = 3_600_000;

/** Resolves once the client logged its retry: it is then in its back-off wait. */
async function backingOff(logger: MemoryLogger): Promise<void> {
  while (!logger.lines.some((l) => l.msg === 'gateway call failed, retrying'))
    await new Promise((r) => setTimeout(r, 2));
}

/** The real back-off wait (the harness's records and skips it). */
const clientWithRealWaits = () =>
  makeClient(gw.baseUrl, { sleep, retry: { attempts: 4, baseDelayMs: HOUR, maxDelayMs: HOUR } });
type Client = ReturnType<typeof clientWithRealWaits>['client'];

describe('aborting a call during its back-off', () => {
  const calls = {
    'GET /pdl': (c: Client, signal: AbortSignal) => c.listUsagePoints({ signal }),
    'GET /accounts/usage-stats': (c: Client, signal: AbortSignal) => c.getUsageStats({ signal }),
    'GET /enedis/contract': (c: Client, signal: AbortSignal) => c.getContract(PDL, { signal }),
    'GET /tempo/days': (c: Client, signal: AbortSignal) =>
      c.getTempoDays({ start: '2026-11-20', end: '2026-11-22' }, { signal }),
    'GET /ecowatt/forecast': (c: Client, signal: AbortSignal) => c.getEcoWattForecast(4, { signal }),
    'GET daily energy (a range call)': (c: Client, signal: AbortSignal) =>
      c.getDailyEnergy(PDL, 'consumption', { start: '2026-11-20', end: '2026-11-22' }, { signal }),
  };
  for (const [name, call] of Object.entries(calls)) {
    it(`${name} rejects with the abort's reason at once`, async () => {
      gw = await startFakeGateway((_req, res) => status503(res));
      const { client, logger } = clientWithRealWaits();
      const controller = new AbortController();
      const pending = caught(() => call(client, controller.signal));
      await backingOff(logger);
      const reason = new Error('stopping');
      controller.abort(reason);
      expect(await pending).toBe(reason);
      expect(gw.requests.length).toBe(1);
    });
  }
});

describe('sleep', () => {
  it('waits the time when never aborted', async () => {
    await expect(sleep(5, new AbortController().signal)).resolves.toBeUndefined();
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(sleep(HOUR, controller.signal)).rejects.toThrow('gone');
  });
});
