import { FALL_DAY, PDL_HOME, PDL_SOLAR, UNKNOWN_PDL } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';
import { openApiValidator, type Validator } from './openapi-validator.js';

let h: Harness;
interface Param {
  name: string;
  schema: unknown;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { parameters: Param[] }>>;
}
let doc: Doc;
let validator: Validator;
beforeAll(async () => {
  h = await startHarness(undefined, undefined, { prices: { baseKwh: 0.2, productionKwh: 0.1 } });
  doc = (await h.api.inject('/api/openapi.json')).json();
  validator = openApiValidator(doc as never);
});
afterAll(() => h.close());

const RANGE = 'start=2026-10-20&end=2026-11-04';

/** One request per documented operation and answer kind: [method, documented path, url]. */
const CASES: [string, string, string][] = [
  ['GET', '/api/pdls', '/api/pdls'],
  ['GET', '/api/pdls/{pdl}', `/api/pdls/${PDL_HOME}`],
  ['GET', '/api/pdls/{pdl}', `/api/pdls/${UNKNOWN_PDL}`],
  ['GET', '/api/pdls/{pdl}', '/api/pdls/abc'],
  ['GET', '/api/pdls/{pdl}/consumption/daily', `/api/pdls/${PDL_HOME}/consumption/daily?${RANGE}`],
  ['GET', '/api/pdls/{pdl}/consumption/daily', `/api/pdls/${PDL_HOME}/consumption/daily?${RANGE}&format=csv`],
  ['GET', '/api/pdls/{pdl}/consumption/daily', `/api/pdls/${PDL_HOME}/consumption/daily?start=2026-02-30`],
  [
    'GET',
    '/api/pdls/{pdl}/consumption/curve',
    `/api/pdls/${PDL_HOME}/consumption/curve?start=${FALL_DAY}&end=2026-10-26`,
  ],
  ['GET', '/api/pdls/{pdl}/production/curve', `/api/pdls/${PDL_SOLAR}/production/curve?${RANGE}`],
  ['GET', '/api/pdls/{pdl}/production/daily', `/api/pdls/${PDL_SOLAR}/production/daily?${RANGE}`],
  ['GET', '/api/pdls/{pdl}/consumption/aggregate', `/api/pdls/${PDL_HOME}/consumption/aggregate?period=week&${RANGE}`],
  ['GET', '/api/pdls/{pdl}/production/aggregate', `/api/pdls/${PDL_SOLAR}/production/aggregate?period=day`],
  ['GET', '/api/pdls/{pdl}/max-power', `/api/pdls/${PDL_HOME}/max-power?${RANGE}`],
  ['GET', '/api/pdls/{pdl}/consumption/cost', `/api/pdls/${PDL_HOME}/consumption/cost?${RANGE}`],
  ['GET', '/api/pdls/{pdl}/production/cost', `/api/pdls/${PDL_SOLAR}/production/cost?${RANGE}`],
  ['GET', '/api/tempo', `/api/tempo?${RANGE}`],
  ['GET', '/api/ecowatt', `/api/ecowatt?${RANGE}`],
  ['GET', '/api/status', '/api/status'],
  ['GET', '/api/exporters', '/api/exporters'],
  ['GET', '/api/config', '/api/config'], // none given to this server: null
  ['GET', '/api/health', '/api/health'],
  ['GET', '/metrics', '/metrics'],
  ['GET', '/api/docs', '/api/docs'],
  ['GET', '/', '/'],
  ['POST', '/api/sync', '/api/sync'],
  ['POST', '/api/sync', '/api/sync'], // the cool-down: 429
  ['POST', '/api/pdls/{pdl}/refetch', `/api/pdls/${PDL_HOME}/refetch`], // no range: 400
  ['DELETE', '/api/pdls/{pdl}', `/api/pdls/${PDL_HOME}`], // no confirm: 400
  ['POST', '/api/exporters/{name}/run', '/api/exporters/mqtt/run'], // none running: 404
  ['POST', '/api/statistics/reimport', '/api/statistics/reimport'], // no pdl: 400
];

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every operation', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, m]) =>
      Object.keys(m).map((k) => `${k.toUpperCase()} ${p}`),
    );
    const tested = new Set(CASES.map(([m, p]) => `${m} ${p}`));
    expect(documented.filter((op) => op !== 'GET /api/openapi.json' && !tested.has(op))).toEqual([]);
  });

  it('describes the path parameters other than pdl from their schemas', () => {
    const op = doc.paths['/api/exporters/{name}/run']!.post!;
    expect(op.parameters).toEqual([
      expect.objectContaining({
        name: 'name',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'string' }),
      }),
    ]);
  });

  it('describes the range parameters from the schemas parseRange uses', () => {
    const op = doc.paths['/api/pdls/{pdl}/consumption/curve']!.get!;
    const start = op.parameters.find((p) => p.name === 'start');
    expect(start?.schema).toEqual({ type: 'string', format: 'date', pattern: '^(19[7-9]\\d|20\\d\\d)-\\d{2}-\\d{2}$' });
    const format = op.parameters.find((p) => p.name === 'format');
    expect(format?.schema).toEqual({ type: 'string', enum: ['json', 'csv'] });
  });

  it('needs no token and declares the bearer scheme when api_token is set', async () => {
    const secured = await startHarness(undefined, undefined, { token: 'secret-token-123' });
    try {
      const res = await secured.api.inject('/api/openapi.json');
      expect(res.statusCode).toBe(200);
      expect(res.json().components.securitySchemes.token).toEqual(expect.objectContaining({ scheme: 'bearer' }));
      expect((await secured.api.inject('/api/docs')).statusCode).toBe(200);
      expect((await secured.api.inject('/api/tempo')).statusCode).toBe(401);
    } finally {
      await secured.close();
    }
  });
});

describe('every answer conforms to the OpenAPI document', () => {
  it.each(CASES)('%s %s (%s)', async (method, path, url) => {
    const body = method !== 'GET' ? { payload: {}, headers: { 'content-type': 'application/json' } } : {};
    const res = await h.api.inject({ method: method as 'GET', url, ...body });
    expect(() => validator.check(method, path, res)).not.toThrow();
  });

  it('rejects an answer that does not match (the validator can fail)', () => {
    const fake = {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '[{"date":1}]',
      json: () => [{ date: 1 }],
    };
    expect(() => validator.check('GET', '/api/tempo', fake as never)).toThrow(/date/);
  });
});

describe('GET /api/docs', () => {
  it('renders every operation without a script, under a nonce CSP', async () => {
    const res = await h.api.inject('/api/docs');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'; style-src 'nonce-/);
    for (const path of Object.keys(doc.paths)) expect(res.body).toContain(`<code>${path}</code>`);
  });
});
