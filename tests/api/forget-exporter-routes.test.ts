/**
 * `DELETE /api/pdls/{pdl}` and `POST /api/exporters/{name}/run` on the real sync engine, simulator and
 * SQLite store, with exporters built on the real kit and manager; answers checked against the OpenAPI
 * document.
 */
import { parisNaiveToUtc } from '../../src/domain/time.js';
import { type ExportRun, type FailureVerdict, KitExporter } from '../../src/exporters/kit/kit-exporter.js';
import { PRM } from '../../src/gateway/simulator/index.js';
import { type ControlHarness, startControlHarness } from './control-harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const WIDE = { start: '2020-01-01', end: '2027-01-01' };
const FORGET = '/api/pdls/{pdl}';
let h: ControlHarness;
afterEach(() => h.close());

describe('DELETE /api/pdls/{pdl}', () => {
  beforeEach(async () => {
    h = await startControlHarness({ nowMs: NOW, selection: [PRM.house, PRM.oldFlat] });
    await h.sync.engine.run({ pdl: PRM.house });
    await h.sync.engine.run({ pdl: PRM.oldFlat });
  }, 120_000);

  it('deletes the PDL data and says it comes back while pdls lists it', async () => {
    const flatDays = (await h.sync.store.listDaily(PRM.oldFlat, 'consumption', WIDE)).length;
    const res = await h.call('DELETE', FORGET, `/api/pdls/${PRM.house}`, { confirm: PRM.house });
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ status: 'forgotten', pdl: PRM.house, comesBack: true });
    expect(answer.message).toMatch(/the next sync fetches it again: remove it from pdls to keep it away/);
    expect(answer.deleted.usage_points).toBe(1);
    expect(answer.deleted.daily_energy).toBeGreaterThan(300);
    expect(await h.sync.store.listDaily(PRM.house, 'consumption', WIDE)).toEqual([]);
    expect((await h.sync.store.listStreamStates()).filter((s) => s.pdl === PRM.house)).toEqual([]);
    expect((await h.call('GET', FORGET, `/api/pdls/${PRM.house}`)).statusCode).toBe(404);
    expect((await h.sync.store.listDaily(PRM.oldFlat, 'consumption', WIDE)).length).toBe(flatDays);
  });

  it('says a PDL the pdls setting leaves out stays away', async () => {
    await h.sync.store.upsertUsagePoints(await h.sync.engine.options.client.listUsagePoints(), NOW);
    const res = await h.call('DELETE', FORGET, `/api/pdls/${PRM.solarFarm}`, { confirm: PRM.solarFarm });
    expect(res.json()).toMatchObject({ status: 'forgotten', comesBack: false, deleted: { usage_points: 1 } });
    expect(res.json().message).toBe(`PDL ${PRM.solarFarm} forgotten; the pdls setting leaves it out, so it stays away`);
  });

  it('needs the PDL repeated in confirm (400), knows the PDL (404), deletes nothing then', async () => {
    const cases: [object, RegExp][] = [
      [{}, /^the body must be \{"confirm":"<the PDL>"\}/],
      [
        { confirm: PRM.oldFlat },
        new RegExp(`^confirm must repeat the PDL to forget: send \\{"confirm":"${PRM.house}"\\}`),
      ],
      [{ confirm: 1 }, /^confirm must be the PDL itself, as a string/],
    ];
    for (const [body, message] of cases) {
      const res = await h.call('DELETE', FORGET, `/api/pdls/${PRM.house}`, body);
      expect([res.statusCode, res.json().error.message]).toEqual([400, expect.stringMatching(message)]);
    }
    const unknown = await h.call('DELETE', FORGET, '/api/pdls/11112222333344', { confirm: '11112222333344' });
    expect(unknown.statusCode).toBe(404);
    expect(await h.sync.store.getUsagePoint(PRM.house)).not.toBeNull();
  });

  it('answers 409 while a sync runs, and needs a JSON body (415)', async () => {
    const running = h.sync.engine.run({ pdl: PRM.house });
    const res = await h.call('DELETE', FORGET, `/api/pdls/${PRM.house}`, { confirm: PRM.house });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('sync_running');
    await running;
    expect(await h.sync.store.getUsagePoint(PRM.house)).not.toBeNull();
    const plain = await h.api.inject({ method: 'DELETE', url: `/api/pdls/${PRM.house}`, payload: 'x' });
    expect(plain.statusCode).toBe(415);
  }, 120_000);
});

/** An exporter on the real kit whose export counts the stored PDLs and waits until released. */
class GatedExporter extends KitExporter {
  runs: string[] = [];
  release: () => void = () => undefined;
  constructor(name: string) {
    super({ name });
  }
  protected async connect(): Promise<void> {}
  protected async exportOnce(run: ExportRun): Promise<object> {
    this.runs.push(run.reason);
    await new Promise<void>((resolve) => {
      this.release = resolve;
    });
    return { pdls: (await run.context.store.listUsagePoints()).length };
  }
  protected onFailure(): FailureVerdict {
    return 'no-retry';
  }
}

describe('POST /api/exporters/{name}/run', () => {
  const RUN = '/api/exporters/{name}/run';
  let gated: GatedExporter;
  beforeEach(async () => {
    gated = new GatedExporter('gated');
    h = await startControlHarness({
      nowMs: NOW,
      exporters: [
        { name: 'gated', create: () => gated },
        { name: 'off', create: () => null },
        { name: 'broken', create: () => Promise.reject(new Error('no server: set broken_url')) },
      ],
    });
  });

  it('starts a run (202), answers 409 while it runs, and the run ends ok', async () => {
    const res = await h.call('POST', RUN, '/api/exporters/gated/run');
    expect([res.statusCode, res.json()]).toEqual([202, { status: 'started', exporter: 'gated' }]);
    expect(gated.status().state).toBe('running');
    const busy = await h.call('POST', RUN, '/api/exporters/gated/run');
    expect([busy.statusCode, busy.json().error.code]).toEqual([409, 'exporter_running']);
    gated.release();
    while (gated.status().state === 'running') await new Promise((r) => setTimeout(r, 10));
    expect(gated.status()).toMatchObject({ state: 'ok', lastResult: { pdls: 0 } });
    expect(gated.runs).toEqual(['api']);
  });

  it('answers 404 for a disabled, broken or unknown exporter and 400 for a malformed name', async () => {
    for (const name of ['off', 'broken', 'nope']) {
      const res = await h.call('POST', RUN, `/api/exporters/${name}/run`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toMatch(new RegExp(`^exporter ${name} is not running .*; running: gated$`));
    }
    const bad = await h.call('POST', RUN, '/api/exporters/Bad%20Name/run');
    expect([bad.statusCode, bad.json().error.message]).toEqual([
      400,
      expect.stringMatching(/^exporter name "Bad Name" is malformed/),
    ]);
    const body = await h.call('POST', RUN, '/api/exporters/gated/run', { now: true });
    expect(body.statusCode).toBe(400);
    expect(gated.runs).toEqual([]);
  });
});
