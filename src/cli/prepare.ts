/** The shared start of every configured command: configuration, logger, warnings. */
import type { Config, RawConfig } from '../config/index.js';
import type { CliDeps, RunContext } from './context.js';

export async function prepare(deps: CliDeps, flags: RawConfig = {}): Promise<{ config: Config; ctx: RunContext }> {
  const { config, warnings } = await deps.loadConfig(flags);
  const logger = deps.createLogger(config.log_level);
  for (const warning of warnings) logger.warn(warning);
  return { config, ctx: { logger, shutdown: deps.shutdown, print: deps.print } };
}
