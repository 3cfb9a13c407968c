/**
 * One publishing run: snapshot of the store → discovery configs (only what changed, unless forced),
 * cleared configs of vanished entities, then every state document. Returns counts for `status()`.
 */
import type { Store } from '../../store/repository.js';
import { MQTT_CURSOR_EXPORTER } from './client-id.js';
import { buildDiscoveryConfig, type DiscoveryContext } from './discovery/build-discovery-config.js';
import { planDiscovery, type SentConfigs } from './discovery/discovery-plan.js';
import { entitiesForSnapshot } from './discovery/entities-for-snapshot.js';
import { readSnapshot } from './snapshot/read-snapshot.js';
import { buildStateMessages } from './state/build-state-messages.js';

const SENT_CONFIGS_KEY = 'discovery-configs';

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
}

export interface PublishRunResult {
  states: number;
  configsSent: number;
  configsCleared: number;
  pdls: number;
}

export async function publishRun(o: PublishRunOptions): Promise<PublishRunResult> {
  const snapshot = await readSnapshot(o.store, o.nowMs);
  let configsSent = 0;
  let configsCleared = 0;
  if (o.discovery) {
    const ctx = o.discovery;
    const current = entitiesForSnapshot(snapshot).map((e) => buildDiscoveryConfig(ctx, e));
    const sent = await readSentConfigs(o.store);
    const plan = planDiscovery(current, sent, o.forceDiscovery);
    for (const topic of plan.clearConfigTopics) await o.target.publish(topic, '', true);
    for (const topic of plan.clearStateTopics) await o.target.publish(topic, '', true);
    for (const m of plan.publish) await o.target.publish(m.topic, m.body, true);
    await o.store.setCursor(MQTT_CURSOR_EXPORTER, SENT_CONFIGS_KEY, JSON.stringify(plan.next));
    configsSent = plan.publish.length;
    configsCleared = plan.clearConfigTopics.length;
  }
  const states = buildStateMessages(snapshot);
  for (const s of states) await o.target.publish(`${o.topicPrefix}/${s.topic}`, JSON.stringify(s.payload), o.retain);
  return { states: states.length, configsSent, configsCleared, pdls: snapshot.pdls.length };
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
