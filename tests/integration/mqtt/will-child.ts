/**
 * Child process for the last-will test: connects through `MqttSession` (will `offline` retained on
 * `{prefix}/status`), prints "connected" once online, then waits to be killed.
 */
import { MqttSession } from '../../../src/exporters/mqtt/mqtt-session.js';
import { silentLogger } from '../../../src/log/logger.js';

const [url, prefix] = process.argv.slice(2) as [string, string];
const session = new MqttSession({
  url,
  clientOptions: { clientId: 'will-child', protocolVersion: 5, keepalive: 1 },
  statusTopic: `${prefix}/status`,
  qos: 1,
  reconnectMinMs: 100,
  reconnectMaxMs: 1_000,
  logger: silentLogger,
  onConnect: () => {
    session.publish(`${prefix}/status`, 'online', true).then(
      () => process.stdout.write('connected\n'),
      () => process.exit(2),
    );
  },
  onMessage: () => {},
});
await session.start();
setInterval(() => {}, 60_000);
