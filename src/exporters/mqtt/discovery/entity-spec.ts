/** What one published sensor is, independent of the transport (MQTT discovery or HA REST states). */
export type DeviceRef = { kind: 'pdl'; pdl: string } | { kind: 'tempo' } | { kind: 'ecowatt' };

export interface EntitySpec {
  /** Stable kind name, e.g. `consumption_yesterday`. */
  kind: string;
  /** Never changes once published: Home Assistant keys the entity registry on it. */
  uniqueId: string;
  /** Suggested entity id without the `sensor.` domain. */
  objectId: string;
  name: string;
  /** State topic relative to the prefix; the entity reads `field` from its JSON document. */
  topic: string;
  field: string;
  device: DeviceRef;
  deviceClass?: string;
  stateClass?: string;
  unit?: string;
  /** JSON field of the state document holding the cycle start (state class `total` only). */
  lastResetField?: string;
  options?: string[];
  entityCategory?: 'diagnostic';
  icon?: string;
}
