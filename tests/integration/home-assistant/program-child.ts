/**
 * The real program (`src/main.ts start`) as a child process for the integration tests: started against
 * the gateway simulator with an API token, its output collected, restartable with other settings.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RunningSimulator } from '../../../src/gateway/simulator/index.js';

const ROOT = join(__dirname, '../../..');

export class ProgramChild {
  output = '';
  private child: ChildProcess | null = null;

  constructor(
    private readonly sim: RunningSimulator,
    private readonly dataDir: string,
    readonly port: number,
    public token: string,
  ) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the program; `env` overrides its settings (e.g. a wrong `CLIENT_SECRET`). */
  start(env: Record<string, string> = {}): void {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        TZ: process.env.TZ,
        CLIENT_ID: this.sim.clientId,
        CLIENT_SECRET: this.sim.clientSecret,
        GATEWAY_URL: this.sim.baseUrl,
        DATA_DIR: this.dataDir,
        PORT: String(this.port),
        API_HOST: '127.0.0.1',
        API_TOKEN: this.token,
        SYNC_ON_START: 'true',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => {
      this.output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      this.output += d.toString();
    });
    this.child = child;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  /** How many times the output holds `pattern` (e.g. /sync finished/g). */
  count(pattern: RegExp): number {
    return (this.output.match(pattern) ?? []).length;
  }

  async api<T>(path: string, method = 'GET'): Promise<T> {
    const res = await fetch(`${this.apiUrl}${path}`, { method, headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return (await res.json()) as T;
  }
}
