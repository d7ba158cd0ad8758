/** The record of people as a screen says it: people, show, search, log's read-back and what edit, merge and delete did. */
import type { RungCause } from '../store/contract.js';
import { counted } from '../support/format.js';
import { formats } from './format.js';
import { spokenCatalogues } from './spoken.js';

export interface RungChangeWording {
  cause: RungCause;
  reason: string | null;
  detail: string | null;
  meetingHeldAt: string | null;
}

/** How many meetings, notes, asks, follow-ups and referrals a merge or a delete moved. */
export interface Moved {
  meetings: number;
  notes: number;
  asks: number;
  followups: number;
  referralsUnlinked: number;
}

export interface PeopleWords {
  /** `people`'s columns, the assessment one where someone shown is assessed. */
  head(assessed: boolean): string[];
  nobody: string;
  seeEveryone: string;
  profile: ProfileWords;
  rungReasons: { added: string; afterAMeeting: string; afterMeetingOf(date: string): string; imported(from: string | null): string };
  saved: SavedWords;
  search: SearchWords;
  edited: EditedWords;
  merged(from: string, into: string, moved: Moved): string;
  taken(details: string): string;
  kept(details: string): string;
  stillFinds(name: string, undoable: boolean): string;
  deleted: DeletedWords;
  lookup: LookupWords;
}

export interface ProfileWords {
  /** After the bold name and number. */
  heading(rung: string, potential: number | null, assessed: string | null): string;
  organizer(owner: string | null): string;
  alsoKnownAs(names: string): string;
  lastMet(when: string, contact: string, count: number, drafts: number): string;
  referredBy(name: string, id: number): string;
  titles: { cares: string; asks: string; followUps: string; ladder: string; assessment: string; connected: string; handoffs: string; meetings: string };
  followUp(id: number, done: boolean, text: string, due: string): string;
  ask(id: number, text: string, due: string | null, answer: string | null, result: string | null): string;
  askResult(result: string): string;
  meetingReason(id: number): string;
  handoff(at: string, from: string | null, to: string, by: string, carried: boolean, note: string): string;
  talked(organizer: boolean, share: string): string;
  stretch(length: string): string;
  with(organizer: string): string;
  draft(id: number): string;
  goal(goal: string): string;
  mode(mode: string): string;
}

export interface SavedWords {
  keptHere(name: string): string;
  saved(id: number, name: string, personId: number): string;
  agitation(text: string): string;
  ask(id: string, text: string, due: string | null, outcome: string | null): string;
  followUp(id: string, text: string, due: string): string;
  rung(rung: string, potential: number | null): string;
}

export interface SearchWords {
  fields: Readonly<Record<string, string>>;
  note: string;
  ask(fields: string[]): string;
  followUp: string;
  agitation: string;
  /** Quoted words joined: `"rent" and "repairs"`. */
  and: string;
  nothing(looked: string, tag: string | null): string;
  found(count: number, looked: string, tag: string | null): string;
  more(limit: number): string;
}

export interface EditedWords {
  unchanged(what: string): string;
  corrected(what: string, lines: string[]): string;
  /** A field's label as edit names it ("referred by"), in the run's language. */
  field(field: string): string;
  none: string;
  yesNo(value: string): string;
}

/** Finding who a name means: what tells namesakes apart, and the questions asked when a name is not enough. */
export interface LookupWords {
  lastMet(date: string): string;
  neverMet: string;
  once(name: string): string;
  andMore(count: number): string;
  whichOne(input: string, count: number): string;
  whoIsIt(input: string, count: number): string;
  closeTo(input: string): string;
  addAsNew(name: string): string;
}

export interface DeletedWords {
  done(words: string): string;
  meeting(item: string, name: string, when: string, notes: number, asks: number, followups: number): string;
  note(item: string, person: string, tag: string, text: string): string;
  ask(item: string, person: string, text: string): string;
  followUp(item: string, person: string, due: string): string;
}

const PROFILE_EN: ProfileWords = {
  heading: (rung, potential, assessed) => `${rung}${potential ? `, leadership potential ${potential}/5` : ''}${assessed ? `, assessed ${assessed}` : ''}`,
  organizer: (owner) => `organizer: ${owner ?? 'nobody'}`,
  alsoKnownAs: (names) => `also known as ${names}`,
  lastMet: (when, contact, count, drafts) => `last met: ${when}${contact} · meetings: ${count}${drafts ? ` (and ${drafts} unfinished)` : ''}`,
  referredBy: (name, id) => `referred by ${name} (#${id})`,
  titles: {
    cares: 'What they care about', asks: 'Asks', followUps: 'Follow-ups', ladder: 'Ladder', assessment: 'Assessment',
    connected: 'Connected you to', handoffs: 'Handoffs', meetings: 'Meetings, newest first',
  },
  followUp: (id, done, text, due) => `F${id} ${done ? 'done' : 'open'}: ${text} — ${due}`,
  ask: (id, text, due, answer, result) => `A${id}: ${text}${due ? ` by ${due}` : ''} — ${answer ?? 'no answer yet'}${result ? `, ${result}` : ''}`,
  askResult: (result) => result,
  meetingReason: (id) => `meeting M${id}`,
  handoff: (at, from, to, by, carried, note) =>
    `${at}: ${from ?? 'nobody'} → ${to} (by ${by}; ${carried ? 'open asks and follow-ups went along' : 'open asks and follow-ups stayed'}): ${note}`,
  talked: (organizer, share) => ` · ${organizer ? 'the organizer' : 'you'} talked ${share}`,
  stretch: (length) => `, at most ${length} at a stretch`,
  with: (organizer) => ` · with ${organizer}`,
  draft: (id) => ` · DRAFT (resume with: oneonone start --resume ${id})`,
  goal: (goal) => goal,
  mode: (mode) => mode,
};

const SAVED_EN: SavedWords = {
  keptHere: (name) => `Kept the meeting with ${name} on this computer, to send`,
  saved: (id, name, personId) => `Saved meeting M${id} with ${name} (#${personId})`,
  agitation: (text) => `agitation: ${text}`,
  ask: (id, text, due, outcome) => `ask${id}: ${text}${due ? ` — by ${due}` : ''}${outcome ? ` — ${outcome}` : ''}`,
  followUp: (id, text, due) => `follow-up${id}: ${text} — ${due}`,
  rung: (rung, potential) => `rung: ${rung}${potential ? ` · leadership potential ${potential}/5` : ''}`,
};

const SEARCH_EN: SearchWords = {
  fields: {
    barriers: 'barriers', support: 'support', name: 'name', email: 'email', phone: 'phone', neighborhood: 'neighborhood',
    organization: 'organization', notes: 'notes',
  },
  note: 'note',
  ask: (fields) => (fields.length ? `ask (${fields.join(', ')})` : 'ask'),
  followUp: 'follow-up',
  agitation: 'agitation',
  and: ' and ',
  nothing: (looked, tag) => `Nothing found for ${looked}${tag === null ? '' : ` in notes tagged ${tag}`}.${tag === null ? '' : ' Try without --tag to look everywhere.'}`,
  found: (count, looked, tag) => `${count} ${count === 1 ? 'match' : 'matches'} for ${looked}${tag === null ? '' : ` in notes tagged ${tag}`}, best first.`,
  more: (limit) => ` There are more: see them with --limit ${limit}.`,
};

const EDITED_EN: EditedWords = {
  unchanged: (what) => `${what} already reads that way; nothing changed.`,
  corrected: (what, lines) => `Corrected ${what}:\n${lines.join('\n')}\nUndo with: oneonone undo`,
  field: (field) => field,
  none: '(none)',
  yesNo: (value) => value,
};

const DELETED_EN: DeletedWords = {
  done: (words) => `Deleted ${words}. Undo with: oneonone undo`,
  meeting: (item, name, when, notes, asks, followups) =>
    `${item}, the 1:1 with ${name} of ${when}, with ${counted(notes, 'note')}, ${counted(asks, 'ask')} and ${counted(followups, 'follow-up')}`,
  note: (item, person, tag, text) => `${item} (${person}, ${tag}: ${text})`,
  ask: (item, person, text) => `${item} (${person}: ${text}) and its follow-ups`,
  followUp: (item, person, due) => `${item} (${person}, due ${due})`,
};

const PEOPLE_EN: PeopleWords = {
  head: (assessed) => ['id', 'name', 'rung', 'potential', ...(assessed ? ['assessment'] : []), 'last met', 'meetings', 'open asks', 'follow-ups'],
  nobody: 'Nobody here yet. Add someone with: oneonone log "Ana Ruiz" (or oneonone start).',
  seeEveryone: 'see everyone with --json, or oneonone export people',
  profile: PROFILE_EN,
  rungReasons: {
    added: 'added',
    afterAMeeting: 'after a meeting',
    afterMeetingOf: (date) => `after the meeting of ${date}`,
    imported: (from) => `imported from ${from ?? 'a file'}`,
  },
  saved: SAVED_EN,
  search: SEARCH_EN,
  edited: EDITED_EN,
  merged: (from, into, moved) =>
    `Merged ${from} into ${into}; moved: ${counted(moved.meetings, 'meeting')}, ${counted(moved.notes, 'note')}, ${counted(moved.asks, 'ask')}, ${counted(moved.followups, 'follow-up')}, ${counted(moved.referralsUnlinked, 'referral')}.`,
  taken: (details) => `  taken: ${details}`,
  kept: (details) => `  kept: ${details}`,
  stillFinds: (name, undoable) =>
    `  "${name}" still finds them. ${undoable ? 'Undo with: oneonone undo' : 'On a team server a merge cannot be undone: it moved teammates\' notes.'}`,
  deleted: DELETED_EN,
  lookup: {
    lastMet: (date) => `last met ${date}`,
    neverMet: 'never met',
    once: (name) => ` (once "${name}")`,
    andMore: (count) => `; and ${count} more`,
    whichOne: (input, count) => `"${input}" could be ${count} people. Which one?`,
    whoIsIt: (input, count) => `"${input}" could be ${count} people. Who is it?`,
    closeTo: (input) => `"${input}" is close to people you know. Who is it?`,
    addAsNew: (name) => `Add "${name}" as a new person`,
  },
};

/** The record's words in this run's language. */
export const peopleWords = (): PeopleWords => spokenCatalogues()?.people ?? PEOPLE_EN;

/** Why someone moved on the ladder: the organizer's own words, else the cause, worded in the local calendar. */
export function rungReason(change: RungChangeWording): string | null {
  if (change.reason !== null) return change.reason;
  const words = peopleWords().rungReasons;
  switch (change.cause) {
    case 'added':
      return words.added;
    case 'meeting':
      return change.meetingHeldAt === null ? words.afterAMeeting : words.afterMeetingOf(formats().date(change.meetingHeldAt));
    case 'import':
      return words.imported(change.detail);
    case 'manual':
      return null;
  }
}
