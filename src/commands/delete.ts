import { parseRecordId, recordId, type RecordKind } from '../people/records.js';
import type { Store } from '../store/contract.js';
import { claimIsStale } from '../support/claims.js';
import { DomainError } from '../support/errors.js';
import { counted, formatDateTime } from '../support/format.js';
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
  const deleted = await withStore(globals, 'read', (store) => remove(store, record.kind, record.id));
  if (options.json) printJson(deleted);
  printMessage(`Deleted ${deleted.words}. Undo with: oneonone undo`);
}

async function remove(store: Store, kind: RecordKind, id: number): Promise<{ id: string; personId: number; words: string }> {
  const item = recordId(kind, id);
  const missing = new DomainError('delete.no-record', { kind, item });
  const label = (personId: number) => ({ kind: 'delete' as const, personId, detail: { item } });
  switch (kind) {
    case 'meeting': {
      const meeting = await store.meetings.get(id);
      if (!meeting) throw missing;
      const live = (await store.meetings.claimed()).find((draft) => draft.id === id && !claimIsStale(draft.claimedBy));
      if (live) throw new DomainError('delete.meeting-running', { item });
      const words = `${item}, the 1:1 with ${meeting.person.name} of ${formatDateTime(meeting.heldAt)}, with ${counted(meeting.notes.length, 'note')}, ${counted(meeting.asks.length, 'ask')} and ${counted(meeting.followups.length, 'follow-up')}`;
      await store.write((tx) => tx.corrections.deleteMeeting(id, new Date().toISOString()), label(meeting.person.id));
      return { id: item, personId: meeting.person.id, words };
    }
    case 'note': {
      const note = await store.write((tx) => tx.corrections.note(id));
      if (!note) throw missing;
      await store.write((tx) => tx.corrections.deleteNote(id), label(note.personId));
      return { id: item, personId: note.personId, words: `${item} (${note.person}, ${note.tag}: ${note.text})` };
    }
    case 'ask': {
      const ask = await store.commitments.ask(id);
      if (!ask) throw missing;
      await store.write((tx) => tx.corrections.deleteAsk(id), label(ask.personId));
      return { id: item, personId: ask.personId, words: `${item} (${ask.person}: ${ask.text}) and its follow-ups` };
    }
    case 'followup': {
      const followUp = await store.commitments.followUp(id);
      if (!followUp) throw missing;
      await store.write((tx) => tx.corrections.deleteFollowUp(id), label(followUp.personId));
      return { id: item, personId: followUp.personId, words: `${item} (${followUp.person}, due ${formatDateTime(followUp.dueAt)})` };
    }
  }
}
