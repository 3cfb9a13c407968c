/**
 * The fake Jeedom reproduces exporters.md §4.3 to the letter: these tests pin each observed behaviour,
 * asserting on recorded history rather than on HTTP codes.
 */
import { FakeJeedom } from './fake-jeedom/server.js';
import { archive, freshState } from './fake-jeedom/state.js';
import { historyOf, rpc } from './helpers.js';

const fake = new FakeJeedom({ fallbackDelayMs: 0, now: () => Date.parse('2026-11-27T08:00:00Z') });
beforeAll(() => fake.start());
afterAll(() => fake.stop());

async function raw(body: string, type = 'application/json') {
  const res = await fetch(`${fake.url}/core/api/jeeApi.php`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function create(name: string, cmds: Record<string, unknown>[]) {
  return (await rpc(fake, 'eqLogic::save', { eqType_name: 'virtual', name, logicalId: `med_${name}`, cmd: cmds })) as {
    id: unknown;
  };
}

const info = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  logicalId: name,
  type: 'info',
  subType: 'numeric',
  isHistorized: 1,
  ...extra,
});

it('answers empty lists with "ok" and pings without a key', async () => {
  expect(await rpc(fake, 'eqLogic::byType', { type: 'virtual' })).toBe('ok');
  expect(await rpc(fake, 'jeeObject::all')).toBe('ok');
  expect(await rpc(fake, 'eqLogic::all')).toBe('ok');
  expect((await raw('{"jsonrpc":"2.0","id":4,"method":"ping","params":{}}')).body).toEqual({
    jsonrpc: '2.0',
    id: 4,
    result: 'pong',
  });
  expect(await rpc(fake, 'version')).toBe('4.5.3');
});

it('maps key errors to -32001/-32002 with the id echoed, 99999 for an unparsable body, always HTTP 200', async () => {
  expect(await raw('{"jsonrpc":"2.0","id":5,"method":"version","params":{}}')).toEqual({
    status: 200,
    body: { jsonrpc: '2.0', id: 5, error: { code: -32001, message: expect.any(String) } },
  });
  expect((await raw('{"jsonrpc":"2.0","id":"a","method":"version","params":{"apikey":"nope"}}')).body).toMatchObject({
    id: 'a',
    error: { code: -32002 },
  });
  expect((await raw('{"jsonrpc":"2.0","id":6,"method":"version","params":{"api":"core-key"}}')).body).toMatchObject({
    result: '4.5.3',
  });
  const plugin = (extra: string) =>
    raw(`{"jsonrpc":"2.0","id":9,"method":"version","params":{"apikey":"virtual-key"${extra}}}`);
  expect((await plugin('')).body).toMatchObject({ error: { code: -32002 } });
  expect((await plugin(',"plugin":"virtual"')).body).toMatchObject({ result: '4.5.3' });
  expect((await raw('{nope')).body).toMatchObject({ id: 99999, error: { code: -32700 } });
  expect(
    (
      await raw(
        `request=${encodeURIComponent('{"jsonrpc":"2.0","id":8,"method":"version","params":{"apikey":"core-key"}}')}`,
        'application/x-www-form-urlencoded',
      )
    ).body,
  ).toMatchObject({ id: 8, result: '4.5.3' });
  await expect(rpc(fake, 'eqLogic::nope')).rejects.toThrow(/Aucune méthode correspondante/);
  await expect(rpc(fake, 'cmd::event', { id: 424242, value: 1 })).rejects.toThrow(
    /-32702.*Commande introuvable : 424242/,
  );
});

it('sends a created id as a string, no cmds in the reply, adds refresh, and nothing is unique on logicalId', async () => {
  const saved = await create('dup', [info('a')]);
  expect(typeof saved.id).toBe('string');
  expect(saved).not.toHaveProperty('cmds');
  const again = await create('dup', [info('a')]);
  expect(again.id).not.toBe(saved.id);
  const cmds = (await rpc(fake, 'cmd::byEqLogicId', { eqLogic_id: Number(saved.id) })) as { logicalId: string }[];
  expect(cmds.map((c) => c.logicalId).sort()).toEqual(['a', 'refresh']);
  const resaved = (await rpc(fake, 'eqLogic::save', {
    id: Number(saved.id),
    eqType_name: 'virtual',
    name: 'dup',
    cmd: [],
  })) as { id: unknown };
  expect(resaved.id).toBe(Number(saved.id));
});

it('deletes omitted commands with their history, and fails on a duplicate name after saving the equipment', async () => {
  const id = Number((await create('del', [info('a'), info('b')])).id);
  const cmds = (await rpc(fake, 'cmd::byEqLogicId', { eqLogic_id: id })) as { id: number; logicalId: string }[];
  const a = cmds.find((c) => c.logicalId === 'a')!;
  const b = cmds.find((c) => c.logicalId === 'b')!;
  await rpc(fake, 'cmd::event', { id: b.id, value: 1, datetime: '2026-11-01 00:00:00' });
  await rpc(fake, 'eqLogic::save', { id, eqType_name: 'virtual', name: 'del', cmd: [{ id: a.id }] });
  expect(fake.cmd(b.id)).toBeUndefined();
  expect(fake.state.history.has(b.id)).toBe(false);
  await expect(
    rpc(fake, 'eqLogic::save', { id, eqType_name: 'virtual', name: 'renamed', cmd: [{ id: a.id }, info('a')] }),
  ).rejects.toThrow(/1062 Duplicate entry/);
  expect(fake.state.equipments.find((e) => e.id === id)?.name).toBe('renamed');
});

it('stores wall times verbatim, replaces the same datetime, makes the last push current, rejects offsets after updating the value', async () => {
  const id = Number((await create('hist', [info('h')])).id);
  const cmd = ((await rpc(fake, 'cmd::byEqLogicId', { eqLogic_id: id })) as { id: number; logicalId: string }[]).find(
    (c) => c.logicalId === 'h',
  )!;
  await rpc(fake, 'cmd::event', { id: cmd.id, value: 5, datetime: '2026-11-02 00:00:00' });
  await rpc(fake, 'cmd::event', { id: cmd.id, value: 12.11, datetime: '2026-11-01T00:00:00' });
  await rpc(fake, 'cmd::event', { id: cmd.id, value: 12.5, datetime: '2026-11-01 00:00:00' });
  expect(await historyOf(fake, cmd.id)).toEqual(
    new Map([
      ['2026-11-01 00:00:00', '12.5'],
      ['2026-11-02 00:00:00', '5'],
    ]),
  );
  expect(await rpc(fake, 'cmd::execCmd', { id: cmd.id })).toMatchObject({ value: 12.5 });
  await expect(rpc(fake, 'cmd::event', { id: cmd.id, value: 7, datetime: '2026-11-03T00:00:00Z' })).rejects.toThrow(
    /-32000.*1292/,
  );
  expect(await rpc(fake, 'cmd::execCmd', { id: cmd.id })).toMatchObject({ value: 7 });
  expect((await historyOf(fake, cmd.id)).size).toBe(2);
  archive(fake.state, '2026-11-27 06:00:00');
  expect((await historyOf(fake, cmd.id)).get('2026-11-01 00:00:00')).toBe('12.500000000');
});

it('bans an address after 6 failed logins in 300 s (whitelist off), with a 404 page on every request', async () => {
  const banned = new FakeJeedom({ state: freshState() });
  banned.bans.whitelistPrivate = false;
  await banned.start();
  try {
    const post = (body: string) => fetch(`${banned.url}/core/api/jeeApi.php`, { method: 'POST', body });
    for (let i = 0; i < 5; i++) expect((await post('{"jsonrpc":"1.0","id":1,"method":"version"}')).status).toBe(200);
    // A wrong key over JSON-RPC does not count.
    await post('{"jsonrpc":"2.0","id":1,"method":"version","params":{"apikey":"x"}}');
    expect((await post('{"jsonrpc":"2.0","id":1,"method":"ping"}')).status).toBe(200);
    await post('{"jsonrpc":"1.0","id":1,"method":"version"}');
    expect((await post('{"jsonrpc":"2.0","id":1,"method":"ping"}')).status).toBe(404);
  } finally {
    await banned.stop();
  }
});

it('serves the HTTP fallback: the virtual key and type=event only, no datetime', async () => {
  const id = Number((await create('http', [info('v')])).id);
  const cmd = fake.state.cmds.find((c) => c.eqLogic_id === id && c.logicalId === 'v')!;
  const get = async (q: string) => (await fetch(`${fake.url}/core/api/jeeApi.php?${q}`)).text();
  expect(await get(`plugin=virtual&apikey=virtual-key&type=virtual&id=${cmd.id}&value=3`)).toBe('');
  expect(fake.state.history.get(cmd.id)).toBeUndefined();
  expect(await get(`plugin=virtual&apikey=virtual-key&type=event&id=${cmd.id}&value=3`)).toBe('');
  expect(await historyOf(fake, cmd.id)).toEqual(new Map([['2026-11-27 09:00:00', '3']]));
  expect(await get('plugin=virtual&apikey=virtual-key&type=event&id=999999&value=3')).toContain("n\\'est");
  expect(await get(`plugin=virtual&apikey=core-key&type=event&id=${cmd.id}&value=3`)).toMatch(/autorisé/);
});
