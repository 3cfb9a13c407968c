/**
 * The page side of the browser tests: a stub `hass` whose `callWS` answers from the fixtures (and
 * records every call), a stub `ha-form` that shows the schema it was given, and a helper adding a card.
 * Serialised into the page with `page.evaluate`, so it only uses what the browser has.
 */
export interface PageFixtures {
  rows: Record<string, { start: number; end: number; change: number }[]>;
  states: Record<string, { state: string; attributes: Record<string, unknown> }>;
  history: Record<string, unknown[]>;
  language: string;
  dark: boolean;
  /** The dashboard's URL path (the energy date collection's key depends on it). */
  panelUrl?: string;
}

export function installStubHass(f: PageFixtures): void {
  const calls: Record<string, unknown>[] = [];
  const w = window as unknown as Record<string, unknown>;
  w.wsCalls = calls;
  const states = Object.fromEntries(Object.entries(f.states).map(([k, v]) => [k, { entity_id: k, ...v }]));
  w.hass = {
    states,
    language: f.language,
    locale: { language: f.language },
    config: { time_zone: 'Europe/Paris', currency: 'EUR' },
    themes: { darkMode: f.dark },
    user: { is_admin: true },
    panelUrl: f.panelUrl,
    connection: {},
    callWS: async (msg: Record<string, unknown>) => {
      calls.push(msg);
      if (msg.type === 'recorder/statistics_during_period') {
        const from = Date.parse(String(msg.start_time));
        const to = Date.parse(String(msg.end_time));
        const out: Record<string, unknown[]> = {};
        for (const id of msg.statistic_ids as string[]) {
          const rows = (f.rows[id] ?? []).filter((r) => r.start >= from && r.start < to);
          if (rows.length) out[id] = rows;
        }
        return out;
      }
      if (msg.type === 'recorder/list_statistic_ids')
        return Object.keys(f.rows).map((statistic_id) => ({ statistic_id }));
      if (msg.type === 'history/history_during_period') return f.history;
      throw { code: 'unknown_command', message: `no fixture for ${String(msg.type)}` };
    },
  };
  if (f.dark) {
    const s = document.documentElement.style;
    s.setProperty('--primary-text-color', '#e1e1e1');
    s.setProperty('--secondary-text-color', '#9b9b9b');
    s.setProperty('--card-background-color', '#1c1c1c');
    s.setProperty('--divider-color', 'rgba(225,225,225,0.12)');
    s.setProperty('--primary-color', '#03a9f4');
    document.body.style.background = '#111111';
  } else {
    document.body.style.background = '#fafafa';
  }
  // ha-form as far as the editors use it: it shows each field's label and value (for screenshots).
  customElements.define(
    'ha-form',
    class extends HTMLElement {
      fields: { name: string; selector: Record<string, unknown> }[] = [];
      values: Record<string, unknown> = {};
      set data(d: Record<string, unknown>) {
        this.values = d;
      }
      set schema(s: { name: string; selector: Record<string, unknown> }[]) {
        this.fields = s;
        this.setAttribute('data-fields', s.map((x) => x.name).join(','));
      }
      set computeLabel(label: (s: { name: string }) => string) {
        const labels = this.fields.map((f) => label(f));
        this.setAttribute('data-labels', labels.join('|'));
        this.innerHTML = this.fields
          .map((f, i) => {
            const kind = Object.keys(f.selector)[0];
            const value = JSON.stringify(this.values[f.name] ?? '');
            return `<div style="padding:6px 0;border-bottom:1px solid #ddd"><b>${labels[i]}</b> <i>(${kind})</i> ${value}</div>`;
          })
          .join('');
      }
    },
  );
}

export function addCard({ tag, config }: { tag: string; config: Record<string, unknown> }): void {
  const el = document.createElement(tag) as HTMLElement & { setConfig(c: unknown): void; hass: unknown };
  el.setConfig({ type: `custom:${tag}`, ...config });
  el.hass = (window as unknown as { hass: unknown }).hass;
  el.style.width = '480px';
  el.style.margin = '12px';
  el.style.display = 'inline-block';
  el.style.verticalAlign = 'top';
  document.body.append(el);
}
