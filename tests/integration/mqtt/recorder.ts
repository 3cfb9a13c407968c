/** A subscriber that records every message with its retain flag and QoS, for assertions. */
import mqtt, { type MqttClient } from 'mqtt';

export interface Recorded {
  topic: string;
  body: string;
  retain: boolean;
  qos: number;
}

export interface Recorder {
  messages: Recorded[];
  /** Last message per topic. */
  last(topic: string): Recorded | undefined;
  json(topic: string): unknown;
  waitFor(pred: (all: Recorded[]) => boolean, timeoutMs?: number): Promise<void>;
  clear(): void;
  client: MqttClient;
  close(): Promise<void>;
}

export async function record(url: string, topics: string[]): Promise<Recorder> {
  const client = await mqtt.connectAsync(url, {
    protocolVersion: 5,
    reconnectPeriod: 0,
    clientId: `rec-${Math.random().toString(16).slice(2)}`,
  });
  const messages: Recorded[] = [];
  client.on('message', (topic, payload, packet) => {
    messages.push({ topic, body: payload.toString(), retain: packet.retain, qos: packet.qos });
  });
  // rap (retain as published): live messages keep their retain flag, so the test can assert it.
  await client.subscribeAsync(topics, { qos: 2, rap: true });
  const last = (topic: string) => messages.findLast((m) => m.topic === topic);
  return {
    messages,
    last,
    json: (topic) => JSON.parse(last(topic)?.body ?? 'null'),
    clear: () => {
      messages.length = 0;
    },
    waitFor: async (pred, timeoutMs = 5_000) => {
      const until = Date.now() + timeoutMs;
      while (!pred(messages)) {
        if (Date.now() > until)
          throw new Error(`condition not met within ${timeoutMs} ms (${messages.length} messages)`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    client,
    close: () => client.endAsync(true),
  };
}
