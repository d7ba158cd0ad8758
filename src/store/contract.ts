/**
 * The store contract: everything a command, the meeting, people and ui code may know about where the record is
 * kept. Repositories per aggregate (people; meetings with their drafts; commitments: asks and follow-ups; settings)
 * and read models (the follow-up agenda, leaders, ladder, stats, export, import lookups). Every method is async, so
 * an engine may be a file on this machine or a server. An engine is a folder beside this file (sqlite/) that
 * implements it; no SQL and no driver lives outside an engine's folder.
 *
 * Stored text is the organizer's own words or a code, never a sentence of ours: a rung change records its cause
 * (a meeting, an import, a manual change), a follow-up written for an ask records the ask, not "Remind … about".
 */
import type { CompletionReadModel } from './contract-completion.js';
import type { HealthReadModel } from './contract-health.js';
import type { CadenceCandidate, OpenAsk, OpenFollowUp } from '../people/agenda.js';
import type { CadenceDays } from '../people/cadence.js';
import type { ImportDetails, ImportLookup } from './import.js';
import type { RankedLeader } from '../people/ranking.js';
import type { AskCountRow, AssessmentMoveCount, TalkRow } from '../meeting/stats.js';
import type { SearchReadModel } from './search.js';
import type { TeamReview } from './review.js';
import type { ImportLocalRepository } from './import-local.js';
import type { CoachNotes } from './coach.js';
import type { ChecklistItem, Scorecard } from '../meeting/scorecard.js';
import type { WebReader, WebRepository } from './contract-web.js';
import type { MapReadModel, StructureReadModel } from './contract-power.js';
import type { Language } from '../support/language.js';

export type { SearchHit, SearchQuery, SearchReadModel } from './search.js';
export type { ImportDetails, ImportLookup } from './import.js';

// ── people ─────────────────────────────────────────────────────────────────

export interface PersonRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  source: string | null;
  sourceDetail: string | null;
  referredBy: number | null;
  rung: string;
  potential: number | null;
  /** Where they stand on the campaign: 0 not assessed, 1 strong supporter … 5 opposed (people/assessment.ts). */
  assessment: number;
  /** The language they would rather meet in (a code of LANGUAGES), or null if not known. */
  language: Language | null;
  /** Whether a meeting with them needs an interpreter. */
  interpreter: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A person found by a word of their name: which former name matched (if one did), and when they were last met. */
export type NameCandidate = PersonRow & { formerName: string | null; lastMet: string | null };

export type PersonSource = 'referral' | 'event' | 'import' | 'other';

export interface NewPerson {
  name: string;
  nameKey: string;
  email?: string | null;
  phone?: string | null;
  neighborhood?: string | null;
  organization?: string | null;
  notes?: string | null;
  source?: PersonSource | null;
  sourceDetail?: string | null;
  referredBy?: number | null;
  rung?: string;
  potential?: number | null;
  language?: Language | null;
  interpreter?: boolean;
}

export type ContactDetails = Pick<NewPerson, 'email' | 'phone' | 'neighborhood' | 'organization' | 'notes' | 'language' | 'interpreter'>;


export interface PersonSummary {
  id: number;
  name: string;
  rung: string;
  potential: number | null;
  /** Where they stand on the campaign, 0 (not assessed) to 5. */
  assessment: number;
  language: Language | null;
  interpreter: boolean;
  lastMet: string | null;
  meetings: number;
  openAsks: number;
  openFollowups: number;
}

/**
 * Why a rung changed, as a code: the first rung a person was added on, a meeting (its id in meetingId),
 * an import (the file's name in detail), or a change made by hand.
 */
export type RungCause = 'added' | 'meeting' | 'import' | 'manual';

export interface RungChange {
  fromRung: string | null;
  toRung: string;
  cause: RungCause;
  /** The organizer's own words (log --rung-reason); null when they gave none. */
  reason: string | null;
  /** For an import: the file's name. */
  detail: string | null;
  meetingId: number | null;
  /** When the meeting was held, for a change made by one. */
  meetingHeldAt: string | null;
  changedAt: string;
}

export interface RungMoveChange {
  cause: RungCause;
  reason?: string | null;
  detail?: string | null;
  meetingId?: number | null;
  at: string;
}

export type AssessmentCause = 'meeting' | 'import' | 'manual';

export interface AssessmentChange {
  fromLevel: number;
  toLevel: number;
  cause: AssessmentCause;
  reason: string | null;
  meetingId: number | null;
  changedAt: string;
}

export interface AssessmentMove {
  cause: AssessmentCause;
  reason?: string | null;
  meetingId?: number | null;
  at: string;
}

/** What forgetting a person took with them, counted before the erase. */
export interface ForgetCounts {
  meetings: number;
  notes: number;
  asks: number;
  followups: number;
  rungChanges: number;
  /** People they referred: kept, with the link to them removed. */
  referralsUnlinked: number;
}

export interface PeopleFilter {
  rungs?: string[];
  /** Only people assessed at one of these levels. */
  assessments?: number[];
  /** Only people whose last meeting was before this moment, or who were never met. */
  metBefore?: string;
  /** On a team server: only the people these organizers own. */
  organizerIds?: number[];
}

export interface PeopleReader {
  get(id: number): Promise<PersonRow | undefined>;
  /** Everyone whose name_key is this (the caller narrows by sameName). */
  withNameKey(nameKey: string): Promise<PersonRow[]>;
  /**
   * Up to `most` matching names (a person once per name, current or former, that matched) in which the typed key's
   * first word begins a word (the caller narrows by nameMatches); formerName says which old name matched.
   */
  withNameWord(typedKey: string, most: number): Promise<NameCandidate[]>;
  formerNames(id: number): Promise<string[]>;
  allNames(): Promise<{ id: number; name: string }[]>;
  rungHistory(id: number): Promise<RungChange[]>;
  /** Every change of their assessment, oldest first. */
  assessmentHistory(id: number): Promise<AssessmentChange[]>;
  referredBy(id: number): Promise<{ id: number; name: string } | undefined>;
  referrals(id: number): Promise<{ id: number; name: string; rung: string }[]>;
  /** Everyone with what the people list needs, by name; the first `limit` of them when given. */
  summaries(filter?: PeopleFilter, limit?: number): Promise<PersonSummary[]>;
  /** How many `summaries` would give without a limit. */
  summaryCount(filter?: PeopleFilter): Promise<number>;
  /** What forgetting this person would erase. */
  forgetCounts(id: number): Promise<ForgetCounts>;
}

export interface PeopleRepository extends PeopleReader {
  /** Adds a person standing on their first rung, with that first step in their rung history. */
  add(person: NewPerson, now: string): Promise<number>;
  /** Fills in contact details that were given; a detail left out keeps what was known. */
  updateDetails(id: number, details: ContactDetails, now: string): Promise<void>;
  /** Writes every detail as given (an import row), a null clearing it. */
  replaceDetails(id: number, details: ImportDetails, now: string): Promise<void>;
  setPotential(id: number, potential: number, now: string): Promise<void>;
  setReferredBy(id: number, referrerId: number, now: string): Promise<void>;
  /** Moves a person on the ladder and records when and why; standing still records nothing. */
  moveToRung(id: number, rung: string, change: RungMoveChange): Promise<boolean>;
  /** Sets their assessment and records when and why; the same level records nothing. */
  assess(id: number, level: number, move: AssessmentMove): Promise<boolean>;
  /** Erases the person and everything about them (people they referred are kept, unlinked). */
  forget(id: number): Promise<ForgetCounts>;
}

// ── meetings and drafts ────────────────────────────────────────────────────

export type MeetingStatus = 'draft' | 'complete';

export interface NewMeetingPhase {
  position: number;
  key: string;
  title: string;
  plannedSeconds: number;
  maxTalkShare: number;
  actualSeconds?: number | null;
  organizerTalkSeconds?: number | null;
  otherTalkSeconds?: number | null;
  longestMonologueSeconds?: number | null;
  openQuestions?: number | null;
  reflections?: number | null;
}

/** How a one-on-one was held; where is free text. */
export const MEETING_MODES = ['in-person', 'house-visit', 'phone', 'video'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export interface NewMeeting {
  personId: number;
  heldAt: string;
  goal: string;
  template: string;
  plannedMinutes: number;
  status: MeetingStatus;
  plannedAsk?: string | null;
  agitation?: string | null;
  checklist?: readonly ChecklistItem[];
  scorecard?: Scorecard | null;
  reflection?: string | null;
  mode?: MeetingMode | null;
  place?: string | null;
  phases: NewMeetingPhase[];
}

export interface MeetingPhaseRecord {
  position: number;
  key: string;
  title: string;
  plannedSeconds: number;
  maxTalkShare: number;
  actualSeconds: number | null;
  organizerTalkSeconds: number | null;
  otherTalkSeconds: number | null;
  /** Minutes the organizer added with + during the phase, in seconds. */
  extraSeconds: number;
  /** The organizer's longest stretch of talk in the phase, by the talk clock; null where it was not measured (log, older meetings). */
  longestMonologueSeconds: number | null;
  /** Open questions and reflections the organizer marked (q, r); null where the guide did not count them. */
  openQuestions: number | null;
  reflections: number | null;
}

/** Who reads a note on a team server: its author alone, or the team (as its tag says, unless the organizer chose). */
export type NoteVisibility = 'private' | 'team';

export interface NoteRecord {
  id: number;
  meetingId: number | null;
  tag: string;
  text: string;
  phase: string | null;
  createdAt: string;
}

export interface AskRecord {
  id: number;
  meetingId: number | null;
  text: string;
  dueAt: string | null;
  barriers: string | null;
  support: string | null;
  outcome: string | null;
  result: string | null;
  checkinAt: string | null;
  checkedAt: string | null;
  createdAt: string;
}

export interface FollowUpRecord {
  id: number;
  meetingId: number | null;
  /** The organizer's own words; null for the default follow-up, worded when shown (see `ask`). */
  text: string | null;
  /** The ask a default follow-up is about, if any. */
  ask: { id: number; text: string; outcome: string | null } | null;
  dueAt: string;
  doneAt: string | null;
  createdAt: string;
}

export interface MeetingRecord {
  id: number;
  person: { id: number; name: string };
  heldAt: string;
  goal: string;
  template: string;
  plannedMinutes: number;
  status: MeetingStatus;
  step: string | null;
  currentPhase: number | null;
  plannedAsk: string | null;
  agitation: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** What the organizer ticked in the debrief's checklist (or `log --did`). */
  checklist: ChecklistItem[];
  /** As scored when the meeting ended; null before scorecards were kept, or while a draft. */
  scorecard: Scorecard | null;
  /** "What would you do differently next time?", with anything added by `review`. */
  reflection: string | null;
  /** How and where it was held, where the organizer said. */
  mode: MeetingMode | null;
  place: string | null;
  phases: MeetingPhaseRecord[];
  notes: NoteRecord[];
  asks: AskRecord[];
  followups: FollowUpRecord[];
}

export interface NewSession {
  personId: number;
  heldAt: string;
  goal: string;
  template: string;
  plannedMinutes: number;
  plannedAsk: string | null;
  phases: NewMeetingPhase[];
}

export interface PhaseProgressRow {
  actualSeconds: number;
  organizerTalkSeconds: number;
  otherTalkSeconds: number;
  extraSeconds: number;
  longestMonologueSeconds: number | null;
  openQuestions: number | null;
  reflections: number | null;
}

/** A meeting being run by `start`, as saved so far. */
export interface DraftRow {
  id: number;
  personId: number;
  personName: string;
  template: string;
  goal: string;
  plannedMinutes: number;
  plannedAsk: string | null;
  step: string | null;
  currentPhase: number | null;
  heldAt: string;
  updatedAt: string;
  /** The process running it ("host:pid"), or null. */
  claimedBy: string | null;
}

export interface MeetingReader {
  get(id: number): Promise<MeetingRecord | undefined>;
  phases(meetingId: number): Promise<MeetingPhaseRecord[]>;
  /** Newest first: the order a person's record is read in. */
  idsForPerson(personId: number): Promise<number[]>;
  /** A person's meetings whole, newest first (as idsForPerson orders them), read together rather than one by one. */
  forPerson(personId: number): Promise<MeetingRecord[]>;
  notesForPerson(personId: number): Promise<NoteRecord[]>;
  latestDraft(): Promise<DraftRow | undefined>;
  /** The newest complete meeting this login may read (held latest), for `review` without a meeting. */
  latestComplete(): Promise<number | undefined>;
  draft(id: number): Promise<DraftRow | undefined>;
  /** Drafts some process says it is running, with who holds them. */
  claimed(): Promise<{ id: number; personId: number; personName: string; claimedBy: string }[]>;
}

export interface MeetingRepository extends MeetingReader {
  add(meeting: NewMeeting, now: string): Promise<number>;
  /**
   * `visibility`: on a team server, the note's as the organizer chose it (keep it private); without it, the note takes
   * its tag's. A server without a team and a local file have no visibility and ignore it.
   */
  addNote(personId: number, meetingId: number | null, tag: string, text: string, phase: string | null, now: string, visibility?: NoteVisibility): Promise<number>;
  /** The draft with its planned phases, standing at the first phase. */
  createDraft(session: NewSession, now: string): Promise<number>;
  saveProgress(meetingId: number, position: number, progress: PhaseProgressRow): Promise<void>;
  enterPhase(meetingId: number, position: number, now: string): Promise<void>;
  setStep(meetingId: number, step: string, now: string): Promise<void>;
  setAgitation(meetingId: number, text: string | null, now: string): Promise<void>;
  /** A quick note the organizer chose not to keep in the debrief. */
  dropNote(meetingId: number, noteId: number): Promise<void>;
  complete(meetingId: number, now: string, scorecard?: Scorecard | null): Promise<void>;
  setChecklist(meetingId: number, items: readonly ChecklistItem[], now: string): Promise<void>;
  setReflection(meetingId: number, text: string | null, now: string): Promise<void>;
  /** The meeting is dated by the moment its first phase begins, not when it was prepared. */
  begin(meetingId: number, at: string): Promise<void>;
  /**
   * Claims a draft for the process `by`; gives back the holder instead when another process holds it and
   * `stale(holder)` says that process is still running.
   */
  claim(meetingId: number, by: string, stale: (holder: string) => boolean): Promise<string | undefined>;
  release(meetingId: number, by: string): Promise<void>;
}

// ── commitments: asks and follow-ups ───────────────────────────────────────

export interface NewAsk {
  text: string;
  dueAt?: string | null;
  barriers?: string | null;
  support?: string | null;
  outcome?: string | null;
}

export type AskChange = Partial<Pick<AskRecord, 'dueAt' | 'barriers' | 'support' | 'outcome'>>;

export interface NewFollowUp {
  /** The organizer's words; null for the default one. */
  text: string | null;
  /** The ask it follows, for a default follow-up written after one. */
  askId?: number | null;
  dueAt: string;
}

export interface FollowUpState {
  id: number;
  personId: number;
  person: string;
  text: string | null;
  ask: { id: number; text: string; outcome: string | null } | null;
  dueAt: string;
  doneAt: string | null;
}

export interface AskState {
  id: number;
  personId: number;
  person: string;
  text: string;
  outcome: string | null;
  result: string | null;
  dueAt: string | null;
  checkinAt: string | null;
  checkedAt: string | null;
  askedAt: string;
}

export interface CommitmentReader {
  /** Newest first. */
  asksForPerson(personId: number): Promise<AskRecord[]>;
  /** Open first, soonest first. */
  followUpsForPerson(personId: number): Promise<FollowUpRecord[]>;
  /** The ask being discussed in a meeting: its newest (a pivot is a newer one). */
  currentAsk(meetingId: number): Promise<AskRecord | undefined>;
  followUp(id: number): Promise<FollowUpState | undefined>;
  ask(id: number): Promise<AskState | undefined>;
}

export interface CommitmentRepository extends CommitmentReader {
  addAsk(personId: number, meetingId: number | null, ask: NewAsk, now: string): Promise<number>;
  updateAsk(askId: number, change: AskChange): Promise<void>;
  addFollowUp(personId: number, meetingId: number | null, followUp: NewFollowUp, now: string): Promise<number>;
  setFollowUpText(meetingId: number, followUpId: number, text: string): Promise<void>;
  /** True when it was open and is now closed. */
  closeFollowUp(id: number, at: string): Promise<boolean>;
  snoozeFollowUp(id: number, dueAt: string): Promise<boolean>;
  /** Marks the check-in done; a result (kept/broken) is recorded when given. A first check time is kept. */
  checkAsk(id: number, result: 'kept' | 'broken' | null, at: string): Promise<void>;
  snoozeCheckIn(id: number, at: string): Promise<boolean>;
  /** A dismissed or snoozed cadence reminder stays quiet until then. */
  setCadenceUntil(personId: number, until: string): Promise<void>;
}

// ── settings ───────────────────────────────────────────────────────────────

export interface SettingsReader {
  get(key: string): Promise<string | undefined>;
}

export interface SettingsRepository extends SettingsReader {
  set(key: string, value: string): Promise<void>;
}

// ── read models ────────────────────────────────────────────────────────────

/** Filters for the morning list: an end (null = no end) and, optionally, one person. */
export interface AgendaFilter {
  until: string | null;
  personId?: number;
  /** On a team server: only what these organizers are responsible for (their people, the asks and follow-ups they hold). */
  organizerIds?: number[];
}

export interface AgendaReadModel {
  openFollowUps(filter: AgendaFilter): Promise<OpenFollowUp[]>;
  /** Asks they said yes or maybe to, not yet checked on, whose check-in falls by `until`. */
  openAsks(filter: AgendaFilter): Promise<OpenAsk[]>;
  /** People whose next meeting falls by `until` (every one of them). */
  cadenceDue(filter: AgendaFilter, cadence: CadenceDays): Promise<CadenceCandidate[]>;
  /** The `limit` most overdue people due by `until`, and how many are due in all (on a team server, `organizerIds`' people only). */
  cadenceDueFirst(until: Date, cadence: CadenceDays, limit: number, utcOffsetMinutes: number, organizerIds?: number[]): Promise<{ people: CadenceCandidate[]; total: number }>;
  cadencePerson(personId: number): Promise<CadenceCandidate | undefined>;
}

export interface LeaderFilter {
  /** Only these rungs (already widened to "at or above"). */
  rungs?: string[];
  minPotential?: number;
  /** Only people assessed at one of these levels. */
  assessments?: number[];
  /** Only people whose last meeting was before this moment, or who were never met. */
  metBefore?: string;
  /** On a team server: only the people these organizers own. */
  organizerIds?: number[];
}

export interface LeaderPage {
  /** The best `limit` people, best first. */
  leaders: RankedLeader[];
  /** How many people the filters let through (shown or not). */
  total: number;
}

export interface LeaderReadModel {
  top(filter: LeaderFilter, now: Date, limit: number): Promise<LeaderPage>;
}

/** A real move on the ladder (never the first rung a person was added on), with who moved. */
export interface RungMove extends RungChange {
  personId: number;
  name: string;
  fromRung: string;
}

export interface LadderReadModel {
  rungCounts(): Promise<{ rung: string; people: number }[]>;
  /** Real moves only (not the first rung a person was added on), newest first. */
  moves(since: string): Promise<RungMove[]>;
}

export interface StatsReadModel {
  meetingDatesBetween(from: string, to: string): Promise<string[]>;
  talkBetween(from: string, to: string): Promise<TalkRow[]>;
  askCountsBetween(from: string, to: string): Promise<AskCountRow[]>;
  peoplePerRung(): Promise<{ rung: string; people: number }[]>;
  /** How many people stand at each assessment level (levels nobody stands at left out). */
  peoplePerAssessment(): Promise<{ level: number; people: number }[]>;
  /** The assessment changes made in the period, counted by where from and where to. */
  assessmentMovesBetween(from: string, to: string): Promise<AssessmentMoveCount[]>;
  /** The contacts that were not one-on-ones in the period, counted by how. */
  touchesBetween(from: string, to: string): Promise<{ by: string; touches: number }[]>;
  /** The scorecards of the newest `limit` complete meetings that have one, newest first. */
  scorecards(limit: number): Promise<{ meetingId: number; heldAt: string; scorecard: Scorecard }[]>;
}

export const EXPORT_TABLES = ['people', 'meetings', 'asks', 'followups', 'notes', 'touches', 'relationships', 'units'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export interface ExportRows {
  columns: string[];
  /** Rows as arrays in column order, a batch at a time, read as they are written. */
  batches: AsyncIterable<unknown[][]>;
}

export interface ExportReadModel {
  rows(table: ExportTable): Promise<ExportRows>;
  count(table: ExportTable): Promise<number>;
}

/** Finding the people a spreadsheet row may mean. */

// ── corrections ────────────────────────────────────────────────────────────

/** A person's details as corrected by hand: a field given is written (null clears it), one left out is kept. */
export interface PersonEdit {
  name?: string;
  nameKey?: string;
  email?: string | null;
  phone?: string | null;
  neighborhood?: string | null;
  organization?: string | null;
  notes?: string | null;
  referredBy?: number | null;
  potential?: number | null;
  language?: Language | null;
  interpreter?: boolean;
}

export interface MeetingEdit {
  heldAt?: string;
  goal?: string;
  plannedMinutes?: number;
  /** null clears it. */
  mode?: MeetingMode | null;
  place?: string | null;
}

export interface NoteEdit {
  text?: string;
  tag?: string;
}

export interface AskEdit {
  text?: string;
  dueAt?: string | null;
  outcome?: 'yes' | 'maybe' | 'no' | null;
  barriers?: string | null;
  support?: string | null;
}

export interface FollowUpEdit {
  text?: string | null;
  dueAt?: string;
}

export interface NoteState extends NoteRecord {
  personId: number;
  person: string;
}

/** Mistakes put right: every method writes exactly what it is given, and the figures follow (their triggers). */
export interface CorrectionRepository {
  note(id: number): Promise<NoteState | undefined>;
  editPerson(id: number, edit: PersonEdit, now: string): Promise<void>;
  /** A name the person was known by, still found by it. */
  addFormerName(personId: number, name: string, nameKey: string, now: string): Promise<void>;
  /**
   * Moves all of `fromId`'s record (meetings, notes, asks, follow-ups, rung moves, former names, the people they
   * referred) to `intoId` and removes `fromId`; their "added" step is dropped (the person kept was added once);
   * details are the caller's to settle first. Merging a person into themselves changes nothing.
   */
  merge(fromId: number, intoId: number): Promise<void>;
  editMeeting(id: number, edit: MeetingEdit, now: string): Promise<void>;
  editNote(id: number, edit: NoteEdit): Promise<void>;
  editAsk(id: number, edit: AskEdit): Promise<void>;
  editFollowUp(id: number, edit: FollowUpEdit): Promise<void>;
  /**
   * A meeting logged by mistake, with its notes, asks and follow-ups; the rung moves it made go too, and the person
   * stands where the rest of their history puts them.
   */
  deleteMeeting(id: number, now: string): Promise<void>;
  deleteNote(id: number): Promise<void>;
  deleteAsk(id: number): Promise<void>;
  deleteFollowUp(id: number): Promise<void>;
}

// ── the undo journal ───────────────────────────────────────────────────────

/** What kind of change a command made, as a code (worded by messages/undo.ts). */
export type ChangeKind = 'log' | 'start' | 'done' | 'snooze' | 'cadence' | 'edit' | 'merge' | 'import' | 'delete' | 'discard' | 'handoff';

/** Given with a write, so `undo` can reverse it whole and say what it was. */
export interface ChangeLabel {
  kind: ChangeKind;
  personId?: number | null;
  /** With kind 'start': the meeting whose change this write continues (the end of a meeting begun earlier). */
  meetingId?: number | null;
  /** What the description needs that the record may no longer hold once undone: an item's id, a file's name. */
  detail?: Record<string, string | number | null>;
}

export interface ChangeRecord {
  id: number;
  /** 'forget' marks where the journal was erased: nothing before it can be undone. */
  kind: ChangeKind | 'forget';
  personId: number | null;
  meetingId: number | null;
  detail: Record<string, string | number | null> | null;
  madeAt: string;
}

export interface JournalRepository {
  /** The newest change not yet undone. */
  latest(): Promise<ChangeRecord | undefined>;
  /** Puts back every row the change touched, as it was before. */
  undo(id: number, now: string): Promise<void>;
  /** Erases the journal (a forget must leave nothing that remembers the person) and marks the place. */
  forgetHistory(now: string): Promise<void>;
}

// ── the store ──────────────────────────────────────────────────────────────

/** The repositories bound to one transaction: all of what is written through them lands, or none of it. */
export interface Transaction {
  people: PeopleRepository;
  meetings: MeetingRepository;
  commitments: CommitmentRepository;
  settings: SettingsRepository;
  imports: ImportLookup;
  journal: JournalRepository;
  corrections: CorrectionRepository;
  /** Read inside the transaction, so what is read is what the write acts on. */
  agenda: AgendaReadModel;
  /** Who knows whom, and the places people share. */
  web: WebRepository;
}

/** What a database holds, in a line: for backups, restores and upgrades. */
export interface StoreSummary {
  version: number;
  people: number;
  meetings: number;
}

export type TeamRole = 'organizer' | 'lead' | 'director' | 'admin';

/** An organizer on a team server: a PostgreSQL login role in the group role of their role. */
export interface Organizer {
  id: number;
  name: string;
  login: string;
  role: TeamRole;
  supervisor?: string;
}

/** A line of the team's audit log, written by the database itself. */
export interface AuditEntry {
  at: string;
  login: string;
  what: string;
  detail: string | null;
}

/** The team on a server; the database enforces what each role may read and write, this only sets it up. */
export interface TeamAdmin {
  isTeam(): Promise<boolean>;
  /** The organizer this connection is, or undefined (no team, or a login not on it). */
  me(): Promise<Organizer | undefined>;
  /**
   * Undefined when this login may erase people here (no team, or a superuser, whom no policy binds); else why not.
   * Forget and merge delete a person, and the cascade would take teammates' notes this login cannot even see.
   */
  whyNotErase(): Promise<string | undefined>;
  init(name: string): Promise<Organizer>;
  /** madeLogin: the login role did not exist and was made, with no password yet. */
  add(organizer: { name: string; role: TeamRole; login: string; supervisor?: string }): Promise<{ organizer: Organizer; madeLogin: boolean }>;
  list(): Promise<Organizer[]>;
  changeRole(name: string, role: TeamRole): Promise<{ organizer: Organizer; was: TeamRole }>;
  /** Off the team: their people go to `to`; what they did keeps their name. */
  remove(name: string, to: string): Promise<{ organizer: Organizer; to: Organizer; people: number }>;
  /** An admin's: what was done that matters to a member's safety, oldest first. */
  audit(): Promise<AuditEntry[]>;
  /** An organizer on the team, by name or login; a UserError naming the team list when there is none. */
  organizer(name: string): Promise<Organizer>;
  /** A person to another organizer, by their owner or a lead/admin, recorded in the person's history and the audit log. */
  handoff(handoff: HandoffInput): Promise<HandoffResult>;
  /** The handoffs in a person's history, oldest first. */
  handoffsOf(personId: number): Promise<HandoffRecord[]>;
  /**
   * Who held each of a person's meetings, by meeting id, and who owns them now; and their figures (meetings held,
   * last met), which every organizer reads, whoever held the meetings.
   */
  organizersOf(personId: number): Promise<TeamSideOfPerson>;
}

export interface HandoffInput {
  personId: number;
  to: string;
  note: string;
  /** True: the person's open asks and follow-ups go to the new owner; false: they stay with whoever holds them. */
  carry: boolean;
  now: string;
  /** When the introduction follow-up is due. */
  dueAt: string;
  /** The new owner's follow-up, in words, from the organizer handing over (undefined: nobody owned the person). */
  introduction(from: string | undefined, note: string): string;
}

export interface HandoffResult {
  from: Organizer | undefined;
  to: Organizer;
  asksMoved: number;
  followUpsMoved: number;
  /** The introduction follow-up given to the new owner. */
  introductionId: number;
  introductionDue: string;
}

export interface HandoffRecord {
  at: string;
  from: string | null;
  to: string;
  by: string;
  note: string;
  carried: boolean;
}

export interface Store {
  /** Where the record is, as shown to the organizer (a path; never a password). */
  readonly location: string;
  /** False when a reading command found no database: every read is then empty and nothing was created. */
  readonly exists: boolean;
  readonly people: PeopleReader;
  readonly meetings: MeetingReader;
  readonly commitments: CommitmentReader;
  readonly settings: SettingsReader;
  readonly agenda: AgendaReadModel;
  readonly leaders: LeaderReadModel;
  readonly ladder: LadderReadModel;
  readonly stats: StatsReadModel;
  readonly exports: ExportReadModel;
  readonly imports: ImportLookup;
  readonly search: SearchReadModel;
  /** What a Tab offers: names and open ids. */
  readonly completion: CompletionReadModel;
  /** What `doctor` checks inside the record. */
  readonly health: HealthReadModel;
  /** Who knows whom, and the places people share. */
  readonly web: WebReader;
  /** The power map around a person or a unit. */
  readonly map: MapReadModel;
  /** The structure test, per unit. */
  readonly structure: StructureReadModel;
  /** Only on a server: a local file has one organizer. */
  readonly team?: TeamAdmin;
  /** Only on a server: an organizer's own file brought into the team (`team import-local`). */
  readonly importLocal?: ImportLocalRepository;
  /** Only on a server with a team: the weekly figures per organizer. */
  readonly review?: TeamReview;
  /** Only on a server with a team: a lead's or director's notes on an organizer's meetings. */
  readonly coach?: CoachNotes;
  /**
   * All of it or none of it. Writes queue behind each other (and behind another terminal's) instead of failing;
   * the repositories handed to `work` are only valid until it settles. A command has one connection, so a read
   * made on this store while its write is open may see that write's work (never once it has rolled back).
   * A write given a change label is journaled, so `undo` can reverse it; one without (a live meeting's clock) is not.
   */
  write<T>(work: (tx: Transaction) => Promise<T>, change?: ChangeLabel): Promise<T>;
  summary(): Promise<StoreSummary>;
  /** A consistent, private copy while others may be writing, into a new file. */
  backup(target: string): Promise<void>;
  /** After a forget, outside any write: no trace of what was erased may survive; false when another program held on to some. */
  scrub(): Promise<boolean>;
  close(): Promise<void>;
}

/** Reading commands never create a database; writing ones create it (folder 0700, file 0600). */
export type OpenMode = 'read' | 'write';

export interface OpenOptions {
  mode: OpenMode;
  /** Told about the private copy taken before a schema upgrade. */
  onUpgradeCopy?: (copy: string, fromVersion: number, toVersion: number) => void;
}

/** A backup file checked before anything is replaced with it. */
export interface TeamSideOfPerson {
  owner: string | null;
  meetings: Record<number, string>;
  figures: { meetings: number; lastMet: string | null };
}

export interface CheckedBackup {
  summary: StoreSummary;
  /** Keeps the current database as `keepAs` (when it exists), then swaps the backup in whole. */
  restoreOver(location: string, keepAs: string | undefined): Promise<void>;
  close(): Promise<void>;
}

export type { CompletionReadModel } from './contract-completion.js';
export type { HealthReadModel } from './contract-health.js';
export * from './contract-web.js';
export * from './contract-power.js';
