/**
 * An organizer's own file opened to be read only, for `team import-local`: the engine's own checks refuse what is not a
 * oneonone database or is newer, nothing is created, and nothing is written — no journal mode, no migration, no
 * pragma that changes the file. A file of an older schema is read from a private copy, upgraded in a temporary folder
 * of its own (0700) and deleted afterwards, so the file itself stays byte for byte as it was.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalFile } from '../import-local.js';
import { openDatabase, SCHEMA_VERSION, type Db } from './db.js';
import { openSqliteStore, SqliteStore } from './engine.js';
import { backupTo } from './privacy.js';

export async function openLocalFile(path: string): Promise<LocalFile> {
  const db = openDatabase(path, { readonly: true, create: false });
  let identity: string;
  let version: number;
  try {
    identity = identityOf(db);
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    db.close();
    throw error;
  }
  if (version === SCHEMA_VERSION) {
    const store = new SqliteStore(db, path, true);
    return { store, identity, copied: false, close: () => store.close() };
  }
  // An older schema: its tables lack columns the readers ask for, so a private copy is upgraded and read instead.
  const folder = mkdtempSync(join(tmpdir(), 'oneonone-import-local-'));
  try {
    const copy = join(folder, 'copy.db');
    try {
      await backupTo(db, copy);
    } finally {
      db.close();
    }
    const store = await openSqliteStore(copy, { mode: 'write' });
    return {
      store, identity, copied: true,
      close: async () => {
        try {
          await store.close();
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** When the database was first made (its first schema step, kept in every copy of it) and whose it is. */
function identityOf(db: Db): string {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const hasSteps = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`).get() as { n: number };
  const first = hasSteps.n === 0
    ? undefined
    : (db.prepare(`SELECT name, applied_at AS at FROM migrations ORDER BY rowid LIMIT 1`).get() as { name: string; at: string } | undefined);
  return createHash('sha256').update(`${applicationId}\0${first?.name ?? ''}\0${first?.at ?? ''}`).digest('hex').slice(0, 20);
}
