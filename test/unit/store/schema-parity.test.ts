/**
 * The SQLite and PostgreSQL schemas kept in step. Both engines' migrations are run on fresh databases and the
 * schemas they made are read back from each engine's catalog, put in one vocabulary and compared table by table:
 * tables, columns, types, NOT NULL, defaults, primary keys, foreign keys, unique keys, CHECKs and the applied steps.
 * Every difference is a line of text; the intended ones are listed below with their reason, so any other fails, and
 * so does a listed one that is gone (the list stays exact).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { openDatabase, type Db } from '../../../src/store/sqlite/db.js';
import { freshDatabase, psql } from '../../support/postgres.js';

const socketDir = process.env.ONEONONE_TEST_PG;
const NO_CLUSTER = 'ONEONONE_TEST_PG is unset: this run has no PostgreSQL cluster (is postgresql installed?)';

/**
 * The differences the two engines are meant to have, each with why. A difference reads
 * `what: <on SQLite> (sqlite) vs <on PostgreSQL> (postgres)`, `none` where one side has no such thing.
 */
const INTENDED: Readonly<Record<string, string>> = {
  'table search_index: virtual (sqlite) vs table (postgres)': 'search: an FTS5 index on SQLite, a tsvector table with a GIN index on PostgreSQL',
  'table search_content: view (sqlite) vs none (postgres)': "the external content FTS5 reads the words from; PostgreSQL's index holds them",
  'table search_index_config: table (sqlite) vs none (postgres)': "one of FTS5's shadow tables, made by CREATE VIRTUAL TABLE",
  'table search_index_data: table (sqlite) vs none (postgres)': "one of FTS5's shadow tables, made by CREATE VIRTUAL TABLE",
  'table search_index_docsize: table (sqlite) vs none (postgres)': "one of FTS5's shadow tables, made by CREATE VIRTUAL TABLE",
  'table search_index_idx: table (sqlite) vs none (postgres)': "one of FTS5's shadow tables, made by CREATE VIRTUAL TABLE",
  'table change_recording: table (sqlite) vs none (postgres)': 'the change being recorded; on PostgreSQL the transaction-local setting oneonone.change',
  'column change_rows.row_id: integer (sqlite) vs none (postgres)': "a journaled row's rowid; PostgreSQL has no rowid, so it names the row by its key",
  'column change_rows.row_key: none (sqlite) vs json (postgres)': "a journaled row's key columns and values (JOURNALED_KEYS), PostgreSQL's row_id",
  'type of change_rows.old: text (sqlite) vs json (postgres)': 'the row as it was, as JSON: SQLite has no JSON type, so it is JSON text',
  'table migrations: table (sqlite) vs none (postgres)': "the applied steps; on a server oneonone_migrations, a name no one else's table has",
  'table oneonone_migrations: none (sqlite) vs table (postgres)': "SQLite's migrations table, named for a database that may hold others' tables",
  'NOT NULL on settings.key: no (sqlite) vs yes (postgres)':
    "SQLite lets a non-INTEGER primary key hold NULL (a legacy quirk PostgreSQL lacks); every write names its key",
};

/** SQLite keeps times as ISO-8601 TEXT: these names are times, which PostgreSQL keeps as timestamptz. */
const TIME_COLUMN = /(_at|_until)$|^last_(met|touch)$/;

/** SQLite's own catalog tables (sqlite_sequence, sqlite_stat1 ...): made by the engine, never by a migration. */
const SQLITE_INTERNAL = /^sqlite_/;

/** PostgreSQL's first step makes the schema SQLite's steps 001..007 made; from 008 on both add steps by the same names. */
const PG_FIRST_STEP = '007-schema';
const FIRST_SHARED_STEP = '008';

type Kind = 'table' | 'view' | 'virtual';

interface Column {
  type: string;
  notNull: boolean;
  default: string | null;
}

interface Relation {
  kind: Kind;
  /** In table order. */
  columns: Map<string, Column>;
  primaryKey: string[];
  /** By the columns they are on: `table(columns) on delete ... on update ...`. */
  foreignKeys: Map<string, string>;
  unique: Set<string>;
  /** By the columns they name: each CHECK normalized (normalizeCheck), several joined with ` & `. */
  checks: Map<string, string>;
}

interface Schema {
  relations: Map<string, Relation>;
  migrations: string[];
}

function relation(kind: Kind): Relation {
  return { kind, columns: new Map(), primaryKey: [], foreignKeys: new Map(), unique: new Set(), checks: new Map() };
}

function sqliteType(column: string, declared: string): string {
  const type = declared.toUpperCase();
  if (type === 'INTEGER') return 'integer';
  if (type === 'REAL') return 'real';
  if (type === 'TEXT') return TIME_COLUMN.test(column) ? 'time' : 'text';
  return `sqlite ${declared}`;
}

const PG_TYPES: Readonly<Record<string, string>> = {
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  text: 'text',
  'double precision': 'real',
  'timestamp with time zone': 'time',
  jsonb: 'json',
};

function pgType(type: string): string {
  return PG_TYPES[type] ?? `postgres ${type}`;
}

/** Splits text into code (even places) and its quoted literals (odd places), so literals are never rewritten. */
function literalsApart(text: string): string[] {
  return text.split(/('(?:[^']|'')*')/);
}

/** A default or a CHECK without PostgreSQL's casts ('x'::text, (0)::double precision). */
function withoutCasts(text: string): string {
  return literalsApart(text)
    .map((part, i) => (i % 2 ? part : part.replace(/::(?:double precision|timestamp with time zone|character varying|\w+)(?:\[\])?/g, '')))
    .join('');
}

/**
 * A CHECK as one vocabulary: `x in [values, sorted]`, `x between a and b`, or else its words without parentheses,
 * so SQLite's `x IN ('a', 'b')` and PostgreSQL's `CHECK ((x = ANY (ARRAY['a'::text, 'b'::text])))` read the same.
 */
function normalizeCheck(expression: string): string {
  const code = literalsApart(withoutCasts(expression.trim().replace(/^CHECK\s*/i, '')))
    .map((part, i) => (i % 2 ? part : part.replace(/\bbtrim\(/gi, 'trim(').replace(/[()]/g, ' ')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const list = /^(\w+) (?:IN|= ANY ARRAY\[)(.*?)\]?$/i.exec(code);
  if (list) return `${list[1]} in [${[...list[2]!.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]).sort().join(', ')}]`;
  const between = /^(\w+) BETWEEN (\S+) AND (\S+)$/i.exec(code);
  if (between) return `${between[1]} between ${between[2]} and ${between[3]}`;
  const range = /^(\w+) >= (\S+) AND (\w+) <= (\S+)$/i.exec(code);
  if (range && range[1] === range[3]) return `${range[1]} between ${range[2]} and ${range[4]}`;
  return code;
}

/** The table's columns a CHECK names (outside its literals and casts). */
function columnsOf(expression: string, columns: Iterable<string>): string {
  const words = new Set(literalsApart(withoutCasts(expression)).filter((_, i) => i % 2 === 0).join(' ').match(/\w+/g));
  return [...columns].filter((column) => words.has(column)).join(', ');
}

function addCheck(table: Relation, expression: string): void {
  const on = columnsOf(expression, table.columns.keys());
  const all = [table.checks.get(on), normalizeCheck(expression)].filter((check) => check !== undefined);
  table.checks.set(on, all.sort().join(' & '));
}

/** Where the parenthesis opened at `open` closes, quotes respected. */
function closing(sql: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in ${sql}`);
}

/** Every CHECK of a CREATE TABLE as SQLite keeps it (ALTER TABLE ADD COLUMN writes the new column into it). */
function sqliteChecks(sql: string): string[] {
  return [...sql.matchAll(/\bCHECK\s*\(/gi)]
    .filter((match) => (sql.slice(0, match.index).match(/'/g)?.length ?? 0) % 2 === 0)
    .map((match) => {
      const open = match.index + match[0].length - 1;
      return sql.slice(open + 1, closing(sql, open));
    });
}

interface SqliteColumn { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }
interface SqliteForeignKey { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }

function readSqlite(db: Db): Schema {
  const relations = new Map<string, Relation>();
  const listed = db.prepare(`SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name`).all() as { name: string; type: string; sql: string }[];
  for (const { name, type, sql } of listed.filter(({ name }) => !SQLITE_INTERNAL.test(name))) {
    const kind: Kind = type === 'view' ? 'view' : /^CREATE VIRTUAL TABLE/i.test(sql) ? 'virtual' : 'table';
    const table = relation(kind);
    relations.set(name, table);
    if (kind !== 'table') continue;
    const columns = db.pragma(`table_info(${name})`) as SqliteColumn[];
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    table.primaryKey = key.map((c) => c.name);
    // An INTEGER PRIMARY KEY is the rowid, which cannot be NULL.
    const rowid = key.length === 1 && key[0]!.type.toUpperCase() === 'INTEGER' ? key[0]!.name : undefined;
    for (const c of columns) table.columns.set(c.name, { type: sqliteType(c.name, c.type), notNull: c.notnull === 1 || c.name === rowid, default: c.dflt_value });
    for (const check of sqliteChecks(sql)) addCheck(table, check);
    readSqliteKeys(db, name, table);
  }
  const migrations = (db.prepare(`SELECT name FROM migrations ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
  return { relations, migrations };
}

function readSqliteKeys(db: Db, name: string, table: Relation): void {
  const keys = db.pragma(`foreign_key_list(${name})`) as SqliteForeignKey[];
  for (const id of new Set(keys.map((k) => k.id))) {
    const parts = keys.filter((k) => k.id === id).sort((a, b) => a.seq - b.seq);
    const first = parts[0]!;
    const to = parts.map((k) => k.to ?? (db.pragma(`table_info(${first.table})`) as SqliteColumn[]).find((c) => c.pk === k.seq + 1)!.name);
    table.foreignKeys.set(parts.map((k) => k.from).join(', '), foreignKey(first.table, to, first.on_delete, first.on_update));
  }
  const indexes = db.pragma(`index_list(${name})`) as { name: string; unique: number; origin: string }[];
  for (const index of indexes.filter((i) => i.unique === 1 && i.origin !== 'pk')) {
    const columns = db.pragma(`index_info(${index.name})`) as { seqno: number; name: string | null }[];
    table.unique.add(columns.sort((a, b) => a.seqno - b.seqno).map((c) => c.name ?? 'expression').join(', '));
  }
}

function foreignKey(table: string, columns: string[], onDelete: string, onUpdate: string): string {
  return `${table}(${columns.join(', ')}) on delete ${onDelete.toLowerCase()} on update ${onUpdate.toLowerCase()}`;
}

const PG_ACTIONS: Readonly<Record<string, string>> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

const PG_RELATIONS = `
  SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname`;

const PG_COLUMNS = `
  SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
         pg_get_expr(d.adbin, d.adrelid) AS default
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  ORDER BY c.relname, a.attnum`;

const names = (array: string, of: string) =>
  `(SELECT array_agg(a.attname::text ORDER BY u.i) FROM unnest(${array}) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = ${of} AND a.attnum = u.n)`;

const PG_CONSTRAINTS = `
  SELECT c.relname AS table, k.contype AS type, ${names('k.conkey', 'k.conrelid')} AS columns, r.relname AS ref_table,
         ${names('k.confkey', 'k.confrelid')} AS ref_columns, k.confdeltype AS on_delete, k.confupdtype AS on_update,
         pg_get_constraintdef(k.oid) AS definition
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class r ON r.oid = k.confrelid
  WHERE n.nspname = current_schema() AND k.contype IN ('p', 'f', 'c', 'u')`;

/** Unique indexes made by CREATE UNIQUE INDEX, which are not constraints on PostgreSQL (a UNIQUE constraint is both). */
const PG_UNIQUE_INDEXES = `
  SELECT c.relname AS table, ${names('i.indkey::int2[]', 'i.indrelid')} AS columns, 0 = ANY (i.indkey::int2[]) AS expression
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND i.indisunique AND NOT i.indisprimary
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`;

interface PgConstraint {
  table: string; type: string; columns: string[]; ref_table: string | null; ref_columns: string[] | null;
  on_delete: string; on_update: string; definition: string;
}

async function readPostgres(url: string): Promise<Schema> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const relations = new Map<string, Relation>();
    for (const { name, kind } of (await client.query<{ name: string; kind: string }>(PG_RELATIONS)).rows) {
      relations.set(name, relation(kind === 'v' || kind === 'm' ? 'view' : kind === 'f' ? 'virtual' : 'table'));
    }
    const columns = await client.query<{ table: string; name: string; type: string; not_null: boolean; default: string | null }>(PG_COLUMNS);
    for (const c of columns.rows) relations.get(c.table)!.columns.set(c.name, { type: pgType(c.type), notNull: c.not_null, default: c.default });
    for (const k of (await client.query<PgConstraint>(PG_CONSTRAINTS)).rows) addConstraint(relations.get(k.table)!, k);
    const unique = await client.query<{ table: string; columns: string[] | null; expression: boolean }>(PG_UNIQUE_INDEXES);
    for (const u of unique.rows) relations.get(u.table)!.unique.add(u.expression ? 'expression' : u.columns!.join(', '));
    const migrations = (await client.query<{ name: string }>(`SELECT name FROM oneonone_migrations ORDER BY name`)).rows.map((row) => row.name);
    return { relations, migrations };
  } finally {
    await client.end();
  }
}

function addConstraint(table: Relation, k: PgConstraint): void {
  if (k.type === 'p') table.primaryKey = k.columns;
  else if (k.type === 'u') table.unique.add(k.columns.join(', '));
  else if (k.type === 'c') addCheck(table, k.definition);
  else table.foreignKeys.set(k.columns.join(', '), foreignKey(k.ref_table!, k.ref_columns!, PG_ACTIONS[k.on_delete]!, PG_ACTIONS[k.on_update]!));
}

/** Every difference between the two schemas, one line each. */
function compareSchemas(sqlite: Schema, postgres: Schema): string[] {
  const found: string[] = [];
  const differ = (what: string, a: string | undefined, b: string | undefined) => {
    if (a !== b) found.push(`${what}: ${a ?? 'none'} (sqlite) vs ${b ?? 'none'} (postgres)`);
  };
  for (const name of union(sqlite.relations.keys(), postgres.relations.keys())) {
    const a = sqlite.relations.get(name);
    const b = postgres.relations.get(name);
    differ(`table ${name}`, a?.kind, b?.kind);
    if (a?.kind === 'table' && b?.kind === 'table') compareTables(name, a, b, differ);
  }
  found.push(...compareMigrations(sqlite.migrations, postgres.migrations));
  return found;
}

type Differ = (what: string, a: string | undefined, b: string | undefined) => void;

function compareTables(name: string, a: Relation, b: Relation, differ: Differ): void {
  for (const column of union(a.columns.keys(), b.columns.keys())) {
    const x = a.columns.get(column);
    const y = b.columns.get(column);
    const at = `${name}.${column}`;
    if (!x || !y) {
      differ(`column ${at}`, x?.type, y?.type);
      continue;
    }
    differ(`type of ${at}`, x.type, y.type);
    differ(`NOT NULL on ${at}`, x.notNull ? 'yes' : 'no', y.notNull ? 'yes' : 'no');
    differ(`default of ${at}`, x.default === null ? undefined : withoutCasts(x.default), y.default === null ? undefined : withoutCasts(y.default));
  }
  const order = (table: Relation, other: Relation) => [...table.columns.keys()].filter((c) => other.columns.has(c)).join(', ');
  differ(`column order of ${name}`, order(a, b), order(b, a));
  differ(`primary key of ${name}`, `(${a.primaryKey.join(', ')})`, `(${b.primaryKey.join(', ')})`);
  for (const on of union(a.foreignKeys.keys(), b.foreignKeys.keys())) differ(`foreign key ${name}(${on})`, a.foreignKeys.get(on), b.foreignKeys.get(on));
  for (const on of union(a.unique, b.unique)) differ(`unique ${name}(${on})`, a.unique.has(on) ? 'yes' : undefined, b.unique.has(on) ? 'yes' : undefined);
  for (const on of union(a.checks.keys(), b.checks.keys())) differ(`CHECK on ${name}(${on})`, a.checks.get(on), b.checks.get(on));
}

/** SQLite's steps before 008 are PostgreSQL's 007-schema; every later step must be applied by the same name on both. */
function compareMigrations(sqlite: string[], postgres: string[]): string[] {
  const found: string[] = [];
  if (postgres[0] !== PG_FIRST_STEP) found.push(`first PostgreSQL step: ${postgres[0] ?? 'none'} (postgres), expected ${PG_FIRST_STEP}`);
  const early = sqlite.filter((step) => step < FIRST_SHARED_STEP);
  if (early.length !== 7) found.push(`SQLite steps before ${FIRST_SHARED_STEP}: ${early.join(', ')} (sqlite), expected 001..007`);
  const later = (steps: string[]) => new Set(steps.filter((step) => step >= FIRST_SHARED_STEP));
  const a = later(sqlite);
  const b = later(postgres);
  for (const step of union(a, b)) {
    if (!a.has(step) || !b.has(step)) found.push(`migration ${step}: ${a.has(step) ? 'applied' : 'none'} (sqlite) vs ${b.has(step) ? 'applied' : 'none'} (postgres)`);
  }
  return found;
}

function union(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}

const folders: string[] = [];
const databases: string[] = [];
afterAll(() => {
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  for (const url of databases.splice(0)) psql(socketDir!, `DROP DATABASE IF EXISTS ${databaseName(url)} WITH (FORCE)`);
});

function databaseName(url: string): string {
  return /^postgres(?:ql)?:\/\/[^/]*\/(\w+)/.exec(url)![1]!;
}

/** A SQLite file made from nothing by every migration. */
function freshSqlite(): Db {
  const folder = mkdtempSync(join(tmpdir(), 'oneonone-schema-parity-'));
  folders.push(folder);
  return openDatabase(join(folder, 'oneonone.db'));
}

function sqliteSchema(change?: string): Schema {
  const db = freshSqlite();
  try {
    if (change) db.exec(change);
    return readSqlite(db);
  } finally {
    db.close();
  }
}

/** A database on the run's cluster made from nothing by the PostgreSQL engine's migrations. */
async function postgresSchema(change?: string): Promise<Schema> {
  const url = freshDatabase(socketDir!, 'parity');
  databases.push(url);
  const store = await openStore(url, { mode: 'write' });
  await store.close();
  if (change) psql(socketDir!, change, databaseName(url));
  return readPostgres(url);
}

const unintended = (found: string[]) => found.filter((difference) => !(difference in INTENDED));
const stale = (found: string[]) => Object.keys(INTENDED).filter((difference) => !found.includes(difference));

describe('the SQLite and PostgreSQL schemas', () => {
  it('differ only where the list of intended differences says', async (ctx) => {
    ctx.skip(!socketDir, NO_CLUSTER);
    const found = compareSchemas(sqliteSchema(), await postgresSchema());
    expect(unintended(found)).toEqual([]);
    expect(stale(found), 'listed as intended but no longer a difference').toEqual([]);
  });

  it('are read in full: the comparison sees the tables, keys and checks it compares', async (ctx) => {
    ctx.skip(!socketDir, NO_CLUSTER);
    for (const schema of [sqliteSchema(), await postgresSchema()]) {
      const meetings = schema.relations.get('meetings')!;
      expect(meetings.columns.get('held_at')).toEqual({ type: 'time', notNull: true, default: null });
      expect(meetings.primaryKey).toEqual(['id']);
      expect(meetings.foreignKeys.get('person_id')).toBe('people(id) on delete cascade on update no action');
      expect(meetings.checks.get('status')).toBe('status in [complete, draft]');
      expect(schema.relations.get('people')!.checks.get('potential')).toBe('potential between 1 and 5');
      expect(schema.relations.get('meeting_phases')!.primaryKey).toEqual(['meeting_id', 'position']);
      expect(schema.migrations).toContain('008-drafts-dated-when-begun');
    }
  });

  it('fail to compare when a step changes one side only', async (ctx) => {
    ctx.skip(!socketDir, NO_CLUSTER);
    const sqlite = sqliteSchema(`ALTER TABLE asks ADD COLUMN weight INTEGER; DROP TABLE change_recording;`);
    const postgres = await postgresSchema(`
      ALTER TABLE people ADD COLUMN nickname text;
      ALTER TABLE asks ALTER COLUMN due_at TYPE text;
      ALTER TABLE followups ALTER COLUMN text SET NOT NULL;
      ALTER TABLE people ALTER COLUMN rung SET DEFAULT 'leader';
      ALTER TABLE meetings DROP CONSTRAINT meetings_status_check;
      ALTER TABLE meetings ADD CHECK (status IN ('draft', 'complete', 'abandoned'));
      ALTER TABLE notes DROP CONSTRAINT notes_meeting_id_fkey;
      ALTER TABLE notes ADD FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE SET NULL;
      ALTER TABLE asks DROP CONSTRAINT asks_result_check;
      CREATE UNIQUE INDEX people_email_unique ON people(email);
      INSERT INTO oneonone_migrations (name) VALUES ('009-server-only');`);
    const found = compareSchemas(sqlite, postgres);
    expect(stale(found)).toEqual(['table change_recording: table (sqlite) vs none (postgres)']);
    expect(unintended(found).sort()).toEqual([
      'CHECK on asks(result): result in [broken, kept] (sqlite) vs none (postgres)',
      'CHECK on meetings(status): status in [complete, draft] (sqlite) vs status in [abandoned, complete, draft] (postgres)',
      'NOT NULL on followups.text: no (sqlite) vs yes (postgres)',
      'column asks.weight: integer (sqlite) vs none (postgres)',
      'column people.nickname: none (sqlite) vs text (postgres)',
      "default of people.rung: 'contact' (sqlite) vs 'leader' (postgres)",
      'foreign key notes(meeting_id): meetings(id) on delete cascade on update no action (sqlite) vs meetings(id) on delete set null on update no action (postgres)',
      'migration 009-server-only: none (sqlite) vs applied (postgres)',
      'type of asks.due_at: time (sqlite) vs text (postgres)',
      'unique people(email): none (sqlite) vs yes (postgres)',
    ]);
  });
});

describe('a CHECK in one vocabulary', () => {
  it('reads each engine\'s spelling of the same rule the same', () => {
    const same: [string, string][] = [
      [`source IN ('referral', 'event')`, `CHECK ((source = ANY (ARRAY['referral'::text, 'event'::text])))`],
      ['potential BETWEEN 1 AND 5', 'CHECK (((potential >= 1) AND (potential <= 5)))'],
      ['planned_minutes > 0', 'CHECK ((planned_minutes > (0)::double precision))'],
      ['length(trim(name)) > 0', 'CHECK ((length(btrim(name)) > 0))'],
    ];
    for (const [sqlite, postgres] of same) expect(normalizeCheck(sqlite)).toBe(normalizeCheck(postgres));
  });

  it('tells different rules apart', () => {
    expect(normalizeCheck(`tag IN ('a', 'b')`)).not.toBe(normalizeCheck(`CHECK ((tag = ANY (ARRAY['a'::text, 'c'::text])))`));
    expect(normalizeCheck('potential BETWEEN 1 AND 5')).not.toBe(normalizeCheck('CHECK (((potential >= 0) AND (potential <= 5)))'));
    expect(normalizeCheck(`x IN ('a(b', 'c')`)).toBe('x in [a(b, c]');
  });
});
