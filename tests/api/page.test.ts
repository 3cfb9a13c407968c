import { gzipSync } from 'node:zlib';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('GET / (status page)', () => {
  it('is HTML with a nonce CSP allowing only its own inline style and script', async () => {
    const res = await h.api.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(res.body).toContain(`<script nonce="${nonce}">`);
    expect(res.body).toContain(`<style nonce="${nonce}">`);
    const second = await h.api.inject('/');
    expect(second.headers['content-security-policy']).not.toBe(csp);
  });

  it('loads nothing from outside and links only relatively', async () => {
    const { body } = await h.api.inject('/');
    expect(body).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(body).not.toMatch(/fetch\('\//);
    const hrefs = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.filter((u) => !u.startsWith('data:'))).toEqual(['api/status', 'api/pdls', 'api/health', 'api/status']);
    expect(body).not.toContain('<base');
  });

  it('shows the version and the Sync now button', async () => {
    const { body } = await h.api.inject('/');
    expect(body).toContain('<span id="version">v1.2.3</span>');
    expect(body).toContain('>Sync now</button>');
  });

  it('has a hidden Exporters section, labelled in English and in French', async () => {
    const { body } = await h.api.inject('/');
    expect(body).toContain(
      '<section class="card" id="exporters-card" hidden><h2 data-t="exporters">Exporters</h2><div id="exporters"></div></section>',
    );
    const labels = JSON.parse(/var LABELS = (\{.*?\});/s.exec(body)?.[1] ?? '{}');
    expect(Object.keys(labels.fr).sort()).toEqual(Object.keys(labels.en).sort());
    expect([labels.en.exporters, labels.fr.exporters]).toEqual(['Exporters', 'Exportations']);
    for (const name of ['home_assistant', 'mqtt', 'ha_rest_states']) {
      expect(labels.en[`exporter_${name}`]).toEqual(expect.any(String));
      expect(labels.fr[`exporter_${name}`]).toEqual(expect.any(String));
    }
    expect(body).toContain('renderExporters(s, now);');
  });

  it('is the whole first load (HTML, CSS, script, words) and stays within 150 KB gzipped', async () => {
    const { body } = await h.api.inject('/');
    const gzipped = gzipSync(body).length;
    process.stdout.write(`page first load: ${body.length} bytes, ${gzipped} bytes gzipped\n`);
    expect(gzipped).toBeLessThanOrEqual(150 * 1024);
    expect(body).toContain('id="charts-card"');
    expect(body).toContain('id="tempo-card"');
  });

  it('honours X-Ingress-Path with a <base> so links resolve under the prefix', async () => {
    const res = await h.api.inject({ url: '/', headers: { 'x-ingress-path': '/api/hassio_ingress/tok3n' } });
    expect(res.body).toContain('<base href="/api/hassio_ingress/tok3n/">');
  });

  it('ignores a malformed X-Ingress-Path instead of echoing it', async () => {
    const evil = '/x"><script>alert(1)</script>';
    const res = await h.api.inject({ url: '/', headers: { 'x-ingress-path': evil } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('alert(1)');
    expect(res.body).not.toContain('<base');
  });
});
