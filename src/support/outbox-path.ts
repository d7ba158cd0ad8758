import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { shownLocation } from '../store/server-location.js';
import { dataDir } from './paths.js';

/**
 * This computer's outbox for a server (see commands/outbox.ts): one file per server, however its URL is written with
 * a password. Apart from the outbox's code, so a command on a server loads that only when there is an outbox.
 */
export function outboxPath(serverUrl: string): string {
  const key = createHash('sha256').update(shownLocation(serverUrl.trim())).digest('hex').slice(0, 12);
  return join(dataDir(), `outbox-${key}.db`);
}

export function hasOutbox(serverUrl: string): boolean {
  return existsSync(outboxPath(serverUrl));
}
