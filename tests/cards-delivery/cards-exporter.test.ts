import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CardsExporter } from '../../src/cards-delivery/cards-exporter.js';
import { fixedClock } from '../../src/domain/clock.js';
import { HomeAssistantError } from '../../src/exporters/home-assistant/ha-client.js';
import { memoryLogger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/repository.js';
import { SyncEvents } from '../../src/sync/events.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'med-cards-exp-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

function yamlHa() {
  let closed = 0;
  const refuse = async () => {
    throw new HomeAssistantError('HA_UNKNOWN_COMMAND', 'Home Assistant does not know lovelace/resources/create');
  };
  const api = {
    listResources: async () => [],
    createResource: refuse,
    updateResource: refuse,
    deleteResource: refuse,
    close: () => void closed++,
  };
  return { api, closed: () => closed };
}

it('installs at start, logs and shows the YAML line when the dashboards use YAML resources', async () => {
  const ha = yamlHa();
  const logger = memoryLogger();
  const exporter = new CardsExporter(
    { url: 'http://supervisor/core', token: 'tok-123456', configDir: dir },
    { connect: async () => ha.api, bundle: async () => 'export {};' },
  );
  // The store is not used by this exporter.
  await exporter.start({ store: {} as Store, events: new SyncEvents(), clock: fixedClock(0), logger });
  await exporter.run('test');
  await exporter.stop();
  const result = exporter.status().lastResult as { resource: string; yamlLine: string };
  expect(result.resource).toBe('yaml');
  expect(result.yamlLine).toMatch(
    /^lovelace: resources: \[\{url: "\/local\/myelectricaldata-cards\.js\?v=[0-9a-f]{12}", type: module\}\]$/,
  );
  expect(logger.lines.some((l) => l.level === 'warn' && l.msg.includes(result.yamlLine))).toBe(true);
  expect(ha.closed()).toBeGreaterThan(0);
});
