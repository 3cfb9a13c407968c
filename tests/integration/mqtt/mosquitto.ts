/**
 * A real Mosquitto for tests: `/usr/sbin/mosquitto -c <tmp conf>` on 127.0.0.1 and a free port, no
 * persistence (a restart loses retained messages, like a broker that was wiped). CI needs the Debian
 * package `mosquitto` installed; nothing else.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const MOSQUITTO_BIN = '/usr/sbin/mosquitto';

export interface Mosquitto {
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`mosquitto did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startMosquitto(): Promise<Mosquitto> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mosquitto-'));
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n`);
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(MOSQUITTO_BIN, ['-c', conf], { stdio: 'ignore' });
    await waitForPort(port);
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c?.pid) return;
    c.kill('SIGTERM');
    await exited(c);
  };
  await launch();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    restart: async () => {
      await kill();
      await launch();
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
