/** Dirty marks on a real SQLite store: merging, clearing only what a run served, older formats. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMark, instantCodec, ServedMarks } from '../../../src/exporters/kit/dirty-marks.js';
import { silentLogger } from '../../../src/log/logger.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/repository.js';

const CODEC = instantCodec('test');
const KEY = 'dirty:x';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'med-marks-'));
  store = await openStore({ dataDir: dir, logger: silentLogger });
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dirty marks', () => {
  it('keeps the earliest instant', async () => {
    await addMark(store, CODEC, KEY, 500);
    await addMark(store, CODEC, KEY, 300);
    await addMark(store, CODEC, KEY, 900);
    expect(await new ServedMarks(store, CODEC).read(KEY)).toBe(300);
  });

  it('drops a mark the run served', async () => {
    await addMark(store, CODEC, KEY, 500);
    const marks = new ServedMarks(store, CODEC);
    expect(await marks.read(KEY)).toBe(500);
    await marks.clear();
    expect(await store.getCursor('test', KEY)).toBeNull();
  });

  it('keeps a mark written while the run ran, even when its instant is later (same earliest instant)', async () => {
    await addMark(store, CODEC, KEY, 500);
    const marks = new ServedMarks(store, CODEC);
    expect(await marks.read(KEY)).toBe(500);
    await addMark(store, CODEC, KEY, 900); // a sync changed a later day while the run was exporting
    await marks.clear();
    expect(await new ServedMarks(store, CODEC).read(KEY)).toBe(500);
  });

  it('clears against the first text a run read, not a later read of the same key', async () => {
    await addMark(store, CODEC, KEY, 500);
    const marks = new ServedMarks(store, CODEC);
    await marks.read(KEY);
    await addMark(store, CODEC, KEY, 200);
    expect(await marks.read(KEY)).toBe(200);
    await marks.clear();
    expect(await new ServedMarks(store, CODEC).read(KEY)).toBe(200);
  });

  it('reads the bare instant earlier versions stored, and ignores what it cannot read', async () => {
    await store.setCursor('test', KEY, '1234');
    expect(await new ServedMarks(store, CODEC).read(KEY)).toBe(1234);
    await addMark(store, CODEC, KEY, 2000);
    expect(await new ServedMarks(store, CODEC).read(KEY)).toBe(1234);
    await store.setCursor('test', 'other', 'not json');
    expect(await new ServedMarks(store, CODEC).read('other')).toBeNull();
  });
});
