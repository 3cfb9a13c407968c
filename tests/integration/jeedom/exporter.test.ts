/**
 * The Jeedom exporter end to end: a real sync from the gateway simulator into SQLite, then the exporter
 * against the fake Jeedom. Expected values are computed here from the store with plain arithmetic.
 */
import { parisNaive, parisNaiveToUtc } from '../../../src/domain/time.js';
import type { Direction } from '../../../src/domain/types.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { type Harness, startHarness } from '../sync/harness.js';
import { FakeJeedom } from './fake-jeedom/server.js';
import { archive, freshState } from './fake-jeedom/state.js';
import { commandIds, eventCount, historyOf, rpc, startExporter, until } from './helpers.js';

jest.setTimeout(180_000);

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const ALL = { start: '2000-01-01', end: '2100-01-01' };
// A short history (five weeks, the October time change included) keeps the push small.
const SIM = {
  dataset: {
    overrides: {
      [PRM.house]: { activationDate: '2026-10-20' },
      [PRM.newHouseSolar]: { activationDate: '2026-10-20' },
    },
  },
};

let h: Harness;

beforeAll(async () => {
  h = await startHarness(NOW, SIM, [PRM.house, PRM.newHouseSolar]);
  expect(await h.engine.run('full')).toMatchObject({ status: 'ok' });
});
afterAll(() => h.close());

/** What Jeedom should hold per command of a PDL, from the store. */
async function expected(pdl: string, direction: Direction): Promise<Record<string, Map<string, number | string>>> {
  const s = h.store;
  const curve = new Map<string, number[]>();
  for (const r of await s.listCurve(pdl, direction, 0, NOW + 86_400_000)) {
    const t = parisNaive(r.start);
    curve.set(t, [...(curve.get(t) ?? []), r.w]);
  }
  const out: Record<string, Map<string, number | string>> = {
    [`${direction}_yesterday`]: new Map(
      (await s.listDaily(pdl, direction, ALL)).map((d) => [`${d.date} 00:00:00`, d.wh / 1000]),
    ),
    [`${direction}_curve`]: new Map([...curve].map(([t, ws]) => [t, ws.reduce((a, b) => a + b, 0) / ws.length])),
  };
  if (direction === 'consumption')
    out.max_power = new Map((await s.listMaxPower(pdl, ALL)).map((m) => [parisNaive(m.at), m.va]));
  return out;
}

const METERS: [string, Direction][] = [
  [PRM.house, 'consumption'],
  [PRM.newHouseSolar, 'production'],
];

async function expectJeedomHoldsTheStore(fake: FakeJeedom): Promise<void> {
  for (const [pdl, direction] of METERS) {
    const ids = await commandIds(fake, `med_${pdl}`);
    for (const [logicalId, want] of Object.entries(await expected(pdl, direction))) {
      expect(want.size).toBeGreaterThan(0);
      const got = await historyOf(fake, ids.get(logicalId)!);
      const bad = [...want]
        .filter(([t, v]) => Number(got.get(t)) !== v)
        .map(([t, v]) => `${logicalId} ${t}: ${got.get(t)} ≠ ${v}`);
      expect(bad.slice(0, 5)).toEqual([]);
      expect(got.size).toBe(want.size);
      // The newest value is the current one.
      const newest = [...want.keys()].sort().at(-1)!;
      expect((await rpc(fake, 'cmd::execCmd', { id: ids.get(logicalId) })) as { value: number }).toMatchObject({
        value: want.get(newest),
      });
    }
  }
  const global = await commandIds(fake, 'med_rte');
  const tempo = await historyOf(fake, global.get('tempo_today')!);
  const days = await h.store.listTempo(ALL);
  expect(days.length).toBeGreaterThan(0);
  for (const t of days) expect(tempo.get(`${t.date} 06:00:00`)).toBe(t.color);
}

describe('Jeedom exporter after a simulated sync', () => {
  const fake = new FakeJeedom({ state: freshState({ objects: [{ id: 3, name: 'Maison' }] }) });
  let x: Awaited<ReturnType<typeof startExporter>>;

  beforeAll(async () => {
    await fake.start();
    x = await startExporter(fake, h.store, h.clock, { object: 'maison', batchSize: 100 }, h.engine.options.events);
    await x.exporter.run('test');
  });
  afterAll(async () => {
    await x.exporter.stop();
    await fake.stop();
  });

  it('creates one equipment per PDL and the Tempo/EcoWatt one, in the object, with French names', () => {
    expect(x.exporter.status()).toMatchObject({ state: 'ok', lastError: null });
    const eqs = fake.state.equipments.map((e) => [e.logicalId, e.name, e.object_id]);
    expect(eqs).toEqual([
      [`med_${PRM.house}`, `Linky ${PRM.house}`, 3],
      [`med_${PRM.newHouseSolar}`, `Linky ${PRM.newHouseSolar}`, 3],
      ['med_rte', 'RTE Tempo EcoWatt', 3],
    ]);
    const names = fake.state.cmds.filter((c) => c.eqLogic_id === 1).map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['Consommation hier', 'Puissance max', 'Consommation courbe 30 min', 'Rafraichir']),
    );
  });

  it('holds every stored value at its real date, the newest current', async () => {
    await expectJeedomHoldsTheStore(fake);
  });

  it('sends nothing on a re-run', async () => {
    const before = fake.state.log.length;
    await x.exporter.run('again');
    const writes = fake.state.log
      .slice(before)
      .filter((l) => l.method === 'cmd::event' || l.method === 'eqLogic::save');
    expect(writes).toEqual([]);
  });

  it('replaces a corrected day and keeps the newest value current', async () => {
    const [first] = await h.store.listDaily(PRM.house, 'consumption', ALL);
    await h.store.upsertDaily(PRM.house, 'consumption', [{ date: first!.date, wh: 54_321 }]);
    x.events.emit('data-changed', {
      pdl: PRM.house,
      stream: 'consumption_daily',
      range: { start: first!.date, end: '2026-12-01' },
    });
    const before = eventCount(fake);
    await x.exporter.run('sync-finished');
    const ids = await commandIds(fake, `med_${PRM.house}`);
    expect((await historyOf(fake, ids.get('consumption_yesterday')!)).get(`${first!.date} 00:00:00`)).toBe('54.321');
    expect(eventCount(fake) - before).toBeLessThan(100);
    await expectJeedomHoldsTheStore(fake);
  });

  it("survives Jeedom's nightly archive: the 30-min values are not averaged (historizeMode none)", async () => {
    archive(fake.state, '2999-01-01 00:00:00');
    await expectJeedomHoldsTheStore(fake);
  });
});

describe('the next sync', () => {
  const fake = new FakeJeedom();

  it('pushes the new day after the sync finished, from its events alone', async () => {
    await fake.start();
    const x = await startExporter(fake, h.store, h.clock, {}, h.engine.options.events);
    await x.exporter.run('test');
    const before = eventCount(fake);
    // A new Jeedom reusing the first one's command ids still got everything.
    expect(before).toBeGreaterThan(48 * 2 * 30);
    h.clock.advance(86_400_000);
    expect(await h.engine.run('full')).toMatchObject({ status: 'ok' });
    // The sync's `sync-finished` asked for a run; this one is served after it.
    await x.exporter.run('check');
    expect(eventCount(fake) - before).toBeGreaterThan(48);
    // Only the days the sync fetched again, not the history.
    expect(eventCount(fake) - before).toBeLessThan(before / 5);
    await expectJeedomHoldsTheStore(fake);
    await x.exporter.stop();
    await fake.stop();
    h.clock.advance(-86_400_000);
  });
});

describe('Jeedom restarted in the middle of the first push', () => {
  // Other command ids than the first fake's, as a reinstalled Jeedom would not reuse them.
  const fake: FakeJeedom = new FakeJeedom({
    state: freshState({ nextEqId: 50, nextCmdId: 5000 }),
    onEvent: async (n) => {
      if (n === 700) await fake.restart();
    },
  });

  it('is complete after the retry', async () => {
    await fake.start();
    const x = await startExporter(fake, h.store, h.clock, { retryDelaysMs: [50], batchSize: 100 });
    await until(() => x.exporter.status().state === 'error');
    expect(x.exporter.status().lastError).toMatch(/Could not reach Jeedom/);
    await until(() => x.exporter.status().state === 'ok', 100_000);
    await expectJeedomHoldsTheStore(fake);
    // At most one batch was sent twice.
    const sent = eventCount(fake);
    await x.exporter.stop();
    await fake.stop();
    expect(sent).toBeGreaterThan(700);
  });
});
