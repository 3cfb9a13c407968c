import { parseMqttExporterOptions } from '../../../src/exporters/mqtt/options.js';

describe('MQTT exporter options', () => {
  test('defaults', () => {
    expect(parseMqttExporterOptions({ brokerUrl: 'mqtt://broker:1883' })).toMatchObject({
      topicPrefix: 'myelectricaldata',
      qos: 1,
      retain: true,
      discovery: true,
      discoveryPrefix: 'homeassistant',
      insecure: false,
    });
  });
  test.each([
    [{ brokerUrl: 'broker:1883' }, 'brokerUrl'],
    [{ brokerUrl: 'http://broker' }, 'brokerUrl'],
    [{ qos: 4 }, ''],
    [{ topicPrefix: 'a/#' }, 'topicPrefix'],
    [{ clientId: 'has space' }, 'clientId'],
  ])('rejects %j', (input, word) => {
    expect(() => parseMqttExporterOptions(input)).toThrow(word);
  });
});
