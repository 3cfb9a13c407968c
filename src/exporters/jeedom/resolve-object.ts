/** The `jeedom_object` setting (a room/object, by id or name) as the id Jeedom wants in `object_id`. */

import type { JeedomObject } from './jeedom-api.js';
import { JeedomError } from './jeedom-errors.js';

export function resolveObject(setting: string | undefined, objects: readonly JeedomObject[]): number | null {
  const wanted = setting?.trim();
  if (!wanted) return null;
  const lower = wanted.toLowerCase();
  const hit =
    objects.find((o) => String(o.id) === wanted) ?? objects.find((o) => o.name.trim().toLowerCase() === lower);
  if (hit) return hit.id;
  const known = objects.map((o) => `${o.name} (${o.id})`).join(', ') || 'none';
  throw new JeedomError(
    'JEEDOM_OBJECT_NOT_FOUND',
    `Jeedom has no object « ${wanted} » (known: ${known}): fix jeedom_object or create the object in Jeedom (Outils → Objets).`,
  );
}
