/** The sensor catalog itself: keys, names, documents and the ids derived from keys. */
import {
  GLOBAL_DOCUMENTS,
  GLOBAL_SENSORS,
  PDL_DOCUMENTS,
  PDL_SENSORS,
  SENSORS,
  sensorByKey,
} from '../../src/sensors/catalog.js';
import { documentTopic, entityIds } from '../../src/sensors/ids.js';

const DOCUMENTS = [...PDL_DOCUMENTS, ...GLOBAL_DOCUMENTS];
const sensor = (key: string) => sensorByKey(key)!;
const pdl = { kind: 'pdl', pdl: '12345678901234' } as const;

describe('sensor catalog', () => {
  test('every key is unique and made of lower-case letters, digits and _', () => {
    const keys = SENSORS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9_]+$/);
    expect([PDL_SENSORS.length, GLOBAL_SENSORS.length]).toEqual([72, 11]);
  });

  test('every sensor has an English and a French name, distinct per language', () => {
    for (const s of SENSORS) {
      expect([s.key, s.names.en.trim().length > 0, s.names.fr.trim().length > 0]).toEqual([s.key, true, true]);
    }
    for (const lang of ['en', 'fr'] as const) {
      const names = SENSORS.map((s) => s.names[lang]);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(sensor('consumption_week').names).toEqual({ en: 'Consumption this week', fr: 'Consommation semaine' });
    expect(sensor('tempo_days_blue').names).toEqual({ en: 'Tempo blue days left', fr: 'Jours Tempo bleus restants' });
    expect(sensor('tempo_period').names).toEqual({ en: 'Tempo current period', fr: 'Période Tempo en cours' });
    expect(sensor('tempo_price').names).toEqual({ en: 'Tempo current price', fr: 'Prix Tempo en cours' });
    expect([sensor('tempo_price').unit, sensor('tempo_price').document.path]).toEqual(['EUR/kWh', 'tempo/price']);
  });

  test('every sensor reads a document of the catalog; every document is read; paths are unique', () => {
    for (const s of PDL_SENSORS) expect([s.key, PDL_DOCUMENTS.includes(s.document)]).toEqual([s.key, true]);
    for (const s of GLOBAL_SENSORS) expect([s.key, GLOBAL_DOCUMENTS.includes(s.document)]).toEqual([s.key, true]);
    for (const d of DOCUMENTS) expect([d.path, SENSORS.some((s) => s.document === d)]).toEqual([d.path, true]);
    expect(new Set(DOCUMENTS.map((d) => d.path)).size).toBe(DOCUMENTS.length);
  });

  test('shared documents: the four contract sensors and the two sync sensors read one document each', () => {
    const contract = ['subscribed_power', 'offpeak_hours', 'tariff_option', 'contract_status'].map(sensor);
    expect(new Set(contract.map((s) => s.document)).size).toBe(1);
    expect(contract.map((s) => s.field)).toEqual([
      'subscribed_power_kva',
      'offpeak_hours',
      'tariff_option',
      'contract_status',
    ]);
    expect(sensor('last_sync').document).toBe(sensor('sync_status').document);
    expect(sensor('sync_status').field).toBe('status');
  });

  test('classes: enums have options and no unit; monetary is total with last_reset; energy has no state class', () => {
    for (const s of SENSORS) {
      if (s.deviceClass === 'enum') expect([s.key, s.options?.length ? 1 : 0, s.unit]).toEqual([s.key, 1, undefined]);
      else expect([s.key, s.options]).toEqual([s.key, undefined]);
      if (s.deviceClass === 'monetary')
        expect([s.stateClass, s.unit, s.lastResetField]).toEqual(['total', 'EUR', 'last_reset']);
      if (s.deviceClass === 'energy') expect([s.key, s.stateClass]).toEqual([s.key, undefined]);
    }
    expect(sensor('tariff_option').options).toEqual(['BASE', 'HC_HP', 'TEMPO', 'EJP', 'HC_WEEKEND']);
    expect(sensor('tempo_today').options).toEqual(['BLUE', 'WHITE', 'RED']);
    expect(sensor('tempo_period').options).toEqual(['HC', 'HP']);
    expect(sensor('sync_status').options).toEqual(['ok', 'error', 'never']);
  });

  test('devices: PDL sensors on the Linky, Tempo and EcoWatt on their own device', () => {
    expect(new Set(PDL_SENSORS.map((s) => s.document.device))).toEqual(new Set(['pdl']));
    expect(GLOBAL_SENSORS.map((s) => s.document.device)).toEqual([
      ...Array(7).fill('tempo'),
      ...Array(4).fill('ecowatt'),
    ]);
  });
});

describe('ids derived from the key (ids.ts)', () => {
  test('a PDL sensor: unique id, entity id and topic', () => {
    expect(entityIds(sensor('consumption_week'), pdl)).toEqual({
      uniqueId: 'myelectricaldata_linky_12345678901234_consumption_week',
      objectId: 'linky_12345678901234_consumption_week',
      entityId: 'sensor.linky_12345678901234_consumption_week',
      topic: '12345678901234/consumption/week',
    });
    expect(entityIds(sensor('production_compensation_month'), pdl).topic).toBe(
      '12345678901234/production/compensation/month',
    );
  });

  test('a sensor sharing a document has its own ids and the document topic', () => {
    expect(entityIds(sensor('tariff_option'), pdl)).toEqual({
      uniqueId: 'myelectricaldata_linky_12345678901234_tariff_option',
      objectId: 'linky_12345678901234_tariff_option',
      entityId: 'sensor.linky_12345678901234_tariff_option',
      topic: '12345678901234/contract',
    });
  });

  test('V1 unique ids kept as data: yesterday per direction, EcoWatt with an upper-case J', () => {
    expect(entityIds(sensor('consumption_yesterday'), pdl)).toMatchObject({
      uniqueId: 'myelectricaldata_linky_12345678901234_consumption',
      entityId: 'sensor.linky_12345678901234_consumption_yesterday',
    });
    expect(entityIds(sensor('production_yesterday'), pdl).uniqueId).toBe(
      'myelectricaldata_linky_12345678901234_production',
    );
    expect(entityIds(sensor('ecowatt_j0'), { kind: 'ecowatt' })).toEqual({
      uniqueId: 'myelectricaldata_ecowatt_J0',
      objectId: 'myelectricaldata_ecowatt_j0',
      entityId: 'sensor.myelectricaldata_ecowatt_j0',
      topic: 'ecowatt/j0',
    });
    expect(SENSORS.filter((s) => s.v1UniqueKey).map((s) => s.key)).toEqual([
      'consumption_yesterday',
      'production_yesterday',
      'ecowatt_j0',
      'ecowatt_j1',
      'ecowatt_j2',
      'ecowatt_j3',
    ]);
  });

  test('global sensors: Tempo', () => {
    expect(entityIds(sensor('tempo_days_red'), { kind: 'tempo' })).toEqual({
      uniqueId: 'myelectricaldata_tempo_days_red',
      objectId: 'myelectricaldata_tempo_days_red',
      entityId: 'sensor.myelectricaldata_tempo_days_red',
      topic: 'tempo/remaining/red',
    });
    expect(documentTopic(sensor('tempo_today').document, { kind: 'tempo' })).toBe('tempo/today');
    expect(entityIds(sensor('tempo_period'), { kind: 'tempo' })).toMatchObject({
      uniqueId: 'myelectricaldata_tempo_period',
      entityId: 'sensor.myelectricaldata_tempo_period',
      topic: 'tempo/period',
    });
  });

  test('unknown keys are undefined', () => {
    expect(sensorByKey('nope')).toBeUndefined();
  });
});
