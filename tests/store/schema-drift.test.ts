import { SCHEMA_CATALOGS, TABLE_CATALOG } from '../../src/store/table-catalog.js';
import { TABLES } from '../../src/store/tables.js';

describe('the three schemas stay in lock-step', () => {
  test('sqlite has the expected tables', () => {
    expect(TABLE_CATALOG.map((t) => t.name)).toEqual([
      'daily_energy',
      'day_attempts',
      'ecowatt_signals',
      'exporter_cursors',
      'load_curve',
      'max_power',
      'stream_state',
      'tempo_days',
      'usage_points',
    ]);
  });

  test.each(['postgres', 'mysql'] as const)(
    '%s has the same tables, columns, kinds, keys and nullability',
    (dialect) => {
      expect(SCHEMA_CATALOGS[dialect]).toEqual(SCHEMA_CATALOGS.sqlite);
    },
  );

  test('the SQL in the store names only columns of the schema, with their primary keys', () => {
    for (const spec of Object.values(TABLES)) {
      const table = TABLE_CATALOG.find((t) => t.name === spec.table);
      expect(table).toBeDefined();
      const names = table!.columns.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining([...spec.columns]));
      expect([...spec.key].sort()).toEqual([...table!.primaryKey].sort());
    }
  });
});
