/**
 * A VictoriaMetrics server of a test's own (Debian package `victoria-metrics`), on a free loopback port
 * with a temp data dir and a 100-year retention, for tests that stop and restart it. `VM_URL` (set by
 * `.ci/services.sh`) is the shared server for tests that do not.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const VM_URL = process.env.VM_URL || undefined;
/** For test names: why the VictoriaMetrics tests are skipped here, or ''. */
export const VM_SKIP = VM_URL ? '' : ' (skipped: VM_URL is not set, run through .ci/services.sh)';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface VmProcess {
  url: string;
  /** Stops the server with `signal` (SIGTERM: flushes; SIGKILL: as a crash) and waits for its exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data dir. */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`VictoriaMetrics did not answer at ${url}`);
}

export async function startVmProcess(): Promise<VmProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'med-vm-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const vm: VmProcess = {
    url,
    async start() {
      child = spawn(
        'victoria-metrics',
        [
          `-httpListenAddr=127.0.0.1:${port}`,
          `-storageDataPath=${dir}`,
          '-retentionPeriod=100y',
          '-search.latencyOffset=0s',
          '-search.disableCache',
        ],
        { stdio: 'ignore' },
      );
      await waitHealthy(url);
    },
    async stop(signal = 'SIGTERM') {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((resolve) => c.once('exit', resolve));
      c.kill(signal);
      await exited;
    },
    async close() {
      await vm.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await vm.start();
  return vm;
}
