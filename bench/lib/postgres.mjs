// The PostgreSQL side of the bench: a generated SQLite database copied into a database that oneonone itself migrated,
// on a private cluster (initdb and pg_ctl, as the postgres user when root, a Unix socket only, fsync off).
//
// Loading the large database takes minutes, so the loaded cluster is kept in bench/.cache beside the SQLite file it
// came from, under a key made of that file's name (generator, schema, day), the server's version, the PostgreSQL
// schema and this loader. Each bench run starts a throw-away copy of it: its writes (`log`) never reach the cache, and
// two runs at once never share a server.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { CACHE, ROOT, bundledSource } from '../generate.mjs';

const DATABASE = 'bench';
const ROOT_USER = userInfo().uid === 0;
/** What decides the loaded data besides the SQLite file: the server's schema, the search index's sources, this file. */
const KEY_FILES = ['src/store/postgres/migrations.ts', 'src/store/postgres/search-schema.ts', 'src/store/sqlite/search-schema.ts'];
/**
 * Not copied: what the loader makes itself (the figures, the search index) or the migration did, and the undo journal,
 * whose rows differ between the engines (row ids on SQLite, row keys here) and which a generated database leaves empty.
 */
const NOT_COPIED = new Set(['oneonone_migrations', 'person_figures', 'search_index', 'changes', 'change_rows']);

/** Servers this process started, stopped however it exits (a caller turns signals into an exit). */
const live = new Set();
process.on('exit', () => {
  for (const stop of live) stop();
});

/** The newest PostgreSQL server installed from Debian's packages, or undefined. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * A running server holding the SQLite file's data, as `{ url, stop, cached, seconds }` (seconds: the load, when it was
 * not cached). Undefined when PostgreSQL is not installed.
 */
export async function benchServer(sqliteFile) {
  const bin = postgresBin();
  if (!bin) return undefined;
  const folder = cacheFolder(sqliteFile, bin);
  let seconds = null;
  const cached = existsSync(folder);
  if (!cached) {
    const started = performance.now();
    await buildCache(sqliteFile, bin, folder);
    seconds = (performance.now() - started) / 1000;
    sweepOthers(folder);
  }
  const server = startCopy(bin, join(folder, 'data'));
  return { ...server, cached, seconds, folder };
}

function cacheFolder(sqliteFile, bin) {
  const own = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const sources = KEY_FILES.map((path) => readFileSync(join(ROOT, path), 'utf8'));
  const key = createHash('sha256').update([bin, own, ...sources].join('\0')).digest('hex').slice(0, 12);
  return join(CACHE, `pg-${basename(sqliteFile, '.db')}-p${key}`);
}

/** Clusters of the same scale under older keys, and half-built ones whose process is gone: each is hundreds of MB. */
function sweepOthers(folder) {
  const name = basename(folder);
  const scale = name.split('-')[1];
  for (const other of readdirSync(CACHE)) {
    if (other === name || !other.startsWith(`pg-${scale}-`)) continue;
    const builder = /\.tmp-(\d+)$/.exec(other);
    if (builder && alive(Number(builder[1]))) continue;
    rmSync(join(CACHE, other), { recursive: true, force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ── the cluster ─────────────────────────────────────────────────────────────
/** A folder the server's user owns (postgres refuses to run as root, so as root it runs as `postgres`). */
function serverFolder(path) {
  mkdirSync(path, { recursive: true });
  chmodSync(path, 0o755);
  if (ROOT_USER) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(path, id('-u'), id('-g'));
  }
  return path;
}

function asServerUser(bin, args) {
  const [command, rest] = ROOT_USER ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(command, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${basename(bin)} ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim()}`);
}

function startServer(bin, data, socketDir, extra = '') {
  const options = `-k ${socketDir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${extra}`.trim();
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(socketDir, 'log'), '-w', 'start']);
}

function stopServer(bin, data, mode) {
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
}

/** The cached cluster copied to a folder of its own and started there; stop() ends it and removes the copy. */
function startCopy(bin, cachedData) {
  const dir = serverFolder(mkdtempSync(join(tmpdir(), 'oneonone-bench-pg-')));
  const data = join(dir, 'data');
  const copied = spawnSync('cp', ['-a', '--reflink=auto', cachedData, data], { encoding: 'utf8' });
  if (copied.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`copying the cached cluster failed: ${copied.stderr.trim()}`);
  }
  try {
    startServer(bin, data, dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const stop = () => {
    if (!live.delete(stop)) return;
    try {
      // A throw-away copy: nothing in it needs to reach the disk.
      stopServer(bin, data, 'immediate');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  live.add(stop);
  return { url: `postgresql://postgres@/${DATABASE}?host=${encodeURIComponent(dir)}`, stop };
}

// ── the load ────────────────────────────────────────────────────────────────
/** Built beside its place and renamed into it, so a run that stops halfway never leaves a cluster that looks whole. */
async function buildCache(sqliteFile, bin, folder) {
  const work = serverFolder(`${folder}.tmp-${process.pid}`);
  const data = join(work, 'data');
  const socketDir = serverFolder(mkdtempSync(join(tmpdir(), 'oneonone-bench-pgload-')));
  try {
    asServerUser(join(bin, 'initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    // No autovacuum while loading: it would scan tables mid-load, and the load ends with its own VACUUM.
    startServer(bin, data, socketDir, '-c autovacuum=off');
    // Cut short (the bench interrupted), the half-loaded server is stopped and its folders go.
    const abandon = () => {
      try {
        stopServer(bin, data, 'immediate');
      } finally {
        for (const folder of [work, socketDir]) rmSync(folder, { recursive: true, force: true });
      }
    };
    live.add(abandon);
    try {
      await createDatabase(socketDir);
      migrateWithOneonone(`postgresql://postgres@/${DATABASE}?host=${encodeURIComponent(socketDir)}`);
      await load(sqliteFile, bin, socketDir);
    } finally {
      live.delete(abandon);
      // A clean stop, so the cached folder starts without recovery.
      stopServer(bin, data, 'fast');
    }
    if (existsSync(folder)) rmSync(work, { recursive: true, force: true }); // another run finished it first
    else renameSync(work, folder);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(socketDir, { recursive: true, force: true });
  }
}

async function connected(socketDir, database, work) {
  const client = new pg.Client({ host: socketDir, user: 'postgres', database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function createDatabase(socketDir) {
  return connected(socketDir, 'postgres', (client) => client.query(`CREATE DATABASE ${DATABASE}`));
}

/**
 * The schema made by the built binary as on any server: a writing command on an empty database migrates it. Setting
 * the cadence is such a command; the setting and its journal entry are cleared with the rest before the load.
 */
function migrateWithOneonone(url) {
  const home = mkdtempSync(join(tmpdir(), 'oneonone-bench-home-'));
  try {
    const env = { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CONFIG_HOME: join(home, 'config'), LANG: 'C.UTF-8', TZ: 'UTC', NO_COLOR: '1' };
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'oneonone.js'), '--db', url, 'followups', '--cadence', 'leader=14'], { env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`oneonone could not set up the PostgreSQL database: ${result.stderr.trim()}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function load(sqliteFile, bin, socketDir) {
  const sqlite = new Database(sqliteFile, { readonly: true });
  try {
    await connected(socketDir, DATABASE, async (client) => {
      const lap = stopwatch(basename(sqliteFile).split('-')[0]);
      const tables = await copiedTables(client, sqlite);
      await client.query(`TRUNCATE ${[...tables.map(({ table }) => table), ...NOT_COPIED].filter((t) => t !== 'oneonone_migrations').join(', ')} RESTART IDENTITY CASCADE`);
      // Indexes are made once from the loaded rows rather than kept up to date row by row.
      const indexes = (await client.query(SECONDARY_INDEXES)).rows;
      for (const { name } of indexes) await client.query(`DROP INDEX ${name}`);
      for (const table of tables) {
        await copyRows(bin, socketDir, sqlite, table);
        lap(table.table);
      }
      await client.query(`SET maintenance_work_mem = '1GB'`);
      await fillSearchIndex(socketDir);
      lap('search index rows');
      for (const { definition } of indexes) await client.query(definition);
      // Without statistics the planner takes `status = 'complete'` for rare and ANDs its index (every meeting) into
      // each person's lookups: the figures below took over twenty minutes on large instead of seconds.
      await client.query('ANALYZE');
      lap('indexes, statistics');
      // What the triggers (off during the load) keep, made from the rows: each person's figures, by the app's own function.
      await client.query(`SELECT count(refresh_person_figures(id)) FROM people`);
      lap('person figures');
      await resetIdentities(client);
      await client.query('VACUUM (FREEZE, ANALYZE)');
      lap('vacuum, analyze');
    });
  } finally {
    sqlite.close();
  }
}

function stopwatch(scale) {
  let last = performance.now();
  return (what) => {
    const now = performance.now();
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${scale} on PostgreSQL: ${what} ${((now - last) / 1000).toFixed(1)} s\n`);
    last = now;
  };
}

/** Indexes not behind a primary key or unique constraint, with the statements that make them again. */
const SECONDARY_INDEXES = `
  SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
  FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
  WHERE t.relnamespace = current_schema()::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`;

/** The server's tables the SQLite file has too, each with the columns both have. */
async function copiedTables(client, sqlite) {
  const { rows } = await client.query(`SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`);
  const inSqlite = (table) => new Set(sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table));
  const tables = new Map();
  for (const { table, column } of rows) {
    if (NOT_COPIED.has(table)) continue;
    if (!tables.has(table)) tables.set(table, { table, columns: [], sqliteColumns: inSqlite(table) });
    const entry = tables.get(table);
    if (entry.sqliteColumns.has(column)) entry.columns.push(column);
  }
  return [...tables.values()].filter(({ columns }) => columns.length > 0).map(({ table, columns }) => ({ table, columns }));
}

/** One table's rows through psql's COPY FROM STDIN (pg alone has no COPY), as CSV, with the triggers off. */
async function copyRows(bin, socketDir, sqlite, { table, columns }) {
  const psql = spawn(join(bin, 'psql'), [
    '-h', socketDir, '-U', 'postgres', '-d', DATABASE, '-Xq', '-v', 'ON_ERROR_STOP=1',
    '-c', 'SET session_replication_role = replica', '-c', `COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT csv)`,
  ], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  psql.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(psql, 'close');
  psql.stdin.on('error', () => undefined); // psql gone early: its exit status and stderr tell why
  const select = sqlite.prepare(`SELECT ${columns.map((column) => `"${column}"`).join(', ')} FROM "${table}"`).raw(true);
  let chunk = '';
  for (const row of select.iterate()) {
    chunk += `${row.map(csvField).join(',')}\n`;
    if (chunk.length < 1 << 20) continue;
    if (!psql.stdin.write(chunk)) await Promise.race([once(psql.stdin, 'drain'), exited]);
    chunk = '';
    if (psql.exitCode !== null) break;
  }
  psql.stdin.end(chunk);
  const [code] = await exited;
  if (code !== 0) throw new Error(`loading ${table} into PostgreSQL failed: ${stderr.trim()}`);
}

/** CSV as COPY reads it: an unquoted empty field is NULL, a quoted one an empty string. */
function csvField(value) {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  throw new Error(`a value the loader cannot copy: ${typeof value}`);
}

/**
 * Every source's records indexed as the server's triggers index them: by search_doc() over the same fields. Most of
 * the load's time (a minute or more on large), so two connections share the sources.
 */
async function fillSearchIndex(socketDir) {
  const { module } = await bundledSource('src/store/sqlite/search-schema.ts');
  const queue = [...module.SEARCH_SOURCES].reverse();
  const worker = () => connected(socketDir, DATABASE, async (client) => {
    for (let source = queue.shift(); source; source = queue.shift()) {
      const conditions = [source.holds?.replaceAll('$.', ''), source.tag === undefined ? undefined : `tag = '${source.tag}'`].filter(Boolean);
      await client.query(`INSERT INTO search_index (code, id, words)
        SELECT ${source.code}, id, search_doc(ARRAY[${source.columns.join(', ')}]) FROM ${source.table}
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`);
    }
  });
  await Promise.all([worker(), worker()]);
}

/** Identity columns go on after the highest id loaded, so the next row a command adds gets a new one. */
async function resetIdentities(client) {
  const { rows } = await client.query(`SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES'`);
  for (const { table, column } of rows) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${column}), 0) + 1, false) FROM ${table}`, [table, column]);
  }
}
