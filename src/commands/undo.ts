import { changeWords, undoWords } from '../messages/undo.js';
import { inEnglish } from '../messages/spoken.js';
import { claimIsStale, holderPid } from '../support/claims.js';
import { DomainError } from '../support/errors.js';
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
      if (!change) throw new DomainError('undo.nothing', {});
      if (change.kind === 'forget') {
        throw new DomainError('undo.after-forget', {});
      }
      const live = (await tx.meetings.claimed()).find((draft) => draft.id === change.meetingId && !claimIsStale(draft.claimedBy));
      if (live) {
        throw new DomainError('undo.meeting-running', { name: live.personName, pid: holderPid(live.claimedBy) });
      }
      const person = change.personId === null ? null : ((await tx.people.get(change.personId))?.name ?? null);
      await tx.journal.undo(change.id, new Date().toISOString());
      const undone = { kind: change.kind, id: change.id, personId: change.personId, meetingId: change.meetingId, madeAt: change.madeAt };
      // JSON's words are English whatever the run speaks; the line below says them in its language.
      return { json: { ...undone, words: inEnglish(() => changeWords(change, person)) }, said: changeWords(change, person) };
    }),
  );
  if (options.json) printJson(undone.json);
  printMessage(undoWords().undid(undone.said));
}
