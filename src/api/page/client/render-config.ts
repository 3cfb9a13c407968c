/** The configuration card: every setting in force as `api/config` serves it (secrets already masked). */
import { getJson } from './api-fetch.js';
import { byId, h } from './dom.js';
import { T } from './i18n.js';
import { table } from './widgets.js';

function shown(value: unknown): string {
  if (value === null) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Reads the configuration once (it does not change while the program runs); hidden when unavailable. */
export async function renderConfig(): Promise<void> {
  const body = await getJson<{ settings: Record<string, unknown> | null }>('api/config').catch(() => null);
  const card = byId('config-card');
  if (!body?.settings) {
    card.hidden = true;
    return;
  }
  const rows = Object.entries(body.settings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) =>
      h('tr', { 'data-setting': key }, [h('td', {}, [h('code', {}, [key])]), h('td', {}, [shown(value)])]),
    );
  byId('config').replaceChildren(table([T.setting, T.value], rows));
  card.hidden = false;
}
