/**
 * Levelled, structured logs with child loggers per component. Pino underneath; plain readable text when
 * the output is not a terminal (the add-on Log tab), colours only on a TTY. Secrets are redacted in one
 * place (`redact.ts`), whatever field or message they end up in.
 */
import pino from 'pino';
import pretty from 'pino-pretty';
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

export function createLogger(options: LoggerOptions): Logger {
  const tty = options.tty ?? Boolean(process.stdout.isTTY);
  const stream = pretty({
    colorize: tty,
    sync: true,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
    // One line per event: `[time] INFO: [sync] message {"calls":29}` — readable in the add-on Log tab.
    singleLine: true,
    messageFormat: '{if component}[{component}] {end}{msg}',
    ignore: 'pid,hostname,component',
    destination: options.destination ?? process.stdout,
  });
  return pino(
    {
      level: options.level,
      base: undefined,
      hooks: {
        // Secrets are scrubbed from every message and every string field, in one place.
        logMethod(args, method) {
          method.apply(this, args.map(scrub) as Parameters<typeof method>);
        },
      },
    },
    stream,
  ) as unknown as Logger;
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
