import { parseRecordId, recordId, type RecordKind } from '../people/records.js';
import type { Store } from '../store/contract.js';
import { claimIsStale } from '../support/claims.js';
import { DomainError } from '../support/errors.js';
import { formats } from '../messages/format.js';
import { inEnglish } from '../messages/spoken.js';
import { peopleWords } from '../messages/people.js';
import { printJson, printMessage } from '../ui/output.js';
import { withStore, type GlobalOptions } from './context.js';

export interface DeleteOptions {
  json?: boolean;
}

/** `delete M12|N40|A6|F3`: a record made by mistake, gone with what hangs on it; `undo` brings it back. */
export async function run(input: string, options: DeleteOptions, globals: GlobalOptions): Promise<void> {
  const record = parseRecordId(input);
  if (!record) {
    throw new DomainError('delete.not-an-id', { input });
  }
  const { words, ...deleted } = await withStore(globals, 'read', (store) => remove(store, record.kind, record.id));
  // JSON says what was deleted in English whatever the run speaks.
  if (options.json) printJson({ ...deleted, words: inEnglish(words) });
  printMessage(peopleWords().deleted.done(words()));
}

async function remove(store: Store, kind: RecordKind, id: number): Promise<{ id: string; personId: number; words: () => string }> {
  const item = recordId(kind, id);
  const missing = new DomainError('delete.no-record', { kind, item });
  const label = (personId: number) => ({ kind: 'delete' as const, personId, detail: { item } });
  // Worded when shown, so JSON can say it in English and the message in the run's language.
  const said = () => peopleWords().deleted;
  switch (kind) {
    case 'meeting': {
      const meeting = await store.meetings.get(id);
      if (!meeting) throw missing;
      const live = (await store.meetings.claimed()).find((draft) => draft.id === id && !claimIsStale(draft.claimedBy));
      if (live) throw new DomainError('delete.meeting-running', { item });
      const words = () => said().meeting(item, meeting.person.name, formats().dateTime(meeting.heldAt), meeting.notes.length, meeting.asks.length, meeting.followups.length);
      await store.write((tx) => tx.corrections.deleteMeeting(id, new Date().toISOString()), label(meeting.person.id));
      return { id: item, personId: meeting.person.id, words };
    }
    case 'note': {
      const note = await store.write((tx) => tx.corrections.note(id));
      if (!note) throw missing;
      await store.write((tx) => tx.corrections.deleteNote(id), label(note.personId));
      return { id: item, personId: note.personId, words: () => said().note(item, note.person, note.tag, note.text) };
    }
    case 'ask': {
      const ask = await store.commitments.ask(id);
      if (!ask) throw missing;
      await store.write((tx) => tx.corrections.deleteAsk(id), label(ask.personId));
      return { id: item, personId: ask.personId, words: () => said().ask(item, ask.person, ask.text) };
    }
    case 'followup': {
      const followUp = await store.commitments.followUp(id);
      if (!followUp) throw missing;
      await store.write((tx) => tx.corrections.deleteFollowUp(id), label(followUp.personId));
      return { id: item, personId: followUp.personId, words: () => said().followUp(item, followUp.person, formats().dateTime(followUp.dueAt)) };
    }
  }
}
