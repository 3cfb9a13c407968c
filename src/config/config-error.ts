import { AppError } from '../errors/app-error.js';

/** Bad configuration: one line per problem, each naming the setting, the problem and the fix. */
export class ConfigError extends AppError {
  constructor(
    readonly problems: string[],
    readonly warnings: string[] = [],
  ) {
    super('config_invalid', problems.join('\n'));
  }
}
