import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../../src/', import.meta.url).pathname;
/** The engines: the only folders with SQL or a database driver. */
const ENGINES = ['store/sqlite/', 'store/postgres/'];
const ENGINE = ENGINES[0]!;

function sources(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

const outsideEngine = sources().filter((file) => !ENGINES.some((engine) => file.startsWith(engine)));
const read = (file: string) => readFileSync(join(SRC, file), 'utf8');
/** SQL as a statement begins: a keyword followed by what only SQL puts after it. */
const SQL = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER)|PRAGMA\s+\w|BEGIN\s+IMMEDIATE)/;
const ENGINE_IMPORT = /from\s+['"](better-sqlite3|pg|[./]*store\/(sqlite|postgres)\/[^'"]*|\.\/(sqlite|postgres)\/[^'"]*)['"]/;

describe('the store boundary', () => {
  it('finds the files it checks (the scan itself works)', () => {
    expect(outsideEngine).toContain('commands/log.ts');
    expect(outsideEngine).toContain('store/contract.ts');
    expect(sources().some((file) => file.startsWith(ENGINE))).toBe(true);
    expect(SQL.test('db.prepare(`SELECT id FROM people`)')).toBe(true);
    expect(ENGINE_IMPORT.test(`import { openDatabase } from '../store/sqlite/db.js';`)).toBe(true);
  });

  it('no file outside the SQLite engine folder imports better-sqlite3 or the engine (src/store/index.ts loads it lazily)', () => {
    const offenders = outsideEngine.filter((file) => ENGINE_IMPORT.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('no file outside the SQLite engine folder writes SQL', () => {
    const offenders = outsideEngine.filter((file) => SQL.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('commands receive repositories: none reaches a database handle', () => {
    const offenders = sources().filter((file) => file.startsWith('commands/') && /\bstore\.db\b|\bDb\b|\.prepare\(|\.pragma\(/.test(read(file)));
    expect(offenders).toEqual([]);
  });
});
