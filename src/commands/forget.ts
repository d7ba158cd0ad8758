import { nameKey } from '../people/names.js';
import { claimIsStale, holderPid } from '../support/claims.js';
import { keptCopies } from '../support/copies.js';
import { DomainError, UserError } from '../support/errors.js';
import { askToTypeName, canAsk } from '../ui/confirm.js';
import { forgetWarning, renderForgotten, renderForgottenOnServer } from '../ui/privacy.js';
import { databasePath } from '../support/paths.js';
import { isServer } from '../store/index.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface ForgetOptions {
  yes?: boolean;
}

/** Erases a person and everything about them, then rebuilds the file so no trace is left in it or its WAL. */
export async function run(personInput: string, options: ForgetOptions, globals: GlobalOptions): Promise<void> {
  await withStore(globals, 'read', async (store) => {
    const erase = await store.team?.whyNotErase();
    if (erase) throw new UserError(`not erasing anyone: ${erase}`, { hint: 'ask your lead or the team\'s admin' });
    const person = await findPerson(store.people, personInput);
    const live = (await store.meetings.claimed()).find((draft) => draft.personId === person.id && !claimIsStale(draft.claimedBy));
    if (live) {
      throw new DomainError('forget.meeting-running', { name: person.name, id: live.id, pid: holderPid(live.claimedBy) });
    }
    if (!options.yes) {
      if (!canAsk()) {
        throw new DomainError('forget.not-confirmed', { name: person.name, id: person.id });
      }
      const counts = await store.people.forgetCounts(person.id);
      const confirmed = await askToTypeName(person.name, forgetWarning(person.name, person.id, counts), (typed) => nameKey(typed) === nameKey(person.name));
      if (!confirmed) throw new DomainError('forget.name-mismatch', { name: person.name });
    }
    // The undo journal holds rows as they were; nothing of the person may survive there, so it goes with them.
    const counts = await store.write(async (tx) => {
      const erased = await tx.people.forget(person.id);
      await tx.journal.forgetHistory(new Date().toISOString());
      return erased;
    });
    const scrubbed = await store.scrub();
    const color = useColor(globals, process.stderr);
    const location = databasePath(globals.db);
    if (!isServer(location)) return renderForgotten(person.name, counts, scrubbed, keptCopies(store.location), color);
    const local = await forgetHere(location, person.id);
    renderForgottenOnServer(person.name, counts, scrubbed, local, color);
  });
}

/** A person forgotten on the server leaves this computer's outbox too, with any meeting of theirs waiting there. */
async function forgetHere(location: string, serverId: number): Promise<boolean> {
  if (!(await import('../support/outbox-path.js')).hasOutbox(location)) return false;
  const { openOutbox, closeOutbox } = await import('./outbox.js');
  const outbox = await openOutbox(location);
  let found = false;
  try {
    const local = Number((await outbox.settings.get(`local-id:${serverId}`)) || 0);
    found = local > 0 && (await outbox.people.get(local)) !== undefined;
    if (found) await outbox.write((tx) => tx.people.forget(local));
  } finally {
    await closeOutbox(outbox, found);
  }
  return found;
}
