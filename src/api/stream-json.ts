/**
 * Large answers without blocking the event loop: a range is read from the store a week at a time and
 * encoded 250 rows at a time (about a millisecond of work), with a turn of the event loop between pieces, so `/api/health` and
 * other requests are answered while years of curve go out. Memory holds one week of rows whatever the
 * range. The first piece is read before the answer starts, so a store failure is still a proper error answer.
 */
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { addDays, minDate } from '../domain/time.js';
import type { DateRange } from '../domain/types.js';
import type { CsvFormat } from './csv.js';

const PIECE_DAYS = 7;
const ROWS_PER_TURN = 250;

/** `range` cut into consecutive pieces of at most `days` Paris days, in order. */
export function splitRange(range: DateRange, days = PIECE_DAYS): DateRange[] {
  const out: DateRange[] = [];
  for (let start = range.start; start < range.end; start = addDays(start, days)) {
    out.push({ start, end: minDate(addDays(start, days), range.end) });
  }
  return out;
}

/** How rows become text: JSON array or CSV lines. */
interface Framing {
  open: string;
  separator: string;
  close: string;
  row(json: unknown): string;
}

const JSON_FRAMING: Framing = { open: '[', separator: ',', close: ']', row: (json) => JSON.stringify(json) };

const csvFraming = (csv: CsvFormat): Framing => ({
  open: csv.header,
  separator: '',
  close: '',
  row: (json) => csv.row(json as Record<string, unknown>),
});

async function* encode<Row>(
  first: Row[],
  rest: DateRange[],
  read: (range: DateRange) => Promise<Row[]>,
  json: (row: Row) => unknown,
  framing: Framing,
): AsyncGenerator<string> {
  yield framing.open;
  let separator = '';
  let rows = first;
  for (let i = 0; ; i++) {
    for (let k = 0; k < rows.length; k += ROWS_PER_TURN) {
      const text = rows
        .slice(k, k + ROWS_PER_TURN)
        .map((row) => framing.row(json(row)))
        .join(framing.separator);
      yield separator + text;
      separator = framing.separator;
      await nextTurn();
    }
    if (i >= rest.length) break;
    rows = await read(rest[i]!);
  }
  yield framing.close;
}

/** Every row of `range`, read piece by piece through `read`: a JSON array, or CSV lines when `csv` is given. */
export async function jsonArrayStream<Row>(
  range: DateRange,
  read: (range: DateRange) => Promise<Row[]>,
  json: (row: Row) => unknown,
  csv?: CsvFormat,
): Promise<Readable> {
  const [head, ...rest] = splitRange(range);
  const first = head ? await read(head) : [];
  return Readable.from(encode(first, rest, read, json, csv ? csvFraming(csv) : JSON_FRAMING));
}
