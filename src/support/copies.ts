import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** 2026-11-24T041032 in local time: sorts in order and is safe in every file system. */
export function fileStamp(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}T${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
}

/** A copy kept beside the database, e.g. oneonone.db.before-restore-2026-11-24T041032; never an existing name. */
export function copyPath(database: string, label: string, now: Date = new Date()): string {
  const base = `${database}.${label}-${fileStamp(now)}`;
  let path = base;
  for (let n = 2; existsSync(path); n++) path = `${base}-${n}`;
  return path;
}

/** The copies oneonone itself kept beside the database (before a restore or an upgrade). */
export function keptCopies(database: string): string[] {
  const folder = dirname(database);
  const prefix = `${basename(database)}.before-`;
  try {
    return readdirSync(folder)
      .filter((name) => name.startsWith(prefix) && !/-(wal|shm|journal)$/.test(name))
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}
