import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCards } from '../../src/cards-delivery/install-cards.js';
import { isOurs, planResources, resourceUrl } from '../../src/cards-delivery/resource-plan.js';
import { HomeAssistantError, type LovelaceApi } from '../../src/exporters/home-assistant/ha-client.js';

/** Dashboard resources kept in memory, like HA's storage collection; `yaml` refuses the write commands. */
function memoryResources(initial: { id: string; url: string; type?: string }[], yaml = false) {
  const items = initial.map((r) => ({ type: 'module', ...r }));
  let next = 100;
  const refuse = () => {
    throw new HomeAssistantError('HA_UNKNOWN_COMMAND', 'Home Assistant does not know lovelace/resources/create');
  };
  const api: LovelaceApi = {
    listResources: async () => items.map((r) => ({ ...r })),
    createResource: async (url) => {
      if (yaml) refuse();
      items.push({ id: String(next++), url, type: 'module' });
    },
    updateResource: async (id, url) => {
      if (yaml) refuse();
      Object.assign(items.find((r) => r.id === id)!, { url, type: 'module' });
    },
    deleteResource: async (id) => {
      if (yaml) refuse();
      items.splice(
        items.findIndex((r) => r.id === id),
        1,
      );
    },
  };
  return { api, items };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'med-cards-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('resource plan', () => {
  const url = resourceUrl('bundle v2');
  it('versions the URL by the content hash', () => {
    expect(url).toMatch(/^\/local\/myelectricaldata-cards\.js\?v=[0-9a-f]{12}$/);
    expect(resourceUrl('bundle v3')).not.toBe(url);
    expect(isOurs('/hacsfiles/x/myelectricaldata-cards.js')).toBe(true);
    expect(isOurs('/local/other-card.js')).toBe(false);
  });

  it('keeps the current entry and removes duplicates; updates an old version; creates when absent', () => {
    const other = { id: 'o', url: '/local/mushroom.js' };
    expect(planResources([other, { id: 'a', url }, { id: 'b', url }], url)).toEqual({
      keep: 'a',
      update: null,
      create: null,
      delete: ['b'],
    });
    expect(planResources([{ id: 'a', url: '/local/myelectricaldata-cards.js?v=old' }, other], url)).toEqual({
      keep: null,
      update: { id: 'a', url },
      create: null,
      delete: [],
    });
    expect(planResources([other], url)).toEqual({ keep: null, update: null, create: { url }, delete: [] });
  });
});

describe('installing the cards', () => {
  it('writes the bundle into www and registers one module resource, idempotently', async () => {
    const { api, items } = memoryResources([
      { id: '1', url: '/local/myelectricaldata-cards.js?v=0123456789ab' },
      { id: '2', url: '/local/myelectricaldata-cards.js' },
      { id: '3', url: '/local/mushroom.js' },
    ]);
    const first = await installCards(api, dir, 'export const v = 2;');
    expect(first).toMatchObject({ file: 'written', resource: 'updated', removed: 1 });
    expect(await readFile(join(dir, 'www', 'myelectricaldata-cards.js'), 'utf8')).toBe('export const v = 2;');
    expect(items.map((r) => r.url)).toEqual([resourceUrl('export const v = 2;'), '/local/mushroom.js']);
    const again = await installCards(api, dir, 'export const v = 2;');
    expect(again).toMatchObject({ file: 'unchanged', resource: 'kept', removed: 0 });
    expect(items).toHaveLength(2);
  });

  it('in YAML resource mode, says which line to add', async () => {
    const { api } = memoryResources([], true);
    const result = await installCards(api, dir, 'export const v = 3;');
    expect(result.resource).toBe('yaml');
    expect(result.yamlLine).toContain(resourceUrl('export const v = 3;'));
    expect(result.yamlLine).toContain('type: module');
  });
});
