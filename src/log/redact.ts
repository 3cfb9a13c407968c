/**
 * The one place where secrets are removed from text. Every secret the program learns (client secret,
 * JWT, Home Assistant token, MQTT and database passwords) is registered here at the edge, and every log
 * line, error message and status output goes through `redactText`.
 */
const secrets = new Set<string>();

export const REDACTED = '***';

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redactText(text: string): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
  }
  // Credentials inside URLs (scheme://user:password@host) and bearer tokens, even if never registered.
  out = out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]+@/gi, `$1${REDACTED}@`);
  out = out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, `$1${REDACTED}`);
  return out;
}
