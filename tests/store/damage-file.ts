/** Test helper: garbage over a page in the middle of a SQLite file, as a failing disk would leave it. */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

export function damagePage(file: string): void {
  const fd = openSync(file, 'r+');
  const middle = Math.floor(statSync(file).size / 4096 / 2) * 4096;
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, middle);
  closeSync(fd);
}
