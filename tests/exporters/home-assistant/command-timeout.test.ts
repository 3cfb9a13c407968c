/**
 * A websocket command Home Assistant never answers fails with `HA_TIMEOUT` after the command timeout
 * (instead of holding the exporter's serial runs for ever); answers and refusals are unchanged.
 */
import type { Connection } from 'home-assistant-js-websocket';
import { ConnectionApi } from '../../../src/exporters/home-assistant/ha-client.js';

const URL = 'http://ha.test:8123';

function connection(answer: (message: { type: string }) => Promise<unknown>): Connection {
  return { haVersion: '2026.11.0', sendMessagePromise: answer, close: () => undefined } as unknown as Connection;
}

it('rejects a command left unanswered with HA_TIMEOUT, naming the command and the wait', async () => {
  const api = new ConnectionApi(
    connection(() => new Promise(() => undefined)),
    URL,
    50,
  );
  const started = Date.now();
  await expect(api.hourlySums(['myelectricaldata:x'], 0, 3_600_000)).rejects.toMatchObject({
    code: 'HA_TIMEOUT',
    message:
      'Home Assistant at http://ha.test:8123 did not answer recorder/statistics_during_period within 50 ms: the connection is dropped and the export retried.',
  });
  expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  await expect(api.getEnergyPrefs()).rejects.toMatchObject({ code: 'HA_TIMEOUT' });
});

it('passes answers and refusals through as before', async () => {
  const sent: string[] = [];
  const api = new ConnectionApi(
    connection(async (message) => {
      sent.push(message.type);
      if (message.type === 'energy/get_prefs') throw { code: 'not_found', message: 'No prefs' };
      if (message.type === 'recorder/clear_statistics') throw { code: 'unauthorized', message: 'Unauthorized' };
      return { 'myelectricaldata:x': [{ start: 3_600_000, sum: 12 }] };
    }),
    URL,
    50,
  );
  expect(await api.hourlySums(['myelectricaldata:x'], 0, 7_200_000)).toEqual({
    'myelectricaldata:x': [{ start: 3_600_000, sum: 12 }],
  });
  expect(await api.getEnergyPrefs()).toBeNull();
  await expect(api.clearStatistics(['myelectricaldata:x'])).rejects.toMatchObject({ code: 'HA_COMMAND_FAILED' });
  expect(sent).toEqual(['recorder/statistics_during_period', 'energy/get_prefs', 'recorder/clear_statistics']);
});
