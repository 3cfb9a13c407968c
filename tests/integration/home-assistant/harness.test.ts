import { type Connection, createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import { type HomeAssistantInstance, startHomeAssistant } from './harness/ha.js';

jest.setTimeout(180_000);

describe('real Home Assistant harness', () => {
  let ha: HomeAssistantInstance;
  let conn: Connection;

  beforeAll(async () => {
    ha = await startHomeAssistant();
    conn = await createConnection({ auth: createLongLivedTokenAuth(ha.url, ha.token) });
  });

  afterAll(async () => {
    conn?.close();
    await ha?.stop();
  });

  it('runs the pinned version with the Paris configuration', async () => {
    const config = await conn.sendMessagePromise<{ version: string; time_zone: string; currency: string }>({
      type: 'get_config',
    });
    expect(config).toMatchObject({ version: ha.version, time_zone: 'Europe/Paris', currency: 'EUR' });
  });

  it('has its HTTP settings confirmed, so it will not revert them and restart itself after 5 minutes', async () => {
    const http = await conn.sendMessagePromise<{
      pending: unknown;
      revert_at: unknown;
      stable: { server_port: number };
    }>({ type: 'http/config' });
    expect(http).toMatchObject({
      pending: null,
      revert_at: null,
      stable: { server_port: Number(new URL(ha.url).port) },
    });
  });

  it('imports one external statistic and reads it back', async () => {
    const id = 'myelectricaldata:harness_smoke';
    const start = '2026-02-09T00:00:00+01:00';
    await conn.sendMessagePromise({
      type: 'recorder/import_statistics',
      metadata: {
        source: 'myelectricaldata',
        statistic_id: id,
        name: 'Harness smoke',
        unit_of_measurement: 'kWh',
        unit_class: 'energy',
        has_sum: true,
        mean_type: 0,
      },
      stats: [{ start, state: 0.5, sum: 10.25 }],
    });
    let rows: { start: number; sum: number }[] = [];
    for (let i = 0; i < 40 && rows.length === 0; i++) {
      const result = await conn.sendMessagePromise<Record<string, { start: number; sum: number }[]>>({
        type: 'recorder/statistics_during_period',
        start_time: '2026-02-08T00:00:00Z',
        end_time: '2026-02-10T00:00:00Z',
        statistic_ids: [id],
        period: 'hour',
        types: ['sum'],
      });
      rows = result[id] ?? [];
      if (rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(rows).toEqual([expect.objectContaining({ start: Date.parse(start), sum: 10.25 })]);
    const ours = (await ha.logText())
      .split('\n')
      .filter((l) => /ERROR|WARNING/.test(l) && /recorder|statistic|websocket_api/.test(l));
    expect(ours).toEqual([]);
  });
});
