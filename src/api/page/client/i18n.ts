/** The page's language (French when the browser prefers it, else English) and its words. */
import type { PageLabels } from '../labels.js';

export type WordKey = keyof PageLabels['en'];

/** Both languages, injected by the server as `var LABELS = {…}` before this script (status-page.ts). */
const LABELS = (globalThis as unknown as { LABELS: PageLabels }).LABELS;

export const fr = (navigator.language || '').toLowerCase().startsWith('fr');
export const locale = fr ? 'fr-FR' : 'en-GB';
export const T: Record<WordKey, string> = fr ? LABELS.fr : LABELS.en;

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
