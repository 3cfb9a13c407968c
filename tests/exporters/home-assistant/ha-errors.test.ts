/** What the websocket library rejects with, as our typed errors: a lost connection is always recognised. */
import { ERR_CONNECTION_LOST } from 'home-assistant-js-websocket';
import { mapHaError } from '../../../src/exporters/home-assistant/ha-client.js';

const URL = 'http://ha.test:8123';

describe('mapHaError', () => {
  it.each([
    ['the bare number', ERR_CONNECTION_LOST],
    ['{code: 3}', { code: ERR_CONNECTION_LOST }],
    [
      '{error: {code: 3}} (a command in flight when the socket closed)',
      { error: { code: 3, message: 'Connection lost' } },
    ],
  ])('%s is HA_CONNECTION_LOST', (_what, err) => {
    const mapped = mapHaError(err, URL, 'recorder/statistics_during_period') as Error & { code?: string };
    expect(mapped.code).toBe('HA_CONNECTION_LOST');
    expect(mapped.message).toBe(
      'the connection to Home Assistant at http://ha.test:8123 was lost during recorder/statistics_during_period: it will be retried.',
    );
  });

  it('never shows [object Object] for an unknown rejection', () => {
    const mapped = mapHaError({ error: { code: 99, message: 'odd failure' } }, URL, 'recorder/import_statistics');
    expect(mapped.message).toBe('Home Assistant failed during recorder/import_statistics: odd failure');
    const bare = mapHaError({ weird: true }, URL, 'x');
    expect(bare.message).toBe('Home Assistant failed during x: {"weird":true}');
  });
});
