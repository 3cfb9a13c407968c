/** What the command-line layer needs from the outside: everything is injected, so tests drive it in-process. */
import type { Shutdown } from '../app/shutdown.js';
import type { Config, RawConfig } from '../config/index.js';
import type { Logger, LogLevel } from '../log/logger.js';

/** Handed to every action: the logger, the shutdown registry and a way to print plain result lines. */
export interface RunContext {
  logger: Logger;
  shutdown: Shutdown;
  print(line: string): void;
}

export interface DemoOptions {
  /** Configuration with the demo's flags (`--data-dir`, `--port`) applied. */
  config: Config;
  dataDir?: string;
  port?: number;
}

/**
 * The work behind each command. Long-running actions (start, demo, simulator) return once running and
 * register their closers with `ctx.shutdown`; one-shot actions return when done.
 */
export interface CliActions {
  start(config: Config, ctx: RunContext): Promise<unknown>;
  syncOnce(config: Config, ctx: RunContext): Promise<unknown>;
  status(config: Config, ctx: RunContext): Promise<unknown>;
  demo(options: DemoOptions, ctx: RunContext): Promise<unknown>;
  simulator(options: { port: number }, ctx: RunContext): Promise<unknown>;
  storeCopy(config: Config, to: string, ctx: RunContext): Promise<unknown>;
}

export interface CliDeps {
  version: string;
  actions: CliActions;
  /** Loads and validates the configuration with the command's flags on top (rejects with `ConfigError`). */
  loadConfig(flags: RawConfig): Promise<{ config: Config; warnings: string[] }>;
  createLogger(level: LogLevel): Logger;
  shutdown: Shutdown;
  print(line: string): void;
  /** Commander's own output (help, version, usage errors). */
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/** Whether the process must stay up after the command returned (servers running). */
export interface CliState {
  keepRunning: boolean;
}
