/** valibot at the card boundary: a config that fails names the field and what is expected. */
import * as v from 'valibot';

export class CardConfigError extends Error {
  override name = 'CardConfigError';
}

export const PDL = v.pipe(v.string(), v.regex(/^\d{14}$/, 'a PDL is 14 digits, e.g. "12345678901234"'));

/** The program's local API as the browser reaches it (same origin as Home Assistant, or a path). */
export const API_URL = v.pipe(
  v.string(),
  v.regex(/^https?:\/\/[^\s]+$|^\/[^\s]*$/, 'api_url must look like http://192.168.1.20:8099'),
);

/** The config, typed, or a `CardConfigError` listing every wrong field. */
export function parseConfig<S extends v.GenericSchema>(schema: S, card: string, input: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, input);
  if (r.success) return r.output;
  const lines = r.issues.map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.') || 'config';
    return `${path}: ${issue.message}`;
  });
  throw new CardConfigError(`${card}: ${lines.join('; ')}`);
}

/** A picklist whose message lists the choices. */
export function oneOf<const T extends readonly string[]>(choices: T) {
  return v.picklist(choices, `expected one of ${choices.join(', ')}`);
}
