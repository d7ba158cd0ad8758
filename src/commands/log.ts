import { USUAL_GUIDE } from '../meeting/template.js';
import { planPhases } from '../meeting/plan.js';
import { OUTCOMES, type Goal, type NoteTag, type Outcome } from '../meeting/tags.js';
import { parseRung, type Rung } from '../people/ladder.js';
import { cleanName } from '../people/names.js';
import { parseAssessment } from '../people/assessment.js';
import { cleanEmail, cleanText, parsePotential } from '../people/text.js';
import { parseWhen, toStored } from '../support/dates.js';
import { DomainError, UserError } from '../support/errors.js';
import { isChecklistItem, scoreMeeting, CHECKLIST, type ChecklistItem } from '../meeting/scorecard.js';
import { findTemplate } from '../support/template-files.js';
import { printJson, printMessage, printWarning } from '../ui/output.js';
import { renderSavedMeeting } from '../ui/meeting.js';
import { wordedFollowUp } from '../messages/commitments.js';
import { inEnglish } from '../messages/spoken.js';
import { storeFor, useColor, type AskDraft, type GlobalOptions } from './context.js';
import { keptWords } from '../messages/outbox.js';
import { databasePath } from '../support/paths.js';
import { chosenGuide, chosenMinutes, currentLanguage } from '../support/config.js';
import type { Language } from '../support/language.js';
import { isServer, ServerUnreachable, type Store } from '../store/index.js';
import { flaggedTerms, type SensitiveCheck } from '../meeting/sensitive.js';
import { noTeamPrivateWords, notPrivateWords, SENSITIVE_HINT, SENSITIVE_SEND_HINT, sensitiveWords, type SensitiveWhat } from '../messages/sensitive.js';
import { whoseTheyAre } from './known.js';
import { personFor, resolvePerson, type PersonTarget } from './person.js';
import type { MeetingMode, NoteVisibility, PeopleReader, PersonRow, Transaction } from '../store/contract.js';

export interface LogOptions {
  date?: string;
  goal: Goal;
  template?: string;
  minutes?: number;
  value: string[];
  interest: string[];
  motivation: string[];
  issue: string[];
  skill: string[];
  capacity: string[];
  story: string[];
  leadIn: string[];
  note: string[];
  agitation?: string;
  ask: AskDraft[];
  rung?: string;
  rungReason?: string;
  potential?: number;
  assess?: string;
  mode?: MeetingMode;
  place?: string;
  followup?: string;
  followupNote?: string;
  referredBy?: string;
  referral: string[];
  email?: string;
  phone?: string;
  neighborhood?: string;
  organization?: string;
  language?: Language;
  interpreter?: boolean;
  /** A namesake or someone close to a known name: add a new person all the same. */
  new?: boolean;
  /** The same person, with new contact details. */
  update?: boolean;
  /** Replace the "referred by" already recorded. */
  replaceReferredBy?: boolean;
  json?: boolean;
  /** On a server, what becomes of a text naming a sensitive term: sent as it is, or (a note) private to its author. */
  sensitive?: 'send' | 'private';
  /** The debrief's checklist, comma-separated. */
  did?: string;
  reflection?: string;
}

const TAG_OPTIONS: [NoteTag, keyof LogOptions][] = [
  ['value', 'value'], ['interest', 'interest'], ['motivation', 'motivation'], ['issue', 'issue'], ['skill', 'skill'],
  ['capacity', 'capacity'], ['story', 'story'], ['lead-in', 'leadIn'], ['note', 'note'],
];

interface CheckedAsk {
  text: string;
  dueAt: string | null;
  outcome: Outcome | null;
  barriers: string | null;
  support: string | null;
}

/** Everything is read and checked before the first write, so a bad option leaves no half meeting behind. */
export async function run(personInput: string, options: LogOptions, globals: GlobalOptions): Promise<void> {
  const now = new Date();
  const name = personInput.trim().startsWith('#') ? personInput : cleanName(personInput);
  const heldAt = options.date ? parseWhen(options.date, { now, field: 'meeting date' }) : now;
  if (heldAt.getTime() > now.getTime() + 60_000) {
    throw new DomainError('log.date-future', { input: options.date! });
  }
  const template = chosenGuide(options.template, findTemplate, USUAL_GUIDE[currentLanguage()])!;
  const minutes = chosenMinutes(options.minutes) ?? template.minutes;
  const phases = planPhases(template, minutes);
  const notes = TAG_OPTIONS.flatMap(([tag, option]) =>
    (options[option] as string[]).map((text) => ({ tag, text: cleanText(text, `--${option === 'leadIn' ? 'lead-in' : option} note`) })),
  );
  const asks = options.ask.map((draft) => checkAsk(draft, heldAt));
  const rung: Rung | undefined = options.rung === undefined ? undefined : parseRung(options.rung);
  if (options.rungReason !== undefined && rung === undefined) {
    throw new DomainError('log.rung-reason-alone', {});
  }
  const rungReason = options.rungReason === undefined ? undefined : cleanText(options.rungReason, 'rung reason');
  const potential = options.potential === undefined ? undefined : parsePotential(options.potential);
  const level = options.assess === undefined ? undefined : parseAssessment(options.assess);
  const followUp = checkFollowUp(options, now);
  const referredBy = options.referredBy === undefined ? undefined : cleanName(options.referredBy, 'referrer name');
  const referrals = options.referral.map((referral) => cleanName(referral, 'referral name'));
  const agitation = options.agitation === undefined ? null : cleanText(options.agitation, 'agitation');
  const reflection = options.reflection === undefined ? null : cleanText(options.reflection, 'reflection');
  const place = options.place === undefined || options.place.trim() === '' ? null : cleanText(options.place, 'place');
  const details = checkDetails(options);
  const checklist = checkChecklist(options.did, referrals.length > 0);
  const scorecard = scoreMeeting(
    { did: checklist, noteTags: notes.map((note) => note.tag), agitation, asks, followUps: followUp ? 1 : 0, phases: [] },
    template.scorecard,
  );

  const stamp = toStored(now);
  // What was heard, asked and decided is dated by the meeting, so a write-up done days later reads true.
  const met = toStored(heldAt);
  const others: Sensitive[] = [
    ...(agitation ? [{ what: 'agitation' as const, text: agitation }] : []),
    ...asks.flatMap((ask) => [ask.text, ask.barriers, ask.support].filter((text): text is string => text !== null).map((text) => ({ what: 'ask' as const, text }))),
    ...(followUp?.text ? [{ what: 'follow-up' as const, text: followUp.text }] : []),
    ...(rungReason ? [{ what: 'rung-reason' as const, text: rungReason }] : []),
    ...(reflection ? [{ what: 'reflection' as const, text: reflection }] : []),
  ];
  const record = async (store: Store, check: SensitiveCheck | undefined, keep: NoteKeeper) => {
    const visibility = decideSensitive(check, options.sensitive, notes.map(({ text }) => text), others);
    const who = await resolveWho(store.people, { name, referredBy, referrals, details }, options);
    const known = 'person' in who.person ? await whoseTheyAre(store, who.person.person) : undefined;
    if (known) printMessage(known);
    const kept: string[] = [];
    const meetingId = await store.write(async ({ people, meetings, commitments, settings }) => {
      const referrer = who.referrer && (await personFor(people, who.referrer, met)).person;
      const { person, added } = await personFor(people, who.person, met, referrer ? { source: 'referral', referredBy: referrer.id } : {});
      await people.updateDetails(person.id, { ...details, language: options.language, interpreter: options.interpreter }, stamp);
      if (referrer && !added) await people.setReferredBy(person.id, referrer.id, stamp);
      const id = await meetings.add(
        {
          personId: person.id, heldAt: met, goal: options.goal, template: template.name, plannedMinutes: minutes,
          status: 'complete', agitation, checklist, scorecard, reflection, mode: options.mode ?? null, place,
          phases: phases.map((phase) => ({ ...phase, actualSeconds: null })),
        },
        stamp,
      );
      for (const [index, note] of notes.entries()) {
        await keep({ meetings, settings }, { personId: person.id, meetingId: id, tag: note.tag, text: note.text, phase: null, at: met }, visibility[index]);
      }
      for (const ask of asks) await commitments.addAsk(person.id, id, ask, met);
      if (followUp) await commitments.addFollowUp(person.id, id, followUp, stamp);
      if (rung) await people.moveToRung(person.id, rung, { cause: 'meeting', reason: rungReason ?? null, meetingId: id, at: met });
      if (potential !== undefined) await people.setPotential(person.id, potential, stamp);
      if (level !== undefined) await people.assess(person.id, level, { cause: 'meeting', meetingId: id, at: met });
      for (const referral of who.referrals) {
        const { person: referred, added: new_ } = await personFor(people, referral, met, { source: 'referral', referredBy: person.id });
        if (new_ || referred.referredBy === person.id) continue;
        if (referred.referredBy === null) await people.setReferredBy(referred.id, person.id, stamp);
        else kept.push(`${referred.name} (#${referred.id}) was already referred by someone else; that stays (change it with: oneonone edit "#${referred.id}" --referred-by "#${person.id}")`);
      }
      return id;
    }, { kind: 'log' });
    for (const line of kept) printWarning(line, globals.color);
    const meeting = (await store.meetings.get(meetingId))!;
    const person = (await store.people.get(meeting.person.id))!;
    return { meeting, person, referrals: await store.people.referrals(person.id) };
  };
  const { saved, here } = await recordSafely(globals, record);
  const { meeting, person, referrals: brought } = saved;
  if (options.json) {
    const followups = inEnglish(() => meeting.followups.map((f) => wordedFollowUp(f, person.name)));
    printJson({ ...meeting, followups, rung: person.rung, potential: person.potential, assessment: person.assessment, referrals: brought });
  } else renderSavedMeeting(meeting, person, useColor(globals), here);
}

function checkAsk(draft: AskDraft, heldAt: Date): CheckedAsk {
  const text = cleanText(draft.text, 'ask');
  if (draft.outcome !== undefined && !(OUTCOMES as readonly string[]).includes(draft.outcome.trim().toLowerCase())) {
    throw new DomainError('ask.unknown-outcome', { input: draft.outcome });
  }
  return {
    text,
    dueAt: draft.due === undefined ? null : toStored(parseWhen(draft.due, { now: heldAt, future: true, field: "ask's due date" })),
    outcome: (draft.outcome?.trim().toLowerCase() as Outcome | undefined) ?? null,
    barriers: draft.barriers === undefined ? null : cleanText(draft.barriers, 'barriers'),
    support: draft.support === undefined ? null : cleanText(draft.support, 'support'),
  };
}

/** What the record cannot tell, as typed; a referral named is a referral asked for. */
function checkChecklist(typed: string | undefined, referred: boolean): ChecklistItem[] {
  const items = (typed ?? '').split(',').map((item) => item.trim().toLowerCase()).filter((item) => item !== '');
  const unknown = items.find((item) => !isChecklistItem(item));
  if (unknown !== undefined) throw new DomainError('log.unknown-did', { item: unknown, items: CHECKLIST });
  const ticked = CHECKLIST.filter((item) => items.includes(item) || (item === 'referral' && referred));
  return ticked;
}

function checkFollowUp(options: LogOptions, now: Date): { dueAt: string; text: string | null } | undefined {
  if (options.followup === undefined) {
    if (options.followupNote !== undefined) {
      throw new DomainError('log.followup-note-alone', {});
    }
    return undefined;
  }
  return {
    dueAt: toStored(parseWhen(options.followup, { now, future: true, field: 'follow-up date' })),
    text: options.followupNote === undefined ? null : cleanText(options.followupNote, 'follow-up note'),
  };
}

function checkDetails(options: LogOptions): { email?: string; phone?: string; neighborhood?: string; organization?: string } {
  const details: Record<string, string> = {};
  for (const field of ['phone', 'neighborhood', 'organization'] as const) {
    if (options[field] !== undefined) details[field] = cleanText(options[field]!, field);
  }
  if (options.email !== undefined) details.email = cleanEmail(options.email);
  return details;
}

type Details = ReturnType<typeof checkDetails>;

interface Who {
  person: PersonTarget;
  referrer?: PersonTarget;
  referrals: PersonTarget[];
}

/** Who the meeting was with, who referred them and whom they referred, settled before the write (a question may be asked). */
async function resolveWho(
  people: PeopleReader, given: { name: string; referredBy?: string; referrals: string[]; details: Details }, options: LogOptions,
): Promise<Who> {
  const person = await resolvePerson(people, given.name, { addNew: options.new, newFlag: '--new' });
  if ('person' in person) checkSameDetails(person.person, given.details, options.update === true);
  const referrer = given.referredBy === undefined ? undefined : await resolvePerson(people, given.referredBy, { newFlag: 'the full name' });
  if (referrer) checkReferrer(person, referrer, options.replaceReferredBy === true, await currentReferrer(people, person));
  const referrals: PersonTarget[] = [];
  for (const name of given.referrals) {
    const referral = await resolvePerson(people, name, { newFlag: 'the full name' });
    if (samePerson(referral, person)) throw new DomainError('log.refers-self', { name, flag: '--referral' });
    referrals.push(referral);
  }
  return { person, referrer, referrals };
}

function samePerson(a: PersonTarget, b: PersonTarget): boolean {
  if ('person' in a && 'person' in b) return a.person.id === b.person.id;
  return 'add' in a && 'add' in b && a.add === b.add;
}

async function currentReferrer(people: PeopleReader, person: PersonTarget): Promise<{ id: number; name: string } | undefined> {
  return 'person' in person ? people.referredBy(person.person.id) : undefined;
}

function checkReferrer(person: PersonTarget, referrer: PersonTarget, replace: boolean, current: { id: number; name: string } | undefined): void {
  const name = 'person' in person ? person.person.name : person.add;
  if (samePerson(person, referrer)) throw new DomainError('log.refers-self', { name, flag: '--referred-by' });
  if (!current || ('person' in referrer && referrer.person.id === current.id) || replace) return;
  throw new DomainError('log.referrer-differs', { name, current: current.name, id: current.id });
}

const DETAIL_WORDS: Record<keyof Details, string> = { email: 'email', phone: 'phone', neighborhood: 'neighborhood', organization: 'organization' };

/** A different email or phone may mean a namesake: it is never written over what is known without saying so. */
function checkSameDetails(person: PersonRow, details: Details, update: boolean): void {
  if (update) return;
  const differ = (Object.keys(details) as (keyof Details)[]).filter((field) => {
    const known = person[field];
    return known !== null && known !== undefined && details[field] !== undefined && comparable(field, known) !== comparable(field, details[field]!);
  });
  if (differ.length === 0) return;
  const said = differ.map((field) => `${DETAIL_WORDS[field]} ${person[field]} (you gave ${details[field]})`).join(', ');
  throw new UserError(`${person.name} (#${person.id}) has ${said}`, {
    hint: 'the same person with new details: add --update; someone else with the same name: add --new',
  });
}

/** Phones are typed many ways: "(555) 010-2000" and "555 010 2000" are one number. */
function comparable(field: keyof Details, value: string): string {
  return field === 'phone' ? value.replace(/\D/g, '') : value.trim().toLowerCase();
}

/**
 * The meeting written to the record; with a server that cannot be reached, to this computer's outbox instead, to be
 * sent by the next command that reaches it (a meeting logged is never lost to the network).
 */
async function recordSafely<T extends { meeting: { id: number; person: { name: string } } }>(
  globals: GlobalOptions, record: (store: Store, check: SensitiveCheck | undefined, keep: NoteKeeper) => Promise<T>,
): Promise<{ saved: T; here: boolean }> {
  const location = databasePath(globals.db);
  let store: Store;
  try {
    store = await storeFor(globals, 'write');
  } catch (error) {
    if (!(error instanceof ServerUnreachable)) throw error;
    const { openOutbox, markForSending, closeOutbox, addNoteHere } = await import('./outbox.js');
    const outbox = await openOutbox(location);
    try {
      // The words the server was last seen to check, kept here when it was reached.
      const check = await (await import('./team-words.js')).checkHere(outbox);
      const saved = await record(outbox, check, addNoteHere);
      await markForSending(outbox, saved.meeting.id, 'log');
      printWarning(keptWords(saved.meeting.person.name, error.message), globals.color);
      return { saved, here: true };
    } finally {
      await closeOutbox(outbox);
    }
  }
  try {
    const check = isServer(location) ? await (await import('./team-words.js')).checkOnServer(store, location) : undefined;
    return { saved: await record(store, check, keepNote), here: false };
  } finally {
    await store.close();
  }
}

interface NoteToKeep {
  personId: number;
  meetingId: number | null;
  tag: string;
  text: string;
  phase: string | null;
  at: string;
}

/** How a note is written: on the record itself, or in the outbox, which keeps the organizer's choice beside it. */
type NoteKeeper = (tx: Pick<Transaction, 'meetings' | 'settings'>, note: NoteToKeep, visibility?: NoteVisibility) => Promise<number>;

const keepNote: NoteKeeper = (tx, note, visibility) => tx.meetings.addNote(note.personId, note.meetingId, note.tag, note.text, note.phase, note.at, visibility);

interface Sensitive {
  what: SensitiveWhat;
  text: string;
}

/**
 * Before anything leaves this computer for a server: immigration status and the like are the organizer's decision,
 * given with --sensitive. `private` keeps a note to its author (on a team server); an ask, the agitation, a follow-up
 * or a rung's reason is read by whoever reads the meeting, so it can only be rewritten or sent. Gives each note's
 * visibility, by its place (undefined: its tag's); a file on this computer (no check) is never refused.
 */
function decideSensitive(
  check: SensitiveCheck | undefined, choice: LogOptions['sensitive'], notes: readonly string[], others: readonly Sensitive[],
): (NoteVisibility | undefined)[] {
  const visibility = notes.map((text): NoteVisibility | undefined => {
    const terms = flaggedTerms(check, text);
    if (terms.length === 0 || choice === 'send') return undefined;
    if (choice === 'private') {
      if (!check!.canKeepPrivate) throw new UserError(noTeamPrivateWords(text, terms), { hint: SENSITIVE_SEND_HINT });
      return 'private';
    }
    throw new UserError(sensitiveWords(text, terms), { hint: check!.canKeepPrivate ? SENSITIVE_HINT : SENSITIVE_SEND_HINT });
  });
  for (const { what, text } of others) {
    const terms = flaggedTerms(check, text);
    if (terms.length === 0 || choice === 'send') continue;
    throw new UserError(choice === 'private' ? notPrivateWords(text, terms, what) : sensitiveWords(text, terms), { hint: SENSITIVE_SEND_HINT });
  }
  return visibility;
}
