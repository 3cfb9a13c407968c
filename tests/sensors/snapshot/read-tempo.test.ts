/** Tempo read from a real SQLite store at given instants (the store of the MQTT goldens: 1 Sep → 28 Nov 2026). */
import { parisNaiveToUtc } from '../../../src/domain/time.js';
import { documentsForSnapshot } from '../../../src/sensors/entities.js';
import { readSnapshot } from '../../../src/sensors/snapshot/read-snapshot.js';
import { openTempStore, seedStore, type TempStore } from '../../exporters/mqtt/seed-store.js';

let temp: TempStore;
beforeAll(async () => {
  temp = await openTempStore();
  await seedStore(temp.store);
});
afterAll(() => temp.cleanup());

async function tempoAt(naive: string) {
  const docs = documentsForSnapshot(await readSnapshot(temp.store, parisNaiveToUtc(naive)));
  return new Map(docs.filter((d) => d.topic.startsWith('tempo/')).map((d) => [d.topic, d.payload]));
}

test('at 03:00 Paris "today" is the previous calendar day (26 Nov, red) and "tomorrow" 27 Nov (white)', async () => {
  const t = await tempoAt('2026-11-27 03:00:00');
  expect([t.get('tempo/today')?.value, t.get('tempo/today')?.date]).toEqual(['RED', '2026-11-26']);
  expect([t.get('tempo/tomorrow')?.value, t.get('tempo/tomorrow')?.date]).toEqual(['WHITE', '2026-11-27']);
  expect(t.get('tempo/period')).toMatchObject({ value: 'HC', color: 'RED', ends_at: '2026-11-27T06:00:00+01:00' });
  // Held 1 Sep → 27 Nov (the day in force and the next): 28 Nov's red does not count yet.
  expect(t.get('tempo/remaining/red')).toMatchObject({ value: 21, used: 1, days_unknown: 0, quality: 'complete' });
});

test('on 29 Nov at 07:00 tomorrow (30 Nov) is not in the store: unknown, not published', async () => {
  const t = await tempoAt('2026-11-29 07:00:00');
  expect(t.get('tempo/today')?.value).toBeNull();
  expect(t.get('tempo/tomorrow')).toMatchObject({ value: null, published: false, quality: 'missing' });
  // 29 Nov itself is missing from the store: the counts are flagged.
  expect(t.get('tempo/remaining/blue')).toMatchObject({ days_unknown: 1, quality: 'partial' });
});
