import { join } from 'node:path';
import { createShutdown } from '../../src/app/shutdown.js';
import { runSimulatorAction } from '../../src/cli/actions.js';
import type { CliActions, CliDeps } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/config/index.js';
import { AppError } from '../../src/errors/app-error.js';
import { DEMO_CLIENT_SECRET } from '../../src/gateway/simulator/index.js';
import { memoryLogger } from '../../src/log/logger.js';

const NO_OPTIONS = join(__dirname, 'absent-options.json');

function harness(env: Record<string, string> = {}, overrides: Partial<CliActions> = {}) {
  const calls: { action: string; args: unknown[] }[] = [];
  const record =
    (action: string) =>
    async (...args: unknown[]) => {
      calls.push({ action, args });
    };
  const out: string[] = [];
  const err: string[] = [];
  const logger = memoryLogger();
  const deps: CliDeps = {
    version: '9.8.7',
    actions: {
      start: record('start'),
      syncOnce: record('syncOnce'),
      status: record('status'),
      demo: record('demo'),
      simulator: record('simulator'),
      storeCopy: record('storeCopy'),
      ...overrides,
    },
    loadConfig: (flags) => loadConfig({ env: { DATA_DIR: './data', ...env }, flags, optionsFile: NO_OPTIONS }),
    createLogger: () => logger,
    shutdown: createShutdown(),
    print: (line) => out.push(line),
    writeOut: (text) => out.push(text),
    writeErr: (text) => err.push(text),
  };
  return { deps, calls, out, err, logger };
}

describe('runCli', () => {
  it('runs "start" by default and keeps running', async () => {
    const h = harness({ CLIENT_SECRET: 'cli-secret-1' });
    expect(await runCli([], h.deps)).toBe('running');
    expect(h.calls.map((c) => c.action)).toEqual(['start']);
    expect(h.calls[0]?.args[0]).toMatchObject({ client_secret: 'cli-secret-1', port: 8080 });
  });

  it('runs "sync --once" and exits 0 after closing what was opened', async () => {
    const closed: string[] = [];
    const h = harness(
      { CLIENT_SECRET: 'cli-secret-2' },
      {
        syncOnce: async (_config, ctx) => {
          ctx.shutdown.register('store', () => closed.push('store'));
        },
      },
    );
    expect(await runCli(['sync', '--once'], h.deps)).toBe(0);
    expect(closed).toEqual(['store']);
  });

  it('exits 2 with one line per configuration problem, without a stack trace', async () => {
    const h = harness({ PORT: '80a', SYNC_CURVE: 'maybe' });
    expect(await runCli(['status'], h.deps)).toBe(2);
    expect(h.err).toEqual([
      'PORT: "80a" is not a number; set PORT to a TCP port such as 8080\n',
      'SYNC_CURVE: "maybe" is not true or false; set SYNC_CURVE to true or false\n',
    ]);
    expect(h.calls).toEqual([]);
  });

  it('exits 2 when "sync" has no client secret', async () => {
    const h = harness();
    expect(await runCli(['sync'], h.deps)).toBe(2);
    expect(h.err.join('')).toMatch(/^CLIENT_SECRET: not set, and "sync" needs it; set CLIENT_SECRET/);
  });

  it('maps an AppError to one readable line and exit code 1, with secrets redacted', async () => {
    const h = harness(
      { CLIENT_SECRET: 'cli-secret-3' },
      {
        status: async () => {
          throw new AppError('gateway_refused', 'the gateway refused cli-secret-3; check CLIENT_SECRET');
        },
      },
    );
    expect(await runCli(['status'], h.deps)).toBe(1);
    expect(h.err).toEqual(['error: the gateway refused ***; check CLIENT_SECRET\n']);
  });

  it('passes demo flags through the configuration', async () => {
    const h = harness();
    expect(await runCli(['demo', '--data-dir', '/tmp/demo-x', '--port', '0'], h.deps)).toBe('running');
    expect(h.calls[0]?.args[0]).toMatchObject({
      dataDir: '/tmp/demo-x',
      port: 0,
      config: { data_dir: '/tmp/demo-x', port: 0 },
    });
  });

  it('rejects a bad demo port with exit code 2 naming the flag', async () => {
    const h = harness();
    expect(await runCli(['demo', '--port', 'x'], h.deps)).toBe(2);
    expect(h.err).toEqual(['--port: "x" is not a number; set --port to a TCP port such as 8080\n']);
  });

  it('passes the target URL of "store copy"', async () => {
    const h = harness();
    expect(await runCli(['store', 'copy', '--to', 'postgres://a:b@127.0.0.1/app'], h.deps)).toBe(0);
    expect(h.calls[0]).toMatchObject({
      action: 'storeCopy',
      args: [expect.anything(), 'postgres://a:b@127.0.0.1/app', expect.anything()],
    });
  });

  it('prints the version from the injected package version', async () => {
    const h = harness();
    expect(await runCli(['--version'], h.deps)).toBe(0);
    expect(h.out).toEqual(['9.8.7\n']);
  });

  it('prints help listing every command', async () => {
    const h = harness();
    expect(await runCli(['--help'], h.deps)).toBe(0);
    const help = h.out.join('');
    for (const command of ['start', 'sync', 'status', 'demo', 'simulator', 'store']) expect(help).toContain(command);
  });

  it('logs configuration warnings (unknown keys) through the logger', async () => {
    const h = harness({ CONFIG_FILE: join(__dirname, '../config/fixtures/unknown-key.yaml') });
    expect(await runCli(['status'], h.deps)).toBe(0);
    expect(h.logger.lines.filter((l) => l.level === 'warn').map((l) => l.msg)[0]).toContain('did you mean "port"?');
  });
});

describe('simulator command', () => {
  it('starts the simulated gateway, prints its URL and demo credentials, and closes on shutdown', async () => {
    const h = harness({}, { simulator: runSimulatorAction });
    expect(await runCli(['simulator', '--port', '0'], h.deps)).toBe('running');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/api)/.exec(h.out[0] ?? '')?.[1];
    expect(url).toBeDefined();
    expect(h.out.join('\n')).toContain(DEMO_CLIENT_SECRET);
    const ping = await fetch(`${url}/ping`);
    expect(ping.status).toBe(200);
    expect(await h.deps.shutdown.run()).toEqual([]);
    await expect(fetch(`${url}/ping`)).rejects.toThrow();
  });

  it('rejects a port that is not a number with exit code 2', async () => {
    const h = harness();
    expect(await runCli(['simulator', '--port', 'abc'], h.deps)).toBe(2);
    expect(h.err).toEqual(['--port: "abc" is not a TCP port; set --port to a number such as 8090\n']);
  });
});
