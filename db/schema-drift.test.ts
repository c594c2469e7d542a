import assert from "node:assert/strict";
import { test } from "node:test";
import { getTableConfig as pgTableConfig } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";
import * as sqliteTables from "./schema.ts";
import * as pgTables from "./schema-pg.ts";

type Config = ReturnType<typeof pgTableConfig> | ReturnType<typeof sqliteTableConfig>;

/** What the application code relies on, in a form both engines' configs reduce to. */
function shape(config: Config) {
  const column = (c: Config["columns"][number]) => ({
    name: c.name,
    type: c.dataType,
    enum: c.enumValues ?? null,
    notNull: c.notNull,
    default: c.hasDefault,
    primary: c.primary,
    unique: c.isUnique,
  });
  return {
    name: config.name,
    columns: config.columns.map(column).sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((key) => key.columns.map((c) => c.name)),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name,
        unique: index.config.unique,
        on: index.config.columns.map((c) => ("name" in c ? c.name : "expression")),
      }))
      .sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "")),
    checks: config.checks.map((check) => check.name).sort(),
    references: config.foreignKeys
      .map((key) => {
        const { columns, foreignTable, foreignColumns } = key.reference();
        const target = foreignColumns.map((c) => c.name).join(",");
        return `${columns.map((c) => c.name).join(",")} -> ${tableName(foreignTable)}(${target}) on delete ${key.onDelete ?? "no action"}`;
      })
      .sort(),
  };
}

function tableName(table: object): string {
  return (table as Record<symbol, string>)[Symbol.for("drizzle:Name")] ?? "?";
}

function tablesOf(module: Record<string, unknown>, config: (table: never) => Config) {
  return Object.entries(module)
    .filter(([, value]) => typeof value === "object" && value !== null && !Array.isArray(value))
    .map(([key, table]) => [key, shape(config(table as never))] as const)
    .sort(([a], [b]) => a.localeCompare(b));
}

test("the PostgreSQL schema has every SQLite table, column, key, index and check, and no other", () => {
  const sqlite = tablesOf(sqliteTables, sqliteTableConfig);
  const pg = tablesOf(pgTables, pgTableConfig);
  assert.ok(sqlite.length >= 14, "every table was found");
  assert.deepEqual(pg, sqlite);
});
