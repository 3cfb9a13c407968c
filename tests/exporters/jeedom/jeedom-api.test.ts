/** Golden JSON-RPC requests (`cmd::event`, `eqLogic::save`) and Jeedom's answer quirks, with an injected fetcher. */
import { JeedomApi } from '../../../src/exporters/jeedom/jeedom-api.js';

function recorder(answers: unknown[]) {
  const bodies: string[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    const next = answers.shift();
    return typeof next === 'string' ? new Response(next, { status: 200 }) : Response.json(next);
  }) as unknown as typeof globalThis.fetch;
  return { bodies, api: new JeedomApi({ url: 'http://jeedom.local', apiKey: 'K', timeoutMs: 1000, fetch }) };
}

it('sends cmd::event with the wall-time datetime (golden) and accepts "ok"', async () => {
  const { bodies, api } = recorder([{ jsonrpc: '2.0', id: 1, result: 'ok' }]);
  await api.event({ id: 1234, value: 12.11, datetime: '2026-02-09 00:00:00' });
  expect(bodies).toEqual([
    '{"jsonrpc":"2.0","id":1,"method":"cmd::event","params":{"apikey":"K","id":1234,"value":12.11,"datetime":"2026-02-09 00:00:00"}}',
  ]);
});

it('sends eqLogic::save (golden) and reads the string id of a created equipment', async () => {
  const { bodies, api } = recorder([{ jsonrpc: '2.0', id: 1, result: { id: '1', name: 'Linky 12345678901234' } }]);
  const params = { eqType_name: 'virtual', name: 'Linky 12345678901234', logicalId: 'med_12345678901234', cmd: [] };
  expect(await api.saveEquipment(params)).toBe(1);
  expect(bodies[0]).toBe(
    '{"jsonrpc":"2.0","id":1,"method":"eqLogic::save","params":{"apikey":"K","eqType_name":"virtual","name":"Linky 12345678901234","logicalId":"med_12345678901234","cmd":[]}}',
  );
});

it('reads "ok" as an empty list and ids as numbers', async () => {
  const { api } = recorder([
    { jsonrpc: '2.0', id: 1, result: 'ok' },
    { jsonrpc: '2.0', id: 2, result: [{ id: '5', name: 'x', logicalId: 'med_1', eqType_name: 'virtual' }] },
    { jsonrpc: '2.0', id: 3, result: 'ok' },
  ]);
  expect(await api.virtualEquipments()).toEqual([]);
  expect((await api.virtualEquipments())[0]?.id).toBe(5);
  expect(await api.history(1, 'a', 'b')).toEqual([]);
});

it('treats any error object as a failure, whatever its id, and names a refused key', async () => {
  const { api } = recorder([
    { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'SQLSTATE[22007]' } },
    { jsonrpc: '2.0', id: 99999, error: { code: -32002, message: "Vous n'êtes pas autorisé" } },
    '<h1>Not JSON</h1>',
  ]);
  await expect(api.version()).rejects.toMatchObject({ code: 'JEEDOM_RPC_ERROR', rpcCode: -32000 });
  await expect(api.version()).rejects.toMatchObject({ code: 'JEEDOM_AUTH_REJECTED' });
  await expect(api.version()).rejects.toMatchObject({ code: 'JEEDOM_NOT_JSON_RPC' });
});
