/**
 * A real Home Assistant for integration tests, run from the Debian testing root that `install-ha.sh`
 * provisions. Each instance gets its own config folder (a temp folder bound onto `/config` inside the
 * root), its own port on 127.0.0.1 and a private mount namespace, so several test files can run
 * instances in parallel and the kernel drops the /proc, /dev and /config mounts when HA exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, createLongLivedTokenAuth } from 'home-assistant-js-websocket';
import { WebSocket } from 'ws';
import { AppError } from '../../../../src/errors/app-error.js';

globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket;

export const HARNESS_DIR = join(process.cwd(), 'tests/integration/home-assistant/harness');
export const HA_VERSION = readFileSync(join(HARNESS_DIR, 'ha-version'), 'utf8').trim();
const INSTALL_HINT = 'bash tests/integration/home-assistant/harness/install-ha.sh';

export interface HomeAssistantInstance {
  url: string;
  token: string;
  configDir: string;
  version: string;
  /** Stop HA (SIGTERM, wait) and remove its config folder. */
  stop(): Promise<void>;
  /** Stop and start again with the same config, port and token. */
  restart(): Promise<void>;
  /** Stop HA but keep the config, to simulate an unreachable instance; `restart()` brings it back. */
  kill(): Promise<void>;
  /** The content of `home-assistant.log` (plus stderr). */
  logText(): Promise<string>;
}

export interface StartOptions {
  port?: number;
  /** Milliseconds to wait for HA to be running (default 120 s). */
  timeoutMs?: number;
  /** YAML appended to configuration.yaml (e.g. `frontend:` or `config:`; the frontend package is provisioned). */
  extraConfig?: string;
  /** Runs on the config folder before Home Assistant first starts (e.g. to copy `custom_components/`). */
  prepareConfig?: (configDir: string) => Promise<void>;
}

export function haRoot(): string {
  return join(process.env.MED_HA_CACHE ?? '/var/cache/med-ha', HA_VERSION);
}

function assertProvisioned(root: string): void {
  if (!existsSync(join(root, '.med-ha-ready'))) {
    throw new AppError(
      'HA_NOT_PROVISIONED',
      `Home Assistant ${HA_VERSION} is not provisioned in ${root}: run \`${INSTALL_HINT}\` as root first (CI runs it before the tests).`,
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function configuration(port: number): string {
  return `homeassistant:
  name: test
  time_zone: Europe/Paris
  currency: EUR
  country: FR
  unit_system: metric
  latitude: 48.85
  longitude: 2.35
  elevation: 35
http:
  server_host: 127.0.0.1
  server_port: ${port}
api:
websocket_api:
recorder:
  commit_interval: 0
energy:
onboarding:
logger:
  default: warning
`;
}

const IN_ROOT = `set -e; R=$1; C=$2
mount -t proc proc "$R/proc"
mount --rbind /dev "$R/dev"
mount --bind "$C" "$R/config"
exec chroot "$R" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin \
  /opt/ha/bin/hass -c /config --skip-pip`;

function spawnHass(root: string, configDir: string): ChildProcess {
  const err = openSync(join(configDir, 'stderr.log'), 'a');
  const child = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', IN_ROOT, 'sh', root, configDir],
    { stdio: ['ignore', 'ignore', err] },
  );
  closeSync(err);
  return child;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, child: ChildProcess, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Home Assistant exited before ${what}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(250);
  }
  throw new Error(`Home Assistant did not reach "${what}" within ${ms} ms`);
}

async function onboard(url: string): Promise<string> {
  const clientId = `${url}/`;
  const user = await fetch(`${url}/api/onboarding/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: clientId,
      name: 'Test',
      username: 'test',
      password: 'test-pass-1234',
      language: 'en',
    }),
  });
  if (!user.ok) throw new Error(`onboarding/users answered ${user.status}: ${await user.text()}`);
  const { auth_code } = (await user.json()) as { auth_code: string };
  const tokenResponse = await fetch(`${url}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: auth_code, client_id: clientId }),
  });
  if (!tokenResponse.ok) throw new Error(`auth/token answered ${tokenResponse.status}`);
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const conn = await createConnection({ auth: createLongLivedTokenAuth(url, access_token) });
  try {
    return await conn.sendMessagePromise<string>({
      type: 'auth/long_lived_access_token',
      client_name: 'med-tests',
      lifespan: 3650,
    });
  } finally {
    conn.close();
  }
}

/**
 * Home Assistant 2026.x moves the YAML `http:` settings into its storage as a *pending* configuration and,
 * unless someone confirms it within 5 minutes, reverts to the stable one and restarts itself: a test still
 * running then loses Home Assistant (seen as a run stalled for minutes, then lost connections). The harness
 * confirms it, as a user would once the instance answers; "nothing pending" (a restart) is fine.
 */
async function confirmHttpConfig(conn: Awaited<ReturnType<typeof createConnection>>): Promise<void> {
  try {
    await conn.sendMessagePromise({ type: 'http/config/promote' });
  } catch (err) {
    if ((err as { code?: string }).code !== 'not_allowed') throw err;
  }
}

/** Resolves once every integration is set up (`get_config` state RUNNING) and its HTTP settings confirmed. */
async function waitRunning(url: string, token: string, child: ChildProcess, ms: number): Promise<void> {
  await waitFor(
    'HTTP API',
    async () => ((await fetch(`${url}/api/`, { headers: { authorization: `Bearer ${token}` } })).ok ? true : undefined),
    child,
    ms,
  );
  await waitFor(
    'state RUNNING',
    async () => {
      const conn = await createConnection({ auth: createLongLivedTokenAuth(url, token) });
      try {
        const config = await conn.sendMessagePromise<{ state: string }>({ type: 'get_config' });
        if (config.state !== 'RUNNING') return undefined;
        await confirmHttpConfig(conn);
        return true;
      } finally {
        conn.close();
      }
    },
    child,
    ms,
  );
}

async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

export async function startHomeAssistant(options: StartOptions = {}): Promise<HomeAssistantInstance> {
  const root = haRoot();
  assertProvisioned(root);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const configDir = await mkdtemp(join(tmpdir(), 'med-ha-'));
  await writeFile(join(configDir, 'configuration.yaml'), configuration(port) + (options.extraConfig ?? ''));
  await options.prepareConfig?.(configDir);
  let child: ChildProcess | null = spawnHass(root, configDir);
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  const logText = async () =>
    (await readFile(join(configDir, 'home-assistant.log'), 'utf8').catch(() => '')) +
    (await readFile(join(configDir, 'stderr.log'), 'utf8').catch(() => ''));
  let token = '';
  try {
    await waitFor(
      'onboarding',
      async () => ((await fetch(`${url}/api/onboarding`)).ok ? true : undefined),
      child,
      timeoutMs,
    );
    token = await onboard(url);
    await waitRunning(url, token, child, timeoutMs);
  } catch (err) {
    await stopChild(child);
    const log = (await logText()).split('\n').slice(-30).join('\n');
    await rm(configDir, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}\n--- last Home Assistant log lines ---\n${log}`);
  }
  const instance: HomeAssistantInstance = {
    url,
    token,
    configDir,
    version: HA_VERSION,
    logText,
    kill: async () => {
      await stopChild(child);
      child = null;
    },
    restart: async () => {
      await stopChild(child);
      child = spawnHass(root, configDir);
      await waitRunning(url, token, child, timeoutMs);
    },
    stop: async () => {
      await stopChild(child);
      child = null;
      process.removeListener('exit', killOnExit);
      await keepLog(configDir, await logText());
      await rm(configDir, { recursive: true, force: true });
    },
  };
  return instance;
}

/** Where each instance's log is kept once it stops: `$ARTIFACTS_DIR/home-assistant` (default test-artifacts). */
const LOGS = join(
  process.env.ARTIFACTS_DIR ?? fileURLToPath(new URL('../../../../test-artifacts', import.meta.url)),
  'home-assistant',
);

/** Home Assistant's log outlives its temporary folder, so a failure can be read afterwards. */
async function keepLog(configDir: string, text: string): Promise<void> {
  if (!text) return;
  await mkdir(LOGS, { recursive: true });
  await writeFile(join(LOGS, `${basename(configDir)}.log`), text);
}

/** The last `lines` lines of an instance's log, for a failure message. */
export async function logTail(ha: HomeAssistantInstance | undefined, lines = 40): Promise<string> {
  if (!ha) return '';
  const tail = (await ha.logText().catch(() => '')).trimEnd().split('\n').slice(-lines).join('\n');
  return `\n--- last Home Assistant log lines (${ha.configDir}) ---\n${tail || '(empty)'}`;
}

/** GET (no body) or POST (JSON body) on Home Assistant's REST API with the harness token; throws on non-2xx. */
export async function haRest<T>(ha: HomeAssistantInstance, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ha.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${ha.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
