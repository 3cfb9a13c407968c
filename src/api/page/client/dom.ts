/** DOM helpers. Data only ever becomes text nodes (`append(string)`), never HTML, so it needs no escaping. */
export type Child = Node | string | number | null | undefined | false;

/** `<tag props…>kids…</tag>`; null, undefined and false children are skipped. */
export function h(tag: string, props: Record<string, string> = {}, kids: readonly Child[] = []): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) el.setAttribute(name, value);
  for (const kid of kids) {
    if (kid !== null && kid !== undefined && kid !== false) el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}

/** The element of the page shell (status-page.ts) with this id. */
export function byId<E extends HTMLElement = HTMLElement>(id: string): E {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as E;
}
