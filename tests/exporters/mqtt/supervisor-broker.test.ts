import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchSupervisorBroker } from '../../../src/exporters/mqtt/supervisor-broker.js';
import { redactText } from '../../../src/log/redact.js';

/** A local stand-in for the Supervisor's `/services/mqtt` endpoint, answering what the test sets. */
let reply: { status: number; body: unknown } = { status: 200, body: {} };
let seenAuth: string | undefined;
let seenPath: string | undefined;
const server = http.createServer((req, res) => {
  seenAuth = req.headers.authorization;
  seenPath = req.url;
  res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('broker from the Supervisor', () => {
  test('reads host, port and credentials with the bearer token; the password is redacted from logs', async () => {
    reply = {
      status: 200,
      body: {
        result: 'ok',
        data: {
          addon: 'core_mosquitto',
          host: 'core-mosquitto',
          port: 1883,
          ssl: false,
          protocol: '3.1.1',
          username: 'addons',
          password: 'Sup3rS3cret',
        },
      },
    };
    const broker = await fetchSupervisorBroker({ baseUrl, token: 'tok-123456' });
    expect(broker).toEqual({ url: 'mqtt://core-mosquitto:1883', username: 'addons', password: 'Sup3rS3cret' });
    expect([seenPath, seenAuth]).toEqual(['/services/mqtt', 'Bearer tok-123456']);
    expect(redactText('pw=Sup3rS3cret token=tok-123456')).toBe('pw=*** token=***');
  });

  test('ssl: true gives an mqtts:// URL', async () => {
    reply = { status: 200, body: { result: 'ok', data: { host: 'core-mosquitto', port: 8883, ssl: true } } };
    expect((await fetchSupervisorBroker({ baseUrl, token: 'tok-123456' })).url).toBe('mqtts://core-mosquitto:8883');
  });

  test('403 "No access" says to declare services: mqtt:want', async () => {
    reply = { status: 403, body: { result: 'error', message: 'No access to mqtt service!' } };
    await expect(fetchSupervisorBroker({ baseUrl, token: 'tok-123456' })).rejects.toMatchObject({
      code: 'MQTT_SUPERVISOR_NO_ACCESS',
      message: expect.stringContaining('services: [mqtt:want]'),
    });
  });

  test('"Service not enabled" says to install the Mosquitto add-on', async () => {
    reply = { status: 400, body: { result: 'error', message: 'Service not enabled' } };
    await expect(fetchSupervisorBroker({ baseUrl, token: 'tok-123456' })).rejects.toMatchObject({
      code: 'MQTT_SUPERVISOR_NOT_ENABLED',
      message: expect.stringContaining('Mosquitto broker add-on'),
    });
  });

  test('unreachable Supervisor and malformed answers are clear errors', async () => {
    await expect(fetchSupervisorBroker({ baseUrl: 'http://127.0.0.1:9', token: 'tok-123456' })).rejects.toMatchObject({
      code: 'MQTT_SUPERVISOR_UNREACHABLE',
    });
    reply = { status: 200, body: { result: 'ok', data: { port: 1883 } } };
    await expect(fetchSupervisorBroker({ baseUrl, token: 'tok-123456' })).rejects.toMatchObject({
      code: 'MQTT_SUPERVISOR_BAD_RESPONSE',
    });
  });
});
