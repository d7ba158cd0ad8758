import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

export function dataDir(env: Env = process.env): string {
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'oneonone');
}

export function configDir(env: Env = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'oneonone');
}

/** --db wins, then $ONEONONE_DB, then the XDG data folder; a postgres:// URL is kept as given. */
export function databasePath(flag: string | undefined, env: Env = process.env): string {
  const chosen = flag || env.ONEONONE_DB;
  if (chosen && /^postgres(ql)?:\/\//i.test(chosen.trim())) return chosen.trim();
  return chosen ? resolve(chosen) : join(dataDir(env), 'oneonone.db');
}

/**
 * This computer's outbox for a server (see commands/outbox.ts): one file per server, however its URL is written with
 * a password (`shown` is the URL without it).
 */
export function outboxPath(shown: string, env: Env = process.env): string {
  const key = createHash('sha256').update(shown).digest('hex').slice(0, 12);
  return join(dataDir(env), `outbox-${key}.db`);
}

export function outboxExists(shown: string): boolean {
  return existsSync(outboxPath(shown));
}
