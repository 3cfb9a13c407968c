import { fixedClock } from '../../src/domain/clock.js';
import { createGatewayClient, type GatewayClientOptions } from '../../src/gateway/client.js';
import { memoryLogger } from '../../src/log/logger.js';

export const SECRET = 'cs-test-4b1d9e0f7a2c58e3';
export const PDL = '12345678901234';
/** 10:00 Paris on 2026-11-27. */
export const NOW = Date.parse('2026-11-27T09:00:00Z');

export function makeClient(baseUrl: string, extra: Partial<GatewayClientOptions> = {}) {
  const clock = fixedClock(NOW);
  const logger = memoryLogger();
  const sleeps: number[] = [];
  const client = createGatewayClient({
    baseUrl,
    clientSecret: SECRET,
    clock,
    logger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    ...extra,
  });
  return { client, clock, logger, sleeps };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected a failure');
}
