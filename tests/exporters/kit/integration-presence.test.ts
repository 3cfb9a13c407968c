/**
 * No duplicates: while the Home Assistant integration is in use (seen within a day), an MQTT publishing
 * run announces no discovery config and clears the ones it sent, while every state topic is still
 * published; a day after the integration was last seen, discovery comes back. Real SQLite store.
 */
import {
  ACTIVE_WINDOW_MS,
  integrationActive,
  markIntegrationSeen,
} from '../../../src/exporters/kit/integration-presence.js';
import { publishRun } from '../../../src/exporters/mqtt/publish-run.js';
import { NOW, openTempStore, seedStore, type TempStore } from '../mqtt/seed-store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
  await seedStore(temp.store);
});
afterEach(() => temp.cleanup());

function recorder() {
  const published: { topic: string; body: string }[] = [];
  return {
    published,
    target: { publish: async (topic: string, body: string) => void published.push({ topic, body }) },
  };
}

const run = (target: { publish(t: string, b: string): Promise<void> }, nowMs: number) =>
  publishRun({
    store: temp.store,
    nowMs,
    target: { publish: (t, b) => target.publish(t, b) },
    retain: true,
    discovery: { topicPrefix: 'myelectricaldata', discoveryPrefix: 'homeassistant', swVersion: '1.0.0' },
    topicPrefix: 'myelectricaldata',
    forceDiscovery: false,
  });

describe('integration presence', () => {
  it('is active for a day after the integration was seen', async () => {
    expect(await integrationActive(temp.store, NOW)).toBe(false);
    await markIntegrationSeen(temp.store, NOW);
    expect(await integrationActive(temp.store, NOW + ACTIVE_WINDOW_MS - 1)).toBe(true);
    expect(await integrationActive(temp.store, NOW + ACTIVE_WINDOW_MS)).toBe(false);
  });

  it('makes MQTT discovery clear its configs while the states keep being published', async () => {
    const first = recorder();
    const before = await run(first.target, NOW);
    expect(before.configsSent).toBeGreaterThan(0);
    const configTopics = first.published.filter((p) => p.topic.startsWith('homeassistant/')).map((p) => p.topic);
    const stateTopics = first.published.filter((p) => p.topic.startsWith('myelectricaldata/')).map((p) => p.topic);

    await markIntegrationSeen(temp.store, NOW);
    const second = recorder();
    const during = await run(second.target, NOW + 60_000);
    expect(during.configsSent).toBe(0);
    expect(during.configsCleared).toBe(configTopics.length);
    const cleared = second.published.filter((p) => p.topic.startsWith('homeassistant/'));
    expect(cleared.every((p) => p.body === '')).toBe(true);
    expect(cleared.map((p) => p.topic).sort()).toEqual([...configTopics].sort());
    const states = second.published.filter((p) => p.topic.startsWith('myelectricaldata/') && p.body !== '');
    expect(states.map((p) => p.topic).sort()).toEqual([...stateTopics].sort());

    const third = recorder();
    const after = await run(third.target, NOW + ACTIVE_WINDOW_MS + 60_000);
    expect(after.configsSent).toBe(configTopics.length);
  });
});
