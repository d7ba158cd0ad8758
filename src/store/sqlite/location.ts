import { accessSync, constants, existsSync, mkdirSync, statSync, statfsSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../../support/errors.js';

/** Kernel file systems that hold no files of ours (statfs f_type): proc, sysfs, devpts, cgroup, cgroup2, debugfs, securityfs, tracefs. */
const VIRTUAL_FILE_SYSTEMS = new Set([0x9fa0, 0x62656572, 0x1cd1, 0x27e0eb, 0x63677270, 0x64626720, 0x73636673, 0x74726163]);

/** What is at a database path before anything is opened or created. */
export interface Place {
  path: string;
  exists: boolean;
  /** The nearest folder that exists, under which the missing ones would be made. */
  nearestFolder: string;
}

/**
 * Refuses a path that cannot be a database, in one line and without waiting: a folder, a place under a file,
 * a virtual file system such as /proc (where Node's recursive mkdir never returns), a folder nobody may write.
 */
export function checkPlace(path: string): Place {
  const stat = statOrNull(path);
  if (stat?.isDirectory()) throw cannotUse(path, 'it is a folder', 'give the path of a file, e.g. --db ~/oneonone.db');
  let folder = dirname(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const folderStat = statOrNull(folder);
  if (folderStat && !folderStat.isDirectory()) throw cannotUse(path, `${folder} is a file, not a folder`);
  if (isVirtual(folder)) throw cannotUse(path, `${folder} is on a virtual file system, not a disk`);
  if (!stat && !writable(folder)) throw cannotUse(path, 'the file or its folder cannot be written');
  return { path, exists: stat !== null && stat.size > 0, nearestFolder: folder };
}

/** Makes the missing folders one level at a time (0700): each step either succeeds or fails at once. */
export function makeFolders(place: Place): void {
  const missing: string[] = [];
  for (let folder = dirname(place.path); folder !== place.nearestFolder && !existsSync(folder); folder = dirname(folder)) missing.unshift(folder);
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotUse(place.path, 'the file or its folder cannot be written');
    }
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function isVirtual(folder: string): boolean {
  try {
    return VIRTUAL_FILE_SYSTEMS.has(Number(statfsSync(folder).type));
  } catch {
    return false;
  }
}

function writable(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function cannotUse(path: string, why: string, hint = 'check the --db path or ONEONONE_DB; nothing was created'): UserError {
  return new UserError(`cannot use the database ${path}: ${why}`, { hint });
}
