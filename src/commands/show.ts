import { NOTE_TAGS, type NoteTag } from '../meeting/tags.js';
import { wordedFollowUp } from '../messages/commitments.js';
import { inEnglish } from '../messages/spoken.js';
import { rungReason } from '../messages/people.js';
import type { PersonRow, RungChange, Store } from '../store/contract.js';
import { printJson } from '../ui/output.js';
import { renderProfile, type Profile } from '../ui/profile.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';

export interface ShowOptions {
  json?: boolean;
}

export async function run(personInput: string, options: ShowOptions, globals: GlobalOptions): Promise<void> {
  const profile = await withStore(globals, 'read', async (store) => profileOf(store, await findPerson(store.people, personInput)));
  if (options.json) printJson(profileJson(profile));
  else renderProfile(profile, useColor(globals));
}

/** Contacts besides meetings: the latest few say enough of how recently and how. */
const TOUCHES_SHOWN = 10;

async function profileOf(store: Store, person: PersonRow): Promise<Profile> {
  const notes = await store.meetings.notesForPerson(person.id);
  const heard = Object.fromEntries(NOTE_TAGS.map((tag) => [tag, notes.filter((note) => note.tag === tag).map((note) => note.text)])) as Record<NoteTag, string[]>;
  const meetings = await store.meetings.forPerson(person.id);
  return {
    person,
    formerNames: await store.people.formerNames(person.id),
    heard,
    notes: notes.filter((note) => (NOTE_TAGS as readonly string[]).includes(note.tag)),
    meetings,
    asks: await store.commitments.asksForPerson(person.id),
    followups: await store.commitments.followUpsForPerson(person.id),
    rungHistory: await store.people.rungHistory(person.id),
    assessmentHistory: await store.people.assessmentHistory(person.id),
    referredBy: (await store.people.referredBy(person.id)) ?? null,
    referrals: await store.people.referrals(person.id),
    knows: await store.web.relationshipsOf(person.id),
    places: await store.web.placesOf(person.id),
    touches: await store.web.touchesOf(person.id, TOUCHES_SHOWN),
    ...(await teamSide(store, person.id)),
  };
}

/** On a team server: who owns them, who held each meeting, and their handoffs. */
async function teamSide(store: Store, personId: number): Promise<Pick<Profile, 'team'>> {
  if (!store.team || !(await store.team.isTeam())) return {};
  return { team: { ...(await store.team.organizersOf(personId)), handoffs: await store.team.handoffsOf(personId) } };
}

/** The record as it reads: codes kept beside their words (a default follow-up's text, the reason of a rung change). */
export function profileJson(profile: Profile) {
  const name = profile.person.name;
  return inEnglish(() => ({
    ...profile,
    meetings: profile.meetings.map((meeting) => ({ ...meeting, followups: meeting.followups.map((f) => wordedFollowUp(f, name)) })),
    followups: profile.followups.map((f) => wordedFollowUp(f, name)),
    rungHistory: profile.rungHistory.map(wordedRungChange),
  }));
}

function wordedRungChange(change: RungChange): RungChange {
  return { ...change, reason: rungReason(change) };
}
