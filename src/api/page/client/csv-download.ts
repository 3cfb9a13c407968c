/**
 * "CSV" download links. The link points at the series with `format=csv` (relative, so it works under any
 * prefix), and a click downloads it through `apiFetch` so the API token goes with it when one is set;
 * the file name is the one the server gives (`Content-Disposition`).
 */
import { apiFetch } from './api-fetch.js';
import { h } from './dom.js';
import { csvUrl } from './energy-api.js';
import { T } from './i18n.js';

/** The server's file name, else one made of the URL: `<pdl>-consumption-aggregate-<start>-<end>.csv`. */
function fileName(r: Response, url: string): string {
  const m = /filename="([^"]+)"/.exec(r.headers.get('content-disposition') ?? '');
  if (m?.[1]) return m[1];
  const [path = '', search = ''] = url.split('?');
  const p = new URLSearchParams(search);
  const parts = path.replace(/^api\/(pdls\/)?/, '').split('/');
  return `${[...parts, p.get('period'), p.get('start'), p.get('end')].filter(Boolean).join('-')}.csv`;
}

async function download(url: string, link: HTMLAnchorElement): Promise<void> {
  link.setAttribute('aria-busy', 'true');
  try {
    const r = await apiFetch(url, { headers: { accept: 'text/csv' } });
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const blob = await r.blob();
    const href = URL.createObjectURL(blob);
    const a = h('a', { href, download: fileName(r, url) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  } catch (err) {
    link.title = err instanceof Error ? err.message : String(err);
    link.classList.add('failed');
  } finally {
    link.removeAttribute('aria-busy');
  }
}

/** A link "CSV · {what}" downloading `url` (a JSON series URL) as CSV. */
export function csvLink(url: string, what: string): HTMLAnchorElement {
  const target = csvUrl(url);
  const a = h('a', { class: 'csv', href: target, download: '', 'data-csv': target }, [
    `${T.csv} · ${what}`,
  ]) as HTMLAnchorElement;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    void download(target, a);
  });
  return a;
}
