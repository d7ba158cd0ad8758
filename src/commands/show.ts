import { NOTE_TAGS, type NoteTag } from '../meeting/tags.js';
import { printJson } from '../ui/output.js';
import { renderProfile, type Profile } from '../ui/profile.js';
import type { Store } from '../store/index.js';
import type { PersonRow } from '../store/people.js';
import { storeFor, useColor, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface ShowOptions {
  json?: boolean;
}

export async function run(personInput: string, options: ShowOptions, globals: GlobalOptions): Promise<void> {
  const store = storeFor(globals);
  try {
    const profile = profileOf(store, findPerson(store, personInput));
    if (options.json) printJson(profile);
    else renderProfile(profile, useColor(globals));
  } finally {
    store.close();
  }
}

function profileOf(store: Store, person: PersonRow): Profile {
  const notes = store.meetings.notesForPerson(person.id);
  const heard = Object.fromEntries(NOTE_TAGS.map((tag) => [tag, notes.filter((note) => note.tag === tag).map((note) => note.text)])) as Record<NoteTag, string[]>;
  return {
    person,
    heard,
    meetings: store.meetings.idsForPerson(person.id).map((id) => store.meetings.get(id)!),
    asks: store.meetings.asksForPerson(person.id),
    followups: store.meetings.followUpsForPerson(person.id),
    rungHistory: store.people.rungHistory(person.id),
    referredBy: store.people.referredBy(person.id) ?? null,
    referrals: store.people.referrals(person.id),
  };
}
