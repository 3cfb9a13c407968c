/**
 * The `Store` implementation shared by every engine: portable SQL over a `SqlRunner`. Engine
 * differences (placeholders, upsert syntax, transactions, driver value types) live in the runners and
 * in `row-codec.ts`, so the three engines behave identically.
 */
import type {
  Address,
  Contract,
  CurveReading,
  DailyEnergy,
  DateRange,
  Direction,
  EcoWattSignal,
  LocalDate,
  MaxPower,
  TempoDay,
  UsagePoint,
} from '../domain/types.js';
import { type ChangeStamp, CountingRunner } from './change-counter.js';
import { curveCoverageQueries } from './curve-coverage-sql.js';
import { forgetPdlRows } from './forget-pdl.js';
import type { CurveDayCoverage, DayAttempt, Store, StoredUsagePoint, StreamName, StreamState } from './repository.js';
import {
  dayAttemptFromRow,
  int,
  lastPerKey,
  normalise,
  num,
  streamStateFromRow,
  usagePointFromRow,
  usagePointRow,
} from './row-codec.js';
import type { SqlRunner, SqlValue, UpsertSpec } from './sql-runner.js';
import { StoreError } from './store-error.js';
import {
  CURVE_CODEC,
  DAILY_ENERGY_CODEC,
  ECOWATT_CODEC,
  MAX_POWER_CODEC,
  type RowCodec,
  TEMPO_CODEC,
} from './stream-codecs.js';
import type { TableInfo } from './table-catalog.js';
import { TABLES } from './tables.js';

const RANGE = 'date >= ? AND date < ?';

/** Stream rows encoded and written per runner call inside one upsert's transaction. */
const ENCODED_SLICE = 2_000;

export class SqlStore implements Store {
  private readonly runner: CountingRunner;

  constructor(runner: SqlRunner) {
    this.runner = runner instanceof CountingRunner ? runner : new CountingRunner(runner);
  }

  get engine(): Store['engine'] {
    return this.runner.dialect;
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.runner.inTransaction) return fn(this);
    return this.runner.transaction((r) => fn(new SqlStore(r)));
  }

  async changeStamp(): Promise<ChangeStamp> {
    return { local: this.runner.writes, external: await this.runner.externalChanges() };
  }

  /** Several statements as one: joins the current transaction or opens one. */
  private atomic<T>(fn: (r: SqlRunner) => Promise<T>): Promise<T> {
    return this.runner.inTransaction ? fn(this.runner) : this.runner.transaction(fn);
  }

  private async upsert(spec: UpsertSpec, rows: SqlValue[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.atomic((r) => r.upsert(spec, rows));
  }

  /** Raw rows of one table in primary-key order, values normalised by column kind (for `copyStore`). */
  async readTableRows(table: TableInfo, offset: number, limit: number): Promise<SqlValue[][]> {
    const rows = await this.runner.all(
      `SELECT ${table.columns.map((c) => c.name).join(', ')} FROM ${table.name} ` +
        `ORDER BY ${table.primaryKey.join(', ')} LIMIT ${int(limit, 'limit')} OFFSET ${int(offset, 'offset')}`,
    );
    return rows.map((r) => table.columns.map((c) => normalise(r[c.name], c.kind)));
  }

  /** Writes raw rows (as `readTableRows` returns them), overwriting rows with the same key. */
  async writeTableRows(table: TableInfo, rows: SqlValue[][]): Promise<void> {
    const spec = { table: table.name, columns: table.columns.map((c) => c.name), key: table.primaryKey };
    await this.upsert(spec, rows);
  }

  async upsertUsagePoints(points: UsagePoint[], seenAt: number): Promise<void> {
    const rows = lastPerKey(points, (p) => p.pdl).map((p) => usagePointRow(p, seenAt));
    await this.upsert(TABLES.usagePoints, rows);
  }

  async listUsagePoints(): Promise<StoredUsagePoint[]> {
    return (await this.runner.all('SELECT * FROM usage_points ORDER BY pdl')).map(usagePointFromRow);
  }

  async getUsagePoint(pdl: string): Promise<StoredUsagePoint | null> {
    const rows = await this.runner.all('SELECT * FROM usage_points WHERE pdl = ?', [pdl]);
    return rows.length === 0 ? null : usagePointFromRow(rows[0]!);
  }

  setContract(contract: Contract): Promise<void> {
    return this.setJson('contract', contract.pdl, contract);
  }

  setAddress(address: Address): Promise<void> {
    return this.setJson('address', address.pdl, address);
  }

  private async setJson(column: 'contract' | 'address', pdl: string, value: unknown): Promise<void> {
    await this.atomic(async (r) => {
      const found = await r.all('SELECT pdl FROM usage_points WHERE pdl = ?', [pdl]);
      if (found.length === 0) {
        throw new StoreError(
          'STORE_UNKNOWN_PDL',
          `cannot store the ${column} of usage point ${pdl}: it is not in the store; store the usage point first.`,
        );
      }
      await r.run(`UPDATE usage_points SET ${column} = ? WHERE pdl = ?`, [JSON.stringify(value), pdl]);
    });
  }

  /**
   * Upserts stream rows through their codec, each prefixed with its owner columns (`pdl`, `direction`).
   * Encodes and writes `ENCODED_SLICE` rows at a time, in one transaction: the encoded arrays of a slice
   * die young instead of all of them living (and being copied by the garbage collector) until the last
   * row is written (two years of curve: 35,000 rows a call).
   */
  private async upsertRows<T>(codec: RowCodec<T>, owner: SqlValue[], rows: readonly T[]): Promise<void> {
    const unique = lastPerKey(rows, codec.key);
    if (unique.length === 0) return;
    await this.atomic(async (r) => {
      for (let at = 0; at < unique.length; at += ENCODED_SLICE) {
        const end = Math.min(unique.length, at + ENCODED_SLICE);
        const slice: SqlValue[][] = new Array(end - at);
        for (let i = at; i < end; i++) slice[i - at] = owner.concat(codec.encode(unique[i]!));
        await r.upsert(codec.table, slice);
      }
    });
  }

  /** Stream rows of `codec`'s table matching `where`, in key order. */
  private async selectRows<T>(codec: RowCodec<T>, where: string, params: SqlValue[]): Promise<T[]> {
    const { table, columns } = codec;
    const rows = await this.runner.all(
      `SELECT ${columns.join(', ')} FROM ${table.table} WHERE ${where} ORDER BY ${columns[0]}`,
      params,
    );
    return rows.map((r) => codec.decode(r));
  }

  upsertDaily(pdl: string, direction: Direction, rows: DailyEnergy[]): Promise<void> {
    return this.upsertRows(DAILY_ENERGY_CODEC, [pdl, direction], rows);
  }

  listDaily(pdl: string, direction: Direction, range: DateRange): Promise<DailyEnergy[]> {
    const where = `pdl = ? AND direction = ? AND ${RANGE}`;
    return this.selectRows(DAILY_ENERGY_CODEC, where, [pdl, direction, range.start, range.end]);
  }

  upsertCurve(pdl: string, direction: Direction, rows: CurveReading[]): Promise<void> {
    return this.upsertRows(CURVE_CODEC, [pdl, direction], rows);
  }

  listCurve(pdl: string, direction: Direction, from: number, to: number): Promise<CurveReading[]> {
    const where = 'pdl = ? AND direction = ? AND start_utc >= ? AND start_utc < ?';
    return this.selectRows(CURVE_CODEC, where, [pdl, direction, from, to]);
  }

  async curveCoverage(pdl: string, direction: Direction, range: DateRange): Promise<CurveDayCoverage[]> {
    const out: CurveDayCoverage[] = [];
    for (const q of curveCoverageQueries(pdl, direction, range)) {
      const rows = await this.runner.all(q.text, q.params);
      for (const r of rows) {
        const date = q.days[num(r.i)];
        if (date) out.push({ date, minutes: num(r.minutes), readings: num(r.readings) });
      }
    }
    return out;
  }

  upsertMaxPower(pdl: string, rows: MaxPower[]): Promise<void> {
    return this.upsertRows(MAX_POWER_CODEC, [pdl], rows);
  }

  listMaxPower(pdl: string, range: DateRange): Promise<MaxPower[]> {
    return this.selectRows(MAX_POWER_CODEC, `pdl = ? AND ${RANGE}`, [pdl, range.start, range.end]);
  }

  upsertTempo(days: TempoDay[]): Promise<void> {
    return this.upsertRows(TEMPO_CODEC, [], days);
  }

  listTempo(range: DateRange): Promise<TempoDay[]> {
    return this.selectRows(TEMPO_CODEC, RANGE, [range.start, range.end]);
  }

  upsertEcoWatt(signals: EcoWattSignal[]): Promise<void> {
    return this.upsertRows(ECOWATT_CODEC, [], signals);
  }

  listEcoWatt(range: DateRange): Promise<EcoWattSignal[]> {
    return this.selectRows(ECOWATT_CODEC, RANGE, [range.start, range.end]);
  }

  async listDayAttempts(pdl: string, stream: StreamName, range: DateRange): Promise<DayAttempt[]> {
    const rows = await this.runner.all(
      `SELECT * FROM day_attempts WHERE pdl = ? AND stream = ? AND ${RANGE} ORDER BY date`,
      [pdl, stream, range.start, range.end],
    );
    return rows.map(dayAttemptFromRow);
  }

  async upsertDayAttempts(pdl: string, stream: StreamName, attempts: DayAttempt[]): Promise<void> {
    const values = lastPerKey(attempts, (a) => a.date).map((a) => [
      pdl,
      stream,
      a.date,
      int(a.attempts, 'attempts'),
      int(a.lastAttemptAt, 'lastAttemptAt'),
      a.nextRetryAt === null ? null : int(a.nextRetryAt, 'nextRetryAt'),
      a.lastError,
    ]);
    await this.upsert(TABLES.dayAttempts, values);
  }

  async deleteDayAttempts(pdl: string, stream: StreamName, dates: LocalDate[]): Promise<void> {
    if (dates.length === 0) return;
    await this.atomic(async (r) => {
      for (let i = 0; i < dates.length; i += 500) {
        const part = dates.slice(i, i + 500);
        await r.run(
          `DELETE FROM day_attempts WHERE pdl = ? AND stream = ? AND date IN (${part.map(() => '?').join(', ')})`,
          [pdl, stream, ...part],
        );
      }
    });
  }

  async getStreamState(pdl: string, stream: StreamName): Promise<StreamState | null> {
    const rows = await this.runner.all('SELECT * FROM stream_state WHERE pdl = ? AND stream = ?', [pdl, stream]);
    return rows.length === 0 ? null : streamStateFromRow(rows[0]!);
  }

  async listStreamStates(): Promise<StreamState[]> {
    return (await this.runner.all('SELECT * FROM stream_state ORDER BY pdl, stream')).map(streamStateFromRow);
  }

  async setStreamState(s: StreamState): Promise<void> {
    const opt = (v: number | null, f: string) => (v === null ? null : int(v, f));
    await this.upsert(TABLES.streamState, [
      [s.pdl, s.stream, opt(s.lastSuccessAt, 'lastSuccessAt'), opt(s.lastAttemptAt, 'lastAttemptAt'), s.lastError],
    ]);
  }

  async getCursor(exporter: string, key: string): Promise<string | null> {
    const rows = await this.runner.all('SELECT value FROM exporter_cursors WHERE exporter = ? AND cursor_key = ?', [
      exporter,
      key,
    ]);
    return rows.length === 0 ? null : String(rows[0]!.value);
  }

  async setCursor(exporter: string, key: string, value: string): Promise<void> {
    await this.upsert(TABLES.exporterCursors, [[exporter, key, value]]);
  }

  async deleteCursor(exporter: string, key: string): Promise<void> {
    await this.runner.run('DELETE FROM exporter_cursors WHERE exporter = ? AND cursor_key = ?', [exporter, key]);
  }

  forgetPdl(pdl: string): Promise<Record<string, number>> {
    return this.atomic((r) => forgetPdlRows(r, pdl));
  }
}
