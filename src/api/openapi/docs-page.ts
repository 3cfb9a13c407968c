/**
 * `GET /api/docs`: the OpenAPI document rendered on the server as plain HTML (no script, no CDN), so it
 * works offline, behind ingress and under the page's strict CSP. Each operation lists its parameters
 * and answers with their JSON Schema.
 */
type Json = Record<string, unknown>;

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f23;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#16181c}pre,code{background:#23262c!important}}
h2{margin-top:2rem;border-bottom:1px solid #8884}details{margin:.6rem 0;border:1px solid #8884;border-radius:6px;padding:.4rem .8rem}
summary{cursor:pointer}.m{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}
.get{color:#1a7f37}.post{color:#bc4c00}.delete{color:#cf222e}pre,code{background:#f3f4f6;border-radius:4px}pre{padding:.6rem;overflow:auto;font-size:13px}
table{border-collapse:collapse}td,th{border:1px solid #8884;padding:.2rem .5rem;text-align:left;vertical-align:top}`;

function parametersHtml(params: Json[]): string {
  if (params.length === 0) return '';
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(String(p.name))}</code></td><td>${esc(String(p.in))}${p.required ? ', required' : ''}</td>` +
        `<td>${esc(String(p.description ?? ''))}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`,
    )
    .join('');
  return `<table><tr><th>parameter</th><th>in</th><th>meaning</th><th>schema</th></tr>${rows}</table>`;
}

function responsesHtml(responses: Json): string {
  return Object.entries(responses)
    .map(([code, r]) => {
      const { description, content } = r as { description: string; content?: Record<string, { schema: unknown }> };
      const types = Object.entries(content ?? {})
        .map(([type, c]) => `<div><code>${esc(type)}</code><pre>${esc(JSON.stringify(c.schema, null, 2))}</pre></div>`)
        .join('');
      return `<details><summary><b>${esc(code)}</b> ${esc(description)}</summary>${types}</details>`;
    })
    .join('');
}

function operationHtml(path: string, method: string, op: Json): string {
  const head = `<span class="m ${esc(method)}">${esc(method)}</span> <code>${esc(path)}</code> — ${esc(String(op.summary))}`;
  const body = [
    op.description ? `<p>${esc(String(op.description))}</p>` : '',
    parametersHtml((op.parameters as Json[]) ?? []),
    responsesHtml(op.responses as Json),
  ].join('');
  return `<details id="${esc(String(op.operationId))}"><summary>${head}</summary>${body}</details>`;
}

export function renderDocsPage(doc: Json, nonce: string): string {
  const info = doc.info as { title: string; version: string; description: string };
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op as Json).tags as string[])[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(path, method, op as Json)]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(info.title)}</title><style nonce="${nonce}">${STYLE}</style></head><body>
<h1>${esc(info.title)}</h1><p>Version ${esc(info.version)}. ${esc(info.description)}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>${sections}</body></html>`;
}
