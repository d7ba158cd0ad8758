import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { chosenSetting } from './config.js';

type Env = Record<string, string | undefined>;

export function dataDir(env: Env = process.env): string {
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'oneonone');
}

export function configDir(env: Env = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'oneonone');
}

/**
 * --db wins, then $ONEONONE_DB, then the config file's db, then the XDG data folder; a postgres:// URL is kept as given.
 */
export function databasePath(flag: string | undefined, env: Env = process.env): string {
  const chosen = chosenSetting('db', flag || undefined, env).value!;
  if (/^postgres(ql)?:\/\//i.test(chosen.trim())) return chosen.trim();
  return resolve(chosen);
}
