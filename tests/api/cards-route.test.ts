/** `GET /cards/myelectricaldata-cards.js`: the cards bundle for standalone users, behind the usual guards. */
import { createApiServer } from '../../src/api/server.js';
import { fixedClock } from '../../src/domain/clock.js';
import { silentLogger } from '../../src/log/logger.js';
import { idleStatus, NOW, openFilledStore, recordingTrigger, statusOf, type TestStore } from './fixtures.js';

jest.setTimeout(60_000);

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openFilledStore();
});
afterAll(async () => testStore.cleanup());

const server = (token?: string) =>
  createApiServer({
    store: testStore.store,
    status: statusOf(() => idleStatus()),
    syncTrigger: recordingTrigger(),
    logger: silentLogger,
    clock: fixedClock(NOW),
    version: '1.2.3',
    token,
  });

it('serves the ES module that defines every card', async () => {
  const res = await server().inject('/cards/myelectricaldata-cards.js');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/javascript/);
  for (const tag of ['energy', 'tempo', 'power', 'status']) expect(res.body).toContain(`myelectricaldata-${tag}-card`);
});

it('asks for the API token when one is set', async () => {
  expect((await server('s3cret-token').inject('/cards/myelectricaldata-cards.js')).statusCode).toBe(401);
});
