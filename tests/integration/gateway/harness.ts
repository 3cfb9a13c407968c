/** A gateway client wired to a simulated gateway, with a frozen clock and no real waiting. */
import { type Clock, fixedClock } from '../../../src/domain/clock.js';
import { createGatewayClient, type GatewayClientOptions } from '../../../src/gateway/client.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../../src/log/logger.js';

/** 10:00 Paris on 2026-11-27: J-1 (2026-11-26) is published. */
export const NOW = Date.parse('2026-11-27T09:00:00Z');
export const TODAY = '2026-11-27';

export async function simulatedGateway(
  options: SimulatorOptions = {},
  clientOptions: Partial<GatewayClientOptions> = {},
) {
  const clock: Clock & { set(ms: number): void } = fixedClock(NOW);
  const sim: RunningSimulator = await startSimulator({ clock, ...options });
  const logger = memoryLogger();
  const sleeps: number[] = [];
  const client = createGatewayClient({
    baseUrl: sim.baseUrl,
    clientSecret: sim.clientSecret,
    clock,
    logger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    ...clientOptions,
  });
  return { sim, client, clock, logger, sleeps };
}

export async function caught(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected a failure');
}

/** `path?query` of the simulator's log, from entry `from` on. */
export function logLines(sim: RunningSimulator, from = 0): string[] {
  return sim.requestLog.slice(from).map((r) => `${r.path}?${new URLSearchParams(r.query)}`);
}
