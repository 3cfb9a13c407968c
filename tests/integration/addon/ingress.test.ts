/**
 * Ingress in add-on mode, with the built program: pages requested with `X-Ingress-Path` link only under
 * that path (and those links answer once the ingress proxy strips the prefix); any address other than the
 * ingress proxy is refused, except the health check.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AddonRun, startAddon } from './addon-program.js';
import { assembleImage, buildOnce, type ImageLayout } from './image-layout.js';

jest.setTimeout(120_000);

const PREFIX = '/api/hassio_ingress/0a1b2c3d4e5f';
const NO_EXPORTERS = { home_assistant: false, mqtt: false, sync_on_start: false, client_secret: 'ingress-secret' };
const SUPERVISOR = { SUPERVISOR_TOKEN: 'supervisor-token-for-ingress', GATEWAY_URL: 'http://127.0.0.1:9/api' };

let image: ImageLayout;
let dir: string;
const runs: AddonRun[] = [];

beforeAll(() => {
  buildOnce();
  image = assembleImage('addon/Dockerfile');
  dir = mkdtempSync(join(tmpdir(), 'med-ingress-'));
});

afterAll(async () => {
  for (const run of runs) await run.program.stop();
  image?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Every URL the page links to or fetches: hrefs/srcs, and the quoted `api/…` paths of its script. */
function pageUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:href|src|action)="([^"]+)"/g)].map((m) => m[1]);
  const scripted = [...html.matchAll(/['"](api\/[a-z/]+)['"]/g)].map((m) => m[1]);
  return [...new Set([...attributes, ...scripted])].filter((url) => !url.startsWith('data:'));
}

describe('add-on ingress', () => {
  it('serves pages whose every link resolves under X-Ingress-Path and answers through the proxy', async () => {
    const run = await startAddon(image, join(dir, 'allowed'), NO_EXPORTERS, {
      ...SUPERVISOR,
      INGRESS_ADDRESSES: '127.0.0.1',
    });
    runs.push(run);
    const page = await fetch(`${run.url}/`, { headers: { 'x-ingress-path': PREFIX } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const base = /<base href="([^"]+)">/.exec(html)?.[1];
    expect(base).toBe(`${PREFIX}/`);
    const urls = pageUrls(html);
    expect(urls).toEqual(expect.arrayContaining(['api/status', 'api/pdls', 'api/health']));
    for (const link of urls) {
      const resolved = new URL(link, `https://homeassistant.local:8123${base}`);
      expect([link, resolved.pathname.startsWith(`${PREFIX}/`)]).toEqual([link, true]);
      if (link === 'api/sync') continue; // POST only; the page posts it from a button
      // The Supervisor's ingress proxy strips the prefix and forwards to the add-on.
      const forwarded = await fetch(`${run.url}${resolved.pathname.slice(PREFIX.length)}`, {
        headers: { 'x-ingress-path': PREFIX },
      });
      expect([link, forwarded.status]).toEqual([link, 200]);
    }
  });

  it('refuses every address but the ingress proxy, except /api/health', async () => {
    const run = await startAddon(image, join(dir, 'default'), NO_EXPORTERS, SUPERVISOR);
    runs.push(run);
    const page = await fetch(`${run.url}/`, { headers: { 'x-ingress-path': PREFIX } });
    expect(page.status).toBe(403);
    expect(((await page.json()) as { error?: unknown }).error).toBeDefined();
    expect((await fetch(`${run.url}/api/status`)).status).toBe(403);
    expect((await fetch(`${run.url}/api/health`)).status).toBe(200);
  });

  it('logs plain text without colour codes or secrets', () => {
    const output = runs.map((run) => run.program.output()).join('\n');
    expect(output).not.toContain('\u001b[');
    expect(output).not.toContain('ingress-secret');
    expect(output).not.toContain('supervisor-token-for-ingress');
  });
});
