import { heldWords, nothingWaitsWords, notSentWords, sentWords, waitingWords } from '../messages/outbox.js';
import { databasePath } from '../support/paths.js';
import { DomainError, UserError } from '../support/errors.js';
import { isServer, openStore, ServerUnreachable, type Store } from '../store/index.js';
import { printJson, printMessage, printWarning } from '../ui/output.js';
import { storeFor, type GlobalOptions } from './context.js';
import { hasOutbox } from '../support/outbox-path.js';
import { closeOutbox, openOutbox, sendWaiting, waitingMeetings } from './outbox.js';

export interface PushOptions {
  as?: number;
  json?: boolean;
}

/** `oneonone push`: sends now what waits on this computer for the server. */
export async function run(options: PushOptions, globals: GlobalOptions): Promise<void> {
  const location = databasePath(globals.db);
  if (!isServer(location)) {
    throw new DomainError('push.on-a-file', { location });
  }
  if (!hasOutbox(location)) {
    if (options.json) printJson({ sent: [], held: [] });
    return printMessage(nothingWaitsWords());
  }
  const server = await storeFor(globals, 'write', { send: false });
  try {
    const outbox = await openOutbox(location);
    let result: Awaited<ReturnType<typeof sendWaiting>> | undefined;
    try {
      result = await sendWaiting(outbox, server, options.as);
    } finally {
      await closeOutbox(outbox, (result?.sent.length ?? 0) > 0);
    }
    if (options.json) printJson(result);
    if (result.sent.length > 0) printMessage(sentWords(result.sent));
    if (result.held.length > 0) throw new UserError(heldWords(result.held), { hint: 'the ids are in: oneonone people --json' });
    if (result.sent.length === 0) printMessage(nothingWaitsWords());
  } finally {
    await server.close();
  }
}

/**
 * Before a command on a server, when this computer has an outbox for it: what waits is sent, in a line; what cannot
 * be is said, and the command goes on.
 */
export async function sendKept(store: Store, location: string, globals: GlobalOptions): Promise<void> {
  const outbox = await openOutbox(location);
  let sentAny = false;
  try {
    if ((await waitingMeetings(outbox)).length === 0) return;
    const server = store.exists ? store : await openStore(location, { mode: 'write' });
    try {
      const { sent, held } = await sendWaiting(outbox, server);
      sentAny = sent.length > 0;
      if (sentAny) printMessage(sentWords(sent));
      if (held.length > 0) printWarning(heldWords(held), globals.color);
    } finally {
      if (server !== store) await server.close();
    }
  } catch (error) {
    printWarning(notSentWords((error as Error).message), globals.color);
  } finally {
    await closeOutbox(outbox, sentAny);
  }
}

/** The server out of reach, with an outbox for it here: its one line says too what is waiting on this computer. */
export async function sayWhatWaits(error: unknown, location: string): Promise<unknown> {
  if (!(error instanceof ServerUnreachable)) return error;
  const outbox = await openOutbox(location);
  try {
    const count = (await waitingMeetings(outbox)).length;
    return count === 0 ? error : new ServerUnreachable(error.message, [error.hint, waitingWords(count)].filter(Boolean).join(' '));
  } finally {
    await closeOutbox(outbox);
  }
}
