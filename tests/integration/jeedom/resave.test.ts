/**
 * Re-saving an equipment that exists in Jeedom: Jeedom deletes every command left out (with its history)
 * and fails on a new command whose name exists, so the exporter keeps every command, adopts a same-named
 * one, and keeps the user's name for the equipment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../../src/domain/clock.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';
import { FakeJeedom } from './fake-jeedom/server.js';
import { historyOf, rpc, startExporter } from './helpers.js';

const NOW = Date.parse('2026-11-27T08:00:00Z');
let store: Store;
let dir: string;
const fake = new FakeJeedom();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-jeedom-'));
  store = await openStore({ dataDir: dir, logger: silentLogger });
  await store.upsertEcoWatt([{ date: '2026-11-26', level: 2, message: 'Orange', hourly: Array(24).fill(1) }]);
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the user command and its history, adopts a same-named command, keeps the name', async () => {
  const numeric = { type: 'info', subType: 'numeric', isHistorized: 1 };
  await rpc(fake, 'eqLogic::save', {
    eqType_name: 'virtual',
    name: 'Météo électrique',
    logicalId: 'med_rte',
    cmd: [
      { name: 'Ma commande', logicalId: 'mine', ...numeric },
      { name: 'EcoWatt J0', ...numeric },
    ],
  });
  const [mine, j0] = fake.state.cmds.filter((c) => c.logicalId === 'mine' || c.name === 'EcoWatt J0');
  await rpc(fake, 'cmd::event', { id: mine!.id, value: 1, datetime: '2026-11-01 00:00:00' });

  const x = await startExporter(fake, store, fixedClock(NOW));
  await x.exporter.run('test');
  await x.exporter.stop();

  expect(x.exporter.status()).toMatchObject({ lastError: null });
  expect(fake.state.equipments.map((e) => e.name)).toEqual(['Météo électrique']);
  expect(await historyOf(fake, mine!.id)).toEqual(new Map([['2026-11-01 00:00:00', '1']]));
  expect(fake.cmd(j0!.id)?.logicalId).toBe('ecowatt_j0');
  expect((await historyOf(fake, j0!.id)).get('2026-11-26 00:00:00')).toBe('2');
  const logicalIds = fake.state.cmds.map((c) => c.logicalId);
  expect(logicalIds).toEqual(expect.arrayContaining(['refresh', 'mine', 'tempo_today', 'ecowatt_j3']));
  expect(new Set(fake.state.cmds.map((c) => c.name)).size).toBe(fake.state.cmds.length);
});
