/** Starting the API prints no process warning (Fastify deprecations end up in the add-on Log tab). */
import Fastify from 'fastify';
import { openFilledStore, pricedApi } from './fixtures.js';

/**
 * Runs `body` and returns the process warnings emitted meanwhile. `process.emitWarning` itself is
 * recorded (and silenced): jest's sandboxed `process` does not forward the 'warning' event.
 */
async function warningsDuring(body: () => Promise<void>): Promise<string[]> {
  const spy = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  try {
    await body();
    return spy.mock.calls.map((args) => args.map(String).join(' | '));
  } finally {
    spy.mockRestore();
  }
}

describe('API start-up warnings', () => {
  it('the capture sees Fastify deprecations (the old top-level disableRequestLogging)', async () => {
    const seen = await warningsDuring(async () => {
      const app = Fastify({ logger: false, disableRequestLogging: true });
      await app.ready();
      await app.close();
    });
    expect(seen).toEqual([expect.stringContaining('FSTDEP023')]);
  });

  it('starting, answering and stopping the API prints no warning', async () => {
    const { store, cleanup } = await openFilledStore();
    try {
      const seen = await warningsDuring(async () => {
        const api = pricedApi(store, undefined);
        const url = await api.listen(0, '127.0.0.1');
        expect((await fetch(`${url}/api/status`)).status).toBe(200);
        await api.close();
      });
      expect(seen).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
