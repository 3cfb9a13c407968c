/**
 * The tables as the drizzle schemas describe them, in an engine-neutral shape: used by the schema drift
 * test and by `copyStore` (which copies every table column by column).
 */
import type { Table } from 'drizzle-orm';
import { getTableConfig as mysqlConfig } from 'drizzle-orm/mysql-core';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { compareText } from '../domain/compare-text.js';
import * as mysqlSchema from './schema/mysql.js';
import * as pgSchema from './schema/postgres.js';
import * as sqliteSchema from './schema/sqlite.js';

export interface ColumnInfo {
  name: string;
  /** drizzle's value kind: 'string', 'number', 'boolean'. */
  kind: string;
  notNull: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

interface AnyConfig {
  name: string;
  columns: { name: string; dataType: string; notNull: boolean; primary: boolean }[];
  primaryKeys: { columns: { name: string }[] }[];
}

function describe(config: AnyConfig): TableInfo {
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name));
  return {
    name: config.name,
    columns: config.columns.map((c) => ({ name: c.name, kind: c.dataType, notNull: c.notNull })),
    primaryKey: [...single, ...composite],
  };
}

function catalog(schema: Record<string, unknown>, get: (t: never) => AnyConfig): TableInfo[] {
  return Object.values(schema)
    .map((t) => describe(get(t as never)))
    .sort((a, b) => compareText(a.name, b.name));
}

export const SCHEMA_CATALOGS = {
  sqlite: catalog(sqliteSchema, (t: Table) => sqliteConfig(t as never) as unknown as AnyConfig),
  postgres: catalog(pgSchema, (t: Table) => pgConfig(t as never) as unknown as AnyConfig),
  mysql: catalog(mysqlSchema, (t: Table) => mysqlConfig(t as never) as unknown as AnyConfig),
};

/** The reference catalog (the three are tested equal). */
export const TABLE_CATALOG: TableInfo[] = SCHEMA_CATALOGS.sqlite;
