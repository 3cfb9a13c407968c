/**
 * Which `lovelace/resources/*` calls bring Home Assistant's dashboard resources to exactly one entry for
 * our bundle at its current URL: keep it when present, else update our oldest entry (any version) or
 * create one; delete every other entry of ours (older versions, duplicates). Entries of other cards are
 * never touched. Pure: the installer runs the plan.
 */
import { createHash } from 'node:crypto';
import { CARDS_FILE } from './bundle-options.js';

export interface LovelaceResource {
  id: string;
  url: string;
  type?: string;
}

export interface ResourcePlan {
  keep: string | null;
  update: { id: string; url: string } | null;
  create: { url: string } | null;
  delete: string[];
}

/** `/local/myelectricaldata-cards.js?v=<first 12 hex of the bundle's SHA-256>`. */
export function resourceUrl(bundle: string): string {
  const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 12);
  return `/local/${CARDS_FILE}?v=${hash}`;
}

/** Ours: the file name under `/local/` (or `/hacsfiles/`…) with or without a query. */
export function isOurs(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path.endsWith(`/${CARDS_FILE}`);
}

export function planResources(existing: readonly LovelaceResource[], url: string): ResourcePlan {
  const ours = existing.filter((r) => isOurs(r.url));
  const exact = ours.find((r) => r.url === url && (r.type ?? 'module') === 'module');
  if (exact)
    return { keep: exact.id, update: null, create: null, delete: ours.filter((r) => r !== exact).map((r) => r.id) };
  const [first, ...rest] = ours;
  if (first) return { keep: null, update: { id: first.id, url }, create: null, delete: rest.map((r) => r.id) };
  return { keep: null, update: null, create: { url }, delete: [] };
}

/** The line to add when the dashboards keep their resources in YAML. */
export function yamlResourceLine(url: string): string {
  return `lovelace: resources: [{url: "${url}", type: module}]`;
}
