/**
 * Levelled, structured logs with child loggers per component, written as one readable line per event:
 * `[2026-12-02 18:22:10] INFO: [sync] sync finished {"calls":29}` (the add-on Log tab shows it as it is),
 * colours only on a TTY. Lines are written synchronously, so nothing is lost when the process exits right
 * after. Secrets are redacted in one place (`redact.ts`), whatever field or message they end up in.
 * (No logging library: pino with pino-pretty cost about 30 ms and 7 MiB of every start to produce JSON and
 * parse it back into this line; README, performance.)
 */
import { redactText, registerSecret } from './redact.js';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface LogFn {
  (msg: string): void;
  (fields: Record<string, unknown>, msg?: string): void;
}

export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Colours and human layout; defaults to whether stdout is a TTY. */
  tty?: boolean;
  destination?: NodeJS.WritableStream;
}

type EventLevel = Exclude<LogLevel, 'silent'>;
const RANK: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 99 };
/** ANSI colour of each level's label on a TTY. */
const COLOUR: Record<EventLevel, string> = {
  trace: '90',
  debug: '34',
  info: '32',
  warn: '33',
  error: '31',
  fatal: '41',
};

const two = (n: number) => String(n).padStart(2, '0');

/** The machine's local time, as an administrator reads it next to other logs. */
function localTime(d: Date): string {
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ` +
    `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`
  );
}

interface Sink {
  min: number;
  tty: boolean;
  out: NodeJS.WritableStream;
}

function formatLine(sink: Sink, level: EventLevel, fields: Record<string, unknown>, msg: string): string {
  const { component, ...rest } = fields;
  const label = sink.tty ? `\u001b[${COLOUR[level]}m${level.toUpperCase()}\u001b[39m` : level.toUpperCase();
  const text = `${component === undefined ? '' : `[${String(component)}] `}${msg}`;
  const extra = JSON.stringify(rest);
  const parts = [`[${localTime(new Date())}] ${label}:`];
  if (text) parts.push(sink.tty ? `\u001b[36m${text}\u001b[39m` : text);
  if (extra !== '{}') parts.push(extra);
  return `${parts.join(' ')}\n`;
}

function lineLogger(sink: Sink, bindings: Record<string, unknown>): Logger {
  const make =
    (level: EventLevel): LogFn =>
    (a: string | Record<string, unknown>, b?: string) => {
      if (RANK[level] < sink.min) return;
      const fields = typeof a === 'string' ? {} : (scrub(a) as Record<string, unknown>);
      const msg = redactText(typeof a === 'string' ? a : (b ?? ''));
      sink.out.write(formatLine(sink, level, { ...bindings, ...fields }, msg));
    };
  return {
    trace: make('trace'),
    debug: make('debug'),
    info: make('info'),
    warn: make('warn'),
    error: make('error'),
    fatal: make('fatal'),
    child: (more) => lineLogger(sink, { ...bindings, ...(scrub(more) as Record<string, unknown>) }),
  };
}

export function createLogger(options: LoggerOptions): Logger {
  const tty = options.tty ?? Boolean(process.stdout.isTTY);
  return lineLogger({ min: RANK[options.level], tty, out: options.destination ?? process.stdout }, {});
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return { error: redactText(value.message), code: (value as { code?: unknown }).code };
  if (value && typeof value === 'object') {
    return JSON.parse(redactText(JSON.stringify(value)));
  }
  return value;
}

/** A logger that keeps lines in memory: for tests and for the API's "last errors". */
export interface MemoryLogger extends Logger {
  lines: { level: string; msg: string; fields: Record<string, unknown> }[];
}

export function memoryLogger(bindings: Record<string, unknown> = {}, sink?: MemoryLogger['lines']): MemoryLogger {
  const lines = sink ?? [];
  const make =
    (level: string): LogFn =>
    (a: string | Record<string, unknown>, b?: string) => {
      const fields = typeof a === 'string' ? {} : (scrub(a) as Record<string, unknown>);
      const msg = redactText(typeof a === 'string' ? a : (b ?? ''));
      lines.push({ level, msg, fields: { ...bindings, ...fields } });
    };
  return {
    lines,
    trace: make('trace'),
    debug: make('debug'),
    info: make('info'),
    warn: make('warn'),
    error: make('error'),
    fatal: make('fatal'),
    child: (more) => memoryLogger({ ...bindings, ...more }, lines),
  };
}

export const silentLogger: Logger = memoryLogger();
export { registerSecret };
