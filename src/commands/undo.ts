import { changeWords } from '../messages/undo.js';
import { claimIsStale, holderPid } from '../support/claims.js';
import { UserError } from '../support/errors.js';
import { printJson, printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';

export interface UndoOptions {
  json?: boolean;
}

/** Reverses the newest change a command made; run again, it goes further back. */
export async function run(options: UndoOptions, globals: GlobalOptions): Promise<void> {
  const undone = await withStore(globals, 'read', (store) =>
    store.write(async (tx) => {
      const change = await tx.journal.latest();
      if (!change) throw new UserError('there is nothing to undo', { hint: 'undo reverses what log, start, done, snooze, edit, merge, delete and import changed' });
      if (change.kind === 'forget') {
        throw new UserError('the last change was a forget, which cannot be undone (nothing of the person was kept); nothing before it can be undone either', {
          hint: 'a backup made before the forget still holds it: oneonone restore FILE',
        });
      }
      const live = (await tx.meetings.claimed()).find((draft) => draft.id === change.meetingId && !claimIsStale(draft.claimedBy));
      if (live) {
        throw new UserError(`the meeting with ${live.personName} is running in another terminal (process ${holderPid(live.claimedBy)})`, { hint: 'finish or stop it there, then undo' });
      }
      const person = change.personId === null ? null : ((await tx.people.get(change.personId))?.name ?? null);
      const words = changeWords(change, person);
      await tx.journal.undo(change.id, new Date().toISOString());
      return { kind: change.kind, id: change.id, personId: change.personId, meetingId: change.meetingId, madeAt: change.madeAt, words };
    }),
  );
  if (options.json) printJson(undone);
  printMessage(`Undid ${undone.words}.`);
}
