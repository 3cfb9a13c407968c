/** A PDL in `pdls` that the account does not have is said in the log and in the status, then ignored. */
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { PRM } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { createStatusProvider } from '../../../src/sync/status-provider.js';
import { type Harness, startHarness } from './harness.js';

const NOW = parisNaiveToUtc('2026-11-27 09:30:00');
const TYPO = '09111642617348';
let h: Harness | undefined;
afterEach(() => h?.close());

it('warns about a selected PDL the account does not have, and syncs the others', async () => {
  const logger = memoryLogger();
  h = await startHarness(NOW, {}, [PRM.house, TYPO], undefined, { logger });
  const outcome = await h.engine.run('full');
  expect(outcome.status).toBe('ok');
  const warning = `PDLS lists ${TYPO}, which this MyElectricalData account does not have: it is ignored; check the number on your account page (or remove it from pdls)`;
  expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toContain(warning);
  const status = await createStatusProvider({
    store: h.store,
    engine: h.engine,
    client: null,
    clock: h.clock,
    selection: [PRM.house, TYPO],
    names: {},
    schedule: () => ({ nextDailySync: null, nextTempo: null, nextEcoWatt: null }),
  }).getStatus();
  expect(status.warnings).toEqual([warning]);
  expect(status.pdls.map((p) => p.pdl)).toEqual([PRM.house]);
}, 120_000);
