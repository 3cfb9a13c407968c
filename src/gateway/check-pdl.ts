import { GatewayError } from './errors.js';

const PDL_RE = /^\d{14}$/;

/** Every `/enedis/*` path carries the 14-digit PRM; anything else is a configuration mistake. */
export function checkPdl(pdl: string): void {
  if (!PDL_RE.test(pdl)) {
    throw new GatewayError(
      'INVALID_PDL',
      `the usage point id ${JSON.stringify(pdl)} is not 14 digits: check the PDL`,
      'client',
    );
  }
}
