/**
 * The page's language: the one chosen with the language button (kept in this browser), else French when
 * the browser prefers it, else English; and its words.
 */
import type { PageLabels } from '../labels.js';

export type WordKey = keyof PageLabels['en'];
export type Lang = 'en' | 'fr';

/** Both languages, injected by the server as `var LABELS = {…}` before this script (status-page.ts). */
const LABELS = (globalThis as unknown as { LABELS: PageLabels }).LABELS;
const KEY = 'myelectricaldata.lang';

function chosen(): Lang | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'en' || v === 'fr' ? v : null;
  } catch {
    return null;
  }
}

export const lang: Lang = chosen() ?? ((navigator.language || '').toLowerCase().startsWith('fr') ? 'fr' : 'en');
export const fr = lang === 'fr';
export const locale = fr ? 'fr-FR' : 'en-GB';
export const T: Record<WordKey, string> = fr ? LABELS.fr : LABELS.en;

/** Keeps the choice and reloads the page in that language. */
export function switchLanguage(to: Lang): void {
  try {
    localStorage.setItem(KEY, to);
  } catch {
    // storage disabled: the choice lasts only for this load
  }
  location.reload();
}

/** The word for a key known only at run time (a stream or exporter name, a `data-t` attribute). */
export function word(key: string): string | undefined {
  return (T as Record<string, string | undefined>)[key];
}

/** `T[key]` with its `{name}` placeholders filled. */
export function t(key: WordKey, vars: Record<string, string | number> = {}): string {
  let s = T[key] || key;
  for (const [name, value] of Object.entries(vars)) s = s.replace(`{${name}}`, String(value));
  return s;
}
