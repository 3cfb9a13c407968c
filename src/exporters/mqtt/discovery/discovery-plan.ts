/**
 * Which discovery configs to send and which to clear, given what was sent before (a hash per config
 * topic, kept in the store). Unchanged configs are not re-sent unless `force` (Home Assistant came
 * online, or the client reconnected to a broker that may have lost its retained messages). Configs of
 * entities that disappeared (a removed PDL, production no longer present) are cleared with an empty
 * retained payload, and so are their state topics when nothing else reads them. Pure.
 */
import { createHash } from 'node:crypto';
import type { DiscoveryMessage } from './build-discovery-config.js';

/** Config topic → hash of the payload sent and state topic it reads. */
export type SentConfigs = Record<string, { h: string; s: string }>;

export interface DiscoveryPlan {
  publish: { topic: string; body: string }[];
  clearConfigTopics: string[];
  clearStateTopics: string[];
  next: SentConfigs;
}

export function hashPayload(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

export function planDiscovery(current: DiscoveryMessage[], sent: SentConfigs, force: boolean): DiscoveryPlan {
  const next: SentConfigs = {};
  const publish: DiscoveryPlan['publish'] = [];
  for (const msg of current) {
    const body = JSON.stringify(msg.payload);
    const h = hashPayload(body);
    next[msg.topic] = { h, s: msg.stateTopic };
    if (force || sent[msg.topic]?.h !== h) publish.push({ topic: msg.topic, body });
  }
  const liveStateTopics = new Set(current.map((m) => m.stateTopic));
  const clearConfigTopics = Object.keys(sent).filter((t) => !(t in next));
  const clearStateTopics = [
    ...new Set(clearConfigTopics.map((t) => sent[t]!.s).filter((s) => !liveStateTopics.has(s))),
  ];
  return { publish, clearConfigTopics, clearStateTopics, next };
}
