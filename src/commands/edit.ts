import { GOALS, NOTE_TAGS, OUTCOMES, type Goal } from '../meeting/tags.js';
import { isServer } from '../store/index.js';
import { databasePath } from '../support/paths.js';
import { parseRung, type Rung } from '../people/ladder.js';
import { cleanName, nameKey } from '../people/names.js';
import { parseRecordId, recordId, type RecordKind } from '../people/records.js';
import { parseAssessment } from '../people/assessment.js';
import { cleanEmail, cleanText, parsePotential } from '../people/text.js';
import { MEETING_MODES, type AskEdit, type FollowUpEdit, type MeetingEdit, type MeetingMode, type NoteEdit, type PersonEdit, type PersonRow, type Store, type Transaction } from '../store/contract.js';
import { parseWhen, toStored } from '../support/dates.js';
import { UsageError, UserError, worded } from '../support/errors.js';
import { formatDateTime } from '../support/format.js';
import { printJson, printMessage } from '../ui/output.js';
import { rungLabel } from '../messages/ladder.js';
import { peopleWords } from '../messages/people.js';
import { withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';
import { planMoves, type PlannedMove, type UnitMove } from './units.js';
import { webRefusals, webWords } from '../messages/web.js';
import { assessmentShown, assessmentWords } from '../messages/assessment.js';
import type { Place } from '../store/contract.js';
import { isLanguage, LANGUAGES, type Language } from '../support/language.js';

export interface EditOptions {
  name?: string;
  email?: string;
  phone?: string;
  neighborhood?: string;
  organization?: string;
  /** A code of LANGUAGES, or none. */
  language?: string;
  interpreter?: boolean;
  notes?: string;
  rung?: string;
  reason?: string;
  potential?: string;
  assess?: string;
  referredBy?: string | false;
  date?: string;
  goal?: string;
  minutes?: number;
  mode?: string;
  place?: string;
  text?: string;
  tag?: string;
  due?: string;
  outcome?: string;
  barriers?: string;
  support?: string;
  /** --unit NAME and --no-unit NAME, in the order given. */
  unit?: UnitMove[];
  unitKind?: string;
  json?: boolean;
}

type Field = Exclude<keyof EditOptions, 'json'>;

/** Which options correct which kind of record; any other is refused rather than ignored. */
const APPLIES: Record<RecordKind | 'person', Field[]> = {
  person: ['name', 'email', 'phone', 'neighborhood', 'organization', 'language', 'interpreter', 'notes', 'rung', 'reason', 'potential', 'assess', 'referredBy', 'unit', 'unitKind'],
  meeting: ['date', 'goal', 'minutes', 'mode', 'place'],
  note: ['text', 'tag'],
  ask: ['text', 'due', 'outcome', 'barriers', 'support'],
  followup: ['text', 'due'],
};

const OPTION_NAMES: Record<Field, string> = {
  name: '--name', email: '--email', phone: '--phone', neighborhood: '--neighborhood', organization: '--organization', language: '--language',
  interpreter: '--interpreter', notes: '--notes', rung: '--rung', reason: '--reason', potential: '--potential', assess: '--assess', referredBy: '--referred-by', date: '--date', goal: '--goal',
  minutes: '--minutes', mode: '--mode', place: '--place', text: '--text', tag: '--tag', due: '--due', outcome: '--outcome', barriers: '--barriers', support: '--support',
  unit: '--unit', unitKind: '--unit-kind',
};

/** One corrected field, as the organizer reads it. */
export interface Correction {
  field: string;
  from: string | number | null;
  to: string | number | null;
}

/** `edit PERSON …` or `edit M12|N40|A6|F3 …`: corrects what was recorded, without recording a meeting; `undo` reverses it. */
export async function run(target: string, options: EditOptions, globals: GlobalOptions): Promise<void> {
  const record = parseRecordId(target);
  const kind = record?.kind ?? 'person';
  const given = (Object.keys(OPTION_NAMES) as Field[]).filter((field) => options[field] !== undefined);
  const misplaced = given.filter((field) => !APPLIES[kind].includes(field));
  if (misplaced.length > 0) {
    throw new UsageError(`${misplaced.map((f) => OPTION_NAMES[f]).join(', ')} ${misplaced.length === 1 ? 'does' : 'do'} not apply to ${kind === 'person' ? 'a person' : `${recordWord(kind)} ${target.trim().toUpperCase()}`}`, `a ${kind === 'person' ? 'person' : recordWord(kind)} takes ${APPLIES[kind].map((f) => OPTION_NAMES[f]).join(', ')}`);
  }
  if (given.length === 0) throw new UsageError(`nothing to change: give what is wrong, e.g. ${APPLIES[kind].slice(0, 3).map((f) => OPTION_NAMES[f]).join(', ')}`, `see: oneonone edit --help`);
  const now = new Date();
  const result = await withStore(globals, 'write', async (store) => {
    // Loaded only for a server: a file is never checked.
    if (isServer(databasePath(globals.db))) await (await import('./team-words.js')).refuseSensitive(store, [options.text, options.barriers, options.support]);
    return record ? editRecord(store, record.kind, record.id, options, now) : editPerson(store, target, options, now);
  });
  if (options.json) printJson(result);
  if (result.changes.length === 0) {
    printMessage(peopleWords().edited.unchanged(result.what));
    return;
  }
  const words = peopleWords().edited;
  printMessage(words.corrected(result.what, result.changes.map((c) => `  ${words.field(c.field)}: ${shown(c.from, c.field)} → ${shown(c.to, c.field)}`)));
}

/** A value as the correction's line says it: the interpreter's yes or no in the run's language. */
function shown(value: string | number | null, field: string): string {
  const words = peopleWords().edited;
  if (value === null || value === '') return words.none;
  return field === 'rung' ? rungLabel(String(value)) : words.yesNo(String(value));
}

function recordWord(kind: RecordKind): string {
  return { meeting: 'meeting', note: 'note', ask: 'ask', followup: 'follow-up' }[kind];
}

async function editPerson(store: Store, target: string, options: EditOptions, now: Date): Promise<{ what: string; changes: Correction[] }> {
  const person = await findPerson(store.people, target);
  const edit = await personEdit(store, person, options);
  const rung = options.rung === undefined ? undefined : parseRung(options.rung);
  const level = options.assess === undefined ? undefined : parseAssessment(options.assess);
  if (options.reason !== undefined && rung === undefined && level === undefined) throw new UsageError(assessmentWords.reasonAlone.message, assessmentWords.reasonAlone.hint);
  const reason = options.reason === undefined ? null : cleanText(options.reason, 'reason');
  const changes = diff(person as unknown as Record<string, unknown>, edit as Record<string, unknown>, PERSON_LABELS, yesOrNo);
  if (edit.referredBy !== undefined && edit.referredBy !== person.referredBy) {
    const [before, after] = [person.referredBy && (await store.people.get(person.referredBy)), edit.referredBy && (await store.people.get(edit.referredBy))];
    changes.push({ field: 'referred by', from: before ? `${before.name} (#${before.id})` : null, to: after ? `${after.name} (#${after.id})` : null });
  }
  if (rung && rung !== person.rung) changes.push({ field: 'rung', from: person.rung, to: rung });
  if (level !== undefined && level !== person.assessment) {
    changes.push({ field: assessmentWords.field, from: assessmentShown(person.assessment), to: assessmentShown(level) });
  }
  const moves = options.unit === undefined && options.unitKind === undefined ? [] : await planMoves(store, options.unit ?? [], options.unitKind);
  const placed = moves.length ? placeChanges(person.name, moves, await store.web.placesOf(person.id)) : { moves, changes: [] };
  changes.push(...placed.changes);
  const what = `${person.name} (#${person.id})`;
  if (changes.length === 0) return { what, changes };
  const stamp = toStored(now);
  await store.write(async (tx) => {
    await tx.corrections.editPerson(person.id, edit, stamp);
    if (edit.name !== undefined && edit.name !== person.name) await tx.corrections.addFormerName(person.id, person.name, nameKey(person.name), stamp);
    if (rung) await tx.people.moveToRung(person.id, rung as Rung, { cause: 'manual', reason, at: stamp });
    if (level !== undefined) await tx.people.assess(person.id, level, { cause: 'manual', reason, at: stamp });
    await moveUnits(tx, person.id, placed.moves, stamp);
  }, { kind: 'edit', personId: person.id, detail: { item: `#${person.id}` } });
  return { what, changes };
}

/** The moves that change something, each as a line of what changed; leaving a unit they are not in is refused. */
function placeChanges(name: string, moves: PlannedMove[], places: Place[]): { moves: PlannedMove[]; changes: Correction[] } {
  const inUnit = new Set(places.map((place) => place.id));
  const making = new Set<string>();
  const kept: PlannedMove[] = [];
  const changes: Correction[] = [];
  for (const move of moves) {
    const { unit } = move;
    if (move.leave) {
      if (!inUnit.delete(unit!.id)) {
        throw worded(webRefusals.notInUnit(name, unit!.name));
      }
      changes.push({ field: 'unit', from: unit!.name, to: null });
    } else if (unit) {
      if (inUnit.has(unit.id)) continue;
      inUnit.add(unit.id);
      changes.push({ field: 'unit', from: null, to: unit.name });
    } else {
      if (making.has(nameKey(move.name))) continue;
      making.add(nameKey(move.name));
      changes.push({ field: 'unit', from: null, to: webWords.madeUnit(move.name, move.kind) });
    }
    kept.push(move);
  }
  return { moves: kept, changes };
}

/** A unit named for the first time is made (kind other unless --unit-kind said), once however often it is named. */
async function moveUnits(tx: Transaction, personId: number, moves: PlannedMove[], stamp: string): Promise<void> {
  const made = new Map<string, number>();
  for (const move of moves) {
    const key = nameKey(move.name);
    const unitId = move.unit?.id ?? made.get(key) ?? (await tx.web.addUnit({ name: move.name, nameKey: key, kind: move.kind, size: null }, stamp));
    made.set(key, unitId);
    if (move.leave) await tx.web.leave(personId, unitId);
    else await tx.web.join(personId, unitId, stamp);
  }
}

const PERSON_LABELS: Record<string, string> = {
  name: 'name', email: 'email', phone: 'phone', neighborhood: 'neighborhood', organization: 'organization', language: 'language',
  interpreter: 'interpreter', notes: 'notes', potential: 'potential',
};

/** The interpreter need reads yes or no; every other field as it is. */
function yesOrNo(field: string, value: unknown): string | number | null {
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : plain(field, value);
}

/** An empty value clears a detail: `--email ""`. */
async function personEdit(store: Store, person: PersonRow, options: EditOptions): Promise<PersonEdit> {
  const edit: PersonEdit = {};
  if (options.name !== undefined) {
    edit.name = cleanName(options.name);
    edit.nameKey = nameKey(edit.name);
  }
  for (const field of ['phone', 'neighborhood', 'organization', 'notes'] as const) {
    if (options[field] !== undefined) edit[field] = options[field]!.trim() === '' ? null : cleanText(options[field]!, field);
  }
  if (options.email !== undefined) edit.email = options.email.trim() === '' ? null : cleanEmail(options.email);
  if (options.language !== undefined) edit.language = options.language === 'none' ? null : checkLanguage(options.language);
  if (options.interpreter !== undefined) edit.interpreter = options.interpreter;
  if (options.potential !== undefined) edit.potential = options.potential.trim() === '' ? null : parsePotential(options.potential);
  if (options.referredBy === false) edit.referredBy = null;
  else if (options.referredBy !== undefined) {
    const referrer = await findPerson(store.people, options.referredBy);
    if (referrer.id === person.id) throw new UserError(`${person.name} cannot refer themselves`, { hint: '--referred-by names who connected you to them' });
    edit.referredBy = referrer.id;
  }
  return edit;
}

function diff(before: Record<string, unknown>, edit: Record<string, unknown>, labels: Record<string, string>, show: (field: string, value: unknown) => string | number | null = plain): Correction[] {
  return Object.keys(labels)
    .filter((field) => edit[field] !== undefined && edit[field] !== before[field])
    .map((field) => ({ field: labels[field]!, from: show(field, before[field]), to: show(field, edit[field]) }));
}

function plain(_field: string, value: unknown): string | number | null {
  return value === undefined || value === null ? null : (value as string | number);
}

function dated(field: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  return /at$/i.test(field) ? formatDateTime(String(value)) : (value as string | number);
}

async function editRecord(store: Store, kind: RecordKind, id: number, options: EditOptions, now: Date): Promise<{ what: string; changes: Correction[] }> {
  const what = recordId(kind, id);
  const missing = () => new UserError(`there is no ${recordWord(kind)} ${what}`, { hint: 'see the ids with: oneonone show NAME' });
  const stamp = toStored(now);
  const label = (personId: number, _person: string) => ({ kind: 'edit' as const, personId, detail: { item: what } });
  switch (kind) {
    case 'meeting': {
      const meeting = (await store.meetings.get(id)) ?? throwIt(missing());
      const edit: MeetingEdit = {};
      if (options.date !== undefined) edit.heldAt = toStored(parseWhen(options.date, { now, field: 'meeting date' }));
      if (options.goal !== undefined) edit.goal = checkGoal(options.goal);
      if (options.minutes !== undefined) edit.plannedMinutes = options.minutes;
      if (options.mode !== undefined) edit.mode = options.mode.trim() === '' ? null : checkMode(options.mode);
      if (options.place !== undefined) edit.place = options.place.trim() === '' ? null : cleanText(options.place, 'place');
      const changes = diff(meeting as unknown as Record<string, unknown>, edit as Record<string, unknown>, { heldAt: 'date', goal: 'goal', plannedMinutes: 'minutes', mode: 'how', place: 'where' }, (f, v) => dated(f, v));
      if (changes.length) await store.write((tx) => tx.corrections.editMeeting(id, edit, stamp), label(meeting.person.id, meeting.person.name));
      return { what: `${what} (${meeting.person.name})`, changes };
    }
    case 'note': {
      const note = (await store.write((tx) => tx.corrections.note(id))) ?? throwIt(missing());
      const edit: NoteEdit = {};
      if (options.text !== undefined) edit.text = cleanText(options.text, 'note');
      if (options.tag !== undefined) edit.tag = checkTag(options.tag);
      const changes = diff(note as unknown as Record<string, unknown>, edit as Record<string, unknown>, { text: 'text', tag: 'kind' });
      if (changes.length) await store.write((tx) => tx.corrections.editNote(id, edit), label(note.personId, note.person));
      return { what: `${what} (${note.person})`, changes };
    }
    case 'ask': {
      const ask = (await store.commitments.ask(id)) ?? throwIt(missing());
      const edit: AskEdit = {};
      if (options.text !== undefined) edit.text = cleanText(options.text, 'ask');
      if (options.due !== undefined) edit.dueAt = options.due.trim() === '' ? null : toStored(parseWhen(options.due, { now, field: "ask's due date" }));
      if (options.outcome !== undefined) edit.outcome = checkOutcome(options.outcome);
      if (options.barriers !== undefined) edit.barriers = options.barriers.trim() === '' ? null : cleanText(options.barriers, 'barriers');
      if (options.support !== undefined) edit.support = options.support.trim() === '' ? null : cleanText(options.support, 'support');
      const changes = diff(ask as unknown as Record<string, unknown>, edit as Record<string, unknown>, { text: 'text', dueAt: 'due', outcome: 'answer', barriers: 'barriers', support: 'support' }, (f, v) => dated(f, v));
      if (changes.length) await store.write((tx) => tx.corrections.editAsk(id, edit), label(ask.personId, ask.person));
      return { what: `${what} (${ask.person})`, changes };
    }
    case 'followup': {
      const followUp = (await store.commitments.followUp(id)) ?? throwIt(missing());
      const edit: FollowUpEdit = {};
      if (options.text !== undefined) edit.text = options.text.trim() === '' ? null : cleanText(options.text, 'follow-up');
      if (options.due !== undefined) edit.dueAt = toStored(parseWhen(options.due, { now, field: 'follow-up date' }));
      const changes = diff(followUp as unknown as Record<string, unknown>, edit as Record<string, unknown>, { text: 'text', dueAt: 'due' }, (f, v) => dated(f, v));
      if (changes.length) await store.write((tx) => tx.corrections.editFollowUp(id, edit), label(followUp.personId, followUp.person));
      return { what: `${what} (${followUp.person})`, changes };
    }
  }
}

function throwIt(error: Error): never {
  throw error;
}

function checkGoal(input: string): Goal {
  const goal = input.trim().toLowerCase();
  if (!(GOALS as readonly string[]).includes(goal)) throw new UserError(`"${input}" is not a goal`, { hint: `a goal is ${GOALS.join(', ')}` });
  return goal as Goal;
}

function checkTag(input: string): string {
  const tag = input.trim().toLowerCase();
  if (!(NOTE_TAGS as readonly string[]).includes(tag)) throw new UserError(`"${input}" is not a kind of note`, { hint: `a note is one of: ${NOTE_TAGS.join(', ')}` });
  return tag;
}

/** "none" takes the answer back: the ask was made but no answer is known. */
function checkOutcome(input: string): AskEdit['outcome'] {
  const outcome = input.trim().toLowerCase();
  if (outcome === 'none') return null;
  if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new UserError(`"${input}" is not an answer`, { hint: 'the answer to an ask is yes, maybe or no (none to clear it)' });
  return outcome as AskEdit['outcome'];
}

/** Commander's choices refuse any other word on the command line; this refuses one from anywhere else. */
function checkLanguage(input: string): Language {
  if (!isLanguage(input)) throw new UsageError(`"${input}" is not a language oneonone knows`, `--language takes one of: ${LANGUAGES.join(', ')} (none clears it)`);
  return input;
}

function checkMode(input: string): MeetingMode {
  const mode = input.trim().toLowerCase();
  if (!(MEETING_MODES as readonly string[]).includes(mode)) throw new UsageError(`"${input}" is not a way a meeting is held`, `--mode takes one of: ${MEETING_MODES.join(', ')} ("" clears it)`);
  return mode as MeetingMode;
}
