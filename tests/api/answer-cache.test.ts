/**
 * The answer cache: a reading route's answer is served again, with an ETag and 304 on a match, only
 * while the store has not changed — a write of this process, a rolled-back transaction that wrote, or a
 * write by another connection to the same SQLite file all make it stale. On a real SQLite store.
 */
import { AnswerCache, matchesEtag } from '../../src/api/answer-cache.js';
import type { ApiServer } from '../../src/api/server.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/repository.js';
import { openTempStore, type TempStore } from '../exporters/mqtt/seed-store.js';
import { usagePoint } from '../store/fixtures.js';
import { FALL_DAY, halfHoursOfDay, NOW, PDL_HOME, pricedApi } from './fixtures.js';

const CURVE = `/api/pdls/${PDL_HOME}/consumption/curve?start=${FALL_DAY}&end=2026-10-26`;
const DAILY = `/api/pdls/${PDL_HOME}/consumption/daily?start=2026-10-01&end=2026-11-01`;

let temp: TempStore;
let store: Store;
let api: ApiServer;

beforeEach(async () => {
  temp = await openTempStore();
  store = temp.store;
  await store.upsertUsagePoints([usagePoint(PDL_HOME)], NOW);
  await store.upsertCurve(
    PDL_HOME,
    'consumption',
    halfHoursOfDay(FALL_DAY, () => 400),
  );
  api = pricedApi(store, undefined);
});

afterEach(async () => {
  await api.close();
  await temp.cleanup();
});

const watts = (body: string) => (JSON.parse(body) as { w: number }[]).map((r) => r.w);

describe('answer cache on the reading routes', () => {
  it('serves the same answer again with an ETag, and 304 without a body when the client has it', async () => {
    const first = await api.inject(CURVE);
    expect(first.statusCode).toBe(200);
    expect(watts(first.body)).toHaveLength(50);
    const second = await api.inject(CURVE);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    const etag = String(second.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(second.headers['cache-control']).toBe('private, no-cache');
    const again = await api.inject({ url: CURVE, headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is described in the OpenAPI document: If-None-Match, ETag and 304 on every cached route', async () => {
    const doc = (await api.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, unknown> }>>;
    };
    const cached = Object.entries(doc.paths).filter(([, ops]) => ops.get?.responses['304']);
    expect(cached.map(([path]) => path).sort()).toEqual(
      expect.arrayContaining([
        '/api/pdls/{pdl}/consumption/curve',
        '/api/pdls/{pdl}/consumption/aggregate',
        '/api/pdls/{pdl}/production/cost',
        '/api/pdls/{pdl}/max-power',
        '/api/tempo',
      ]),
    );
    for (const [, ops] of cached) expect(ops.get!.parameters.map((p) => p.name)).toContain('If-None-Match');
    expect(doc.paths['/api/status']!.get!.responses['304']).toBeUndefined();
  });

  it('answers from the store again after a write of this process', async () => {
    await api.inject(CURVE);
    const before = await api.inject(CURVE);
    await store.upsertCurve(
      PDL_HOME,
      'consumption',
      halfHoursOfDay(FALL_DAY, (i) => (i === 0 ? 999 : 400)),
    );
    const after = await api.inject({ url: CURVE, headers: { 'if-none-match': String(before.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(watts(after.body)[0]).toBe(999);
  });

  it('answers from the store again after a transaction that wrote and rolled back', async () => {
    await api.inject(CURVE);
    const stamp = await store.changeStamp();
    await expect(
      store.transaction(async (tx) => {
        await tx.upsertCurve(
          PDL_HOME,
          'consumption',
          halfHoursOfDay(FALL_DAY, () => 7),
        );
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.changeStamp()).not.toEqual(stamp);
    expect(watts((await api.inject(CURVE)).body)[0]).toBe(400);
  });

  it('sees a write by another process on the same SQLite file', async () => {
    await api.inject(CURVE);
    expect(watts((await api.inject(CURVE)).body)[0]).toBe(400);
    const other = await openStore({ dataDir: temp.dir, logger: silentLogger });
    try {
      await other.upsertCurve(
        PDL_HOME,
        'consumption',
        halfHoursOfDay(FALL_DAY, () => 555),
      );
    } finally {
      await other.close();
    }
    expect(watts((await api.inject(CURVE)).body)).toEqual(Array(50).fill(555));
  });

  it('keeps CSV and JSON answers apart, and never keeps an error', async () => {
    const json = await api.inject(CURVE);
    const csv = await api.inject({ url: CURVE, headers: { accept: 'text/csv' } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    const csvAgain = await api.inject({ url: CURVE, headers: { accept: 'text/csv' } });
    expect(csvAgain.body).toBe(csv.body);
    expect(csvAgain.headers['content-disposition']).toBe(csv.headers['content-disposition']);
    expect((await api.inject(CURVE)).body).toBe(json.body);

    const other = DAILY.replace(PDL_HOME, '98765432109876');
    expect((await api.inject(other)).statusCode).toBe(404);
    await store.upsertUsagePoints([usagePoint('98765432109876')], NOW);
    await store.upsertDaily('98765432109876', 'consumption', [{ date: '2026-10-02', wh: 1234 }]);
    const found = await api.inject(other);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual([{ date: '2026-10-02', wh: 1234 }]);
  });
});

describe('AnswerCache', () => {
  const stamp = { local: 1, external: 5 };
  const body = (n: number) => Buffer.alloc(n, 'x');

  it('drops the least recently used answers beyond its byte budget, and never keeps a too large one', () => {
    const cache = new AnswerCache({ maxBytes: 400 });
    cache.put('a', stamp, 0, body(100), {});
    cache.put('b', stamp, 0, body(100), {});
    cache.put('c', stamp, 0, body(100), {});
    expect(cache.get('a', stamp, 0)).toBeDefined();
    cache.put('d', stamp, 0, body(100), {});
    cache.put('e', stamp, 0, body(100), {});
    expect(cache.get('b', stamp, 0)).toBeUndefined();
    expect(cache.get('a', stamp, 0)).toBeDefined();
    expect(cache.size).toBe(400);
    cache.put('big', stamp, 0, body(101), {});
    expect(cache.get('big', stamp, 0)).toBeUndefined();
    expect(cache.size).toBe(400);
  });

  it('serves an answer only under the stamp it was read with', () => {
    const cache = new AnswerCache();
    cache.put('a', stamp, 0, body(10), {});
    expect(cache.get('a', { local: 2, external: 5 }, 0)).toBeUndefined();
    expect(cache.get('a', stamp, 0)).toBeUndefined();
    cache.put('a', stamp, 0, body(10), {});
    expect(cache.get('a', { local: 1, external: 6 }, 0)).toBeUndefined();
  });

  it('keeps an answer a limited time when the engine cannot see other processes', () => {
    const cache = new AnswerCache({ blindTtlMs: 1000 });
    const blind = { local: 1, external: null };
    cache.put('a', blind, 0, body(10), {});
    expect(cache.get('a', blind, 999)).toBeDefined();
    expect(cache.get('a', blind, 1000)).toBeUndefined();
    cache.put('b', stamp, 0, body(10), {});
    expect(cache.get('b', stamp, 10 ** 12)).toBeDefined();
  });

  it('reads If-None-Match lists and weak tags; * is not a tag it gave', () => {
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(false);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});
