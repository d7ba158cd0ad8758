import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './paths.js';

type Env = Record<string, string | undefined>;

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
