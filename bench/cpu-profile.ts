/**
 * Opt-in CPU profile of one measured step: with `BENCH_CPU_PROFILE=<dir>` set, `profiled(name, fn)`
 * records a V8 CPU profile of `fn` alone (set-up excluded) into `<dir>/<name>.cpuprofile`, readable by
 * Chrome DevTools or `bench/profile-summary.ts`. Without the variable it only runs `fn`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return fn();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
