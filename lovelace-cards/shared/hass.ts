/** The part of Home Assistant's `hass` object the cards use (documented frontend API only). */
export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed?: string;
}

export interface Hass {
  states: Record<string, HassEntity | undefined>;
  callWS<T>(message: Record<string, unknown>): Promise<T>;
  language?: string;
  locale?: { language?: string };
  config: { time_zone: string; currency?: string };
  themes?: { darkMode?: boolean };
  user?: { is_admin?: boolean };
  /** The dashboard's URL path (`energy`, `lovelace`, …): part of the energy collection's key. */
  panelUrl?: string;
  /** The websocket connection; the Energy Dashboard keeps its date collection on it (`_energy…`). */
  connection?: Record<string, unknown>;
}

export type Lang = 'en' | 'fr';

export function langOf(hass: Hass | undefined): Lang {
  const l = (hass?.locale?.language ?? hass?.language ?? 'en').toLowerCase();
  return l.startsWith('fr') ? 'fr' : 'en';
}

export function localeOf(hass: Hass | undefined): string {
  return langOf(hass) === 'fr' ? 'fr-FR' : 'en-GB';
}
