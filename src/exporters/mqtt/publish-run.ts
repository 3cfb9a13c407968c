/**
 * One publishing run: snapshot of the store → discovery configs (only what changed, unless forced),
 * cleared configs of vanished entities, cleared state topics that are no longer published (with or
 * without discovery), then every state document. Returns counts for `status()`. While the Home Assistant
 * integration is in use (kit/integration-presence.ts) no config is announced and the sent ones are cleared.
 */

import type { Prices } from '../../domain/tariff.js';
import { entitiesForSnapshot } from '../../sensors/entities.js';
import { readSnapshot } from '../../sensors/snapshot/read-snapshot.js';
import type { Snapshot } from '../../sensors/snapshot/snapshot-types.js';
import type { Store } from '../../store/repository.js';
import { integrationActive } from '../kit/integration-presence.js';
import { MQTT_CURSOR_EXPORTER } from './client-id.js';
import { buildDiscoveryConfig, type DiscoveryContext } from './discovery/build-discovery-config.js';
import { planDiscovery, type SentConfigs } from './discovery/discovery-plan.js';
import { buildStateMessages } from './state/build-state-messages.js';
import { parseTopicList, staleStateTopics } from './state/stale-state-topics.js';

const SENT_CONFIGS_KEY = 'discovery-configs';
const STATE_TOPICS_KEY = 'state-topics';

export interface PublishTarget {
  publish(topic: string, body: string, retain: boolean): Promise<void>;
}

export interface PublishRunOptions {
  store: Store;
  nowMs: number;
  target: PublishTarget;
  retain: boolean;
  /** Null when discovery is off. */
  discovery: DiscoveryContext | null;
  topicPrefix: string;
  forceDiscovery: boolean;
  /** Prices for the cost sensors (none by default). */
  prices?: Prices;
}

export interface PublishRunResult {
  states: number;
  configsSent: number;
  configsCleared: number;
  statesCleared: number;
  pdls: number;
}

export async function publishRun(o: PublishRunOptions): Promise<PublishRunResult> {
  const snapshot = await readSnapshot(o.store, o.nowMs, o.prices);
  const discovery = o.discovery ? await publishDiscovery(o, o.discovery, snapshot) : null;
  const states = buildStateMessages(snapshot).map((s) => ({
    topic: `${o.topicPrefix}/${s.topic}`,
    body: JSON.stringify(s.payload),
  }));
  const current = states.map((s) => s.topic);
  const previous = parseTopicList(await o.store.getCursor(MQTT_CURSOR_EXPORTER, STATE_TOPICS_KEY));
  const stale = staleStateTopics([...previous, ...(discovery?.clearStateTopics ?? [])], current);
  for (const topic of stale) await o.target.publish(topic, '', true);
  for (const s of states) await o.target.publish(s.topic, s.body, o.retain);
  await o.store.setCursor(MQTT_CURSOR_EXPORTER, STATE_TOPICS_KEY, JSON.stringify(current));
  return {
    states: states.length,
    configsSent: discovery?.sent ?? 0,
    configsCleared: discovery?.cleared ?? 0,
    statesCleared: stale.length,
    pdls: snapshot.pdls.length,
  };
}

/** Sends changed configs and clears vanished ones; returns the state topics those entities read. */
async function publishDiscovery(o: PublishRunOptions, ctx: DiscoveryContext, snapshot: Snapshot) {
  // The Home Assistant integration creates these entities itself: announce none, clear what was sent.
  const entities = (await integrationActive(o.store, o.nowMs)) ? [] : entitiesForSnapshot(snapshot);
  const current = entities.map((e) => buildDiscoveryConfig(ctx, e));
  const sent = await readSentConfigs(o.store);
  const plan = planDiscovery(current, sent, o.forceDiscovery);
  for (const topic of plan.clearConfigTopics) await o.target.publish(topic, '', true);
  for (const m of plan.publish) await o.target.publish(m.topic, m.body, true);
  await o.store.setCursor(MQTT_CURSOR_EXPORTER, SENT_CONFIGS_KEY, JSON.stringify(plan.next));
  return { sent: plan.publish.length, cleared: plan.clearConfigTopics.length, clearStateTopics: plan.clearStateTopics };
}

async function readSentConfigs(store: Store): Promise<SentConfigs> {
  const raw = await store.getCursor(MQTT_CURSOR_EXPORTER, SENT_CONFIGS_KEY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as SentConfigs) : {};
  } catch {
    return {};
  }
}
