/**
 * `oneonone team import-local FILE`: an organizer's own SQLite file brought into the team server under their name.
 *
 * - The file is read only (src/store/import-local.ts `openLocalFile`); the target is the --db / ONEONONE_DB server, on
 *   a team the login is an organizer of.
 * - People are matched by the CSV import's rules and code (src/people/import.ts `planImport`): by email, else phone
 *   (digits; not when the emails differ), else name — a name only when exactly one person on the server has it and no
 *   email or phone disagrees. Each person of the file is matched on their own, so two people the organizer kept
 *   apart in their file are never joined here. Whatever the name alone cannot settle (another email or phone, several
 *   people of that name on the server, a namesake in the file, someone another person of the file already matched) is
 *   listed as ambiguous and brought in as a new person, so that every meeting lands and nothing is merged on a
 *   guess; a lead merges them later if they are one person.
 * - Matched people keep what the server has: only gaps are filled, notes added to, the rung raised (never lowered),
 *   and every detail that differs is reported. New people are the importing organizer's (the server's default).
 * - Finished meetings land with everything in them, as the importing organizer's; drafts stay in the file. A meeting
 *   whose words name immigration status is held back (the rule `log` keeps for a server) until it is rewritten.
 * - Batches of people, each one server transaction with their meetings; each person and meeting is marked on the
 *   server by the file's identity and its own id, so a second run, or one after a crash, lands nothing twice.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkedTerms, sensitiveTermsIn } from '../meeting/sensitive.js';
import { teamWordsOf } from './team-words.js';
import { phoneDigits, planImport, type ImportedPerson, type KnownPerson, type PersonLookup } from '../people/import.js';
import { rungLevel } from '../people/ladder.js';
import { matchKey, nameKey } from '../people/names.js';
import * as words from '../messages/import-local.js';
import {
  importLocalRepository, meetingMark, openLocalFile, personMark,
  type LandingBatch, type LocalFile, type PersonAt, type PersonMeetingRef, type PersonToAdd, type PersonToMatch,
  type RungStep, type ServerPerson,
} from '../store/import-local.js';
import { isServer, type MeetingRecord, type PersonRow, type RungChange, type Store } from '../store/index.js';
import { UserError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { renderImportLocal } from '../ui/import-local.js';
import { startProgress, type Progress } from '../ui/progress.js';
import { progressWords } from '../messages/progress.js';
import { storeFor, type GlobalOptions } from './context.js';
import type { WebBrought } from './team-import-local-web.js';

export interface ImportLocalOptions {
  dryRun?: boolean;
  json?: boolean;
}

/**
 * People per server transaction, with all their meetings: about 1.5 s of the server's time for a hundred people with
 * three meetings each, so a teammate's write waits no longer than that behind the import.
 */
const BATCH_PEOPLE = 100;

export type MatchKind = 'email' | 'phone' | 'name';
/**
 * Why a person of the file was not joined to someone of their name: that person's email or phone differs; several
 * people on the server have the name and nothing tells which; another person of the file has the name too; another
 * person of the file already matched them (the same email or phone).
 */
export type AmbiguousWhy = 'apart' | 'several' | 'namesake' | 'taken';
export type ContactField = 'email' | 'phone' | 'neighborhood' | 'organization' | 'language';
export type KeptField = ContactField | 'potential' | 'referredBy';

/** Someone on the server, as the report names them. */
export interface ServerRef {
  id: number;
  name: string;
  owner: string | null;
}

export interface ReportPerson {
  /** Their id in the file. */
  local: number;
  name: string;
  /** Their id on the server: null in a dry run for someone not there yet. */
  server: number | null;
}

export interface MatchedPerson extends ReportPerson {
  by: MatchKind;
  on: ServerRef;
  /** Details the server had none of, taken from the file. */
  filled: { field: ContactField | 'potential'; value: string | number }[];
  /** Details where the server and the file differ: the server's stays. */
  kept: { field: KeptField; server: string | number; file: string | number }[];
  notesAdded: boolean;
  rung: { from: string; to: string } | null;
}

export interface AmbiguousPerson extends ReportPerson {
  why: AmbiguousWhy;
  /** The people on the server they could have been, and what tells them apart. */
  candidates: (ServerRef & { because: ('email' | 'phone')[] })[];
  /** For a namesake or a taken match: the other person of the file. */
  other: { local: number; name: string } | null;
}

export interface LeftMeeting {
  local: number;
  person: string;
  heldAt: string;
}

export interface ImportLocalReport {
  file: string;
  dryRun: boolean;
  organizer: { id: number; name: string; login: string };
  /** The file's schema was older: it was read from a private upgraded copy. */
  readFromCopy: boolean;
  counts: {
    people: number;
    added: number;
    matched: { email: number; phone: number; name: number };
    ambiguous: number;
    /** Brought in by an earlier run of this file. */
    already: number;
    /** Brought in before and erased from the server since: not brought back. */
    erased: number;
    meetings: { brought: number; already: number; drafts: number; held: number; ofErased: number };
  };
  added: ReportPerson[];
  matched: MatchedPerson[];
  ambiguous: AmbiguousPerson[];
  already: ReportPerson[];
  erased: ReportPerson[];
  /** Unfinished meetings (`start` drafts): they stay in the file. */
  drafts: LeftMeeting[];
  /** Held back: their words name immigration status. */
  held: (LeftMeeting & { terms: string[] })[];
  /** The web brought with them (not in a dry run): assessments, units, contacts, relationships. */
  web?: WebBrought;
  /** People whose own notes were not sent, for the same reason. */
  notesHeld: { local: number; name: string; terms: string[] }[];
}

export async function runImportLocal(file: string, options: { dryRun?: boolean; json?: boolean }, globals: GlobalOptions): Promise<void> {
  const dryRun = options.dryRun === true;
  const location = databasePath(globals.db);
  if (!isServer(location)) throw new UserError(words.notAServer(location), { hint: words.NOT_A_SERVER_HINT });
  if (isServer(file)) throw new UserError(words.fileIsAServer(), { hint: words.FILE_HINT });
  const path = resolve(file);
  if (!existsSync(path)) throw new UserError(words.noFile(file), { hint: words.FILE_HINT });
  if (statSync(path).isFile() && statSync(path).size === 0) throw new UserError(words.emptyFile(file), { hint: words.FILE_HINT });

  const local = await openLocalFile(path);
  try {
    // Opened as a reading command would: a server with nothing on it is refused below, not set up.
    const server = await storeFor(globals, 'read', { send: !dryRun });
    try {
      const progress = startProgress(progressWords.matching, 0);
      const report = await bringIn(local, server, file, basename(path), dryRun, progress).finally(() => progress.stop());
      if (report.readFromCopy) printMessage(words.readFromCopy(file));
      for (const line of words.leftInFile(report, file)) printMessage(line);
      if (options.json) printJson(report);
      else printData(renderImportLocal(report));
    } finally {
      await server.close();
    }
  } finally {
    await local.close();
  }
}

interface LocalPerson {
  row: PersonRow;
  formerNames: string[];
  history: RungChange[];
  mark: string;
}

type Decision =
  | { kind: 'already'; server: number }
  | { kind: 'erased'; server: number }
  | { kind: 'added' }
  | { kind: 'ambiguous'; entry: Omit<AmbiguousPerson, 'server'> }
  | { kind: 'matched'; on: ServerPerson; by: MatchKind };

type Match = { kind: 'new' } | { kind: 'matched'; id: number; by: MatchKind } | { kind: 'apart'; apart: { id: number; because: ('email' | 'phone')[] }[] } | { kind: 'several'; ids: number[] };

async function bringIn(local: LocalFile, server: Store, shown: string, fileName: string, dryRun: boolean, progress: Progress): Promise<ImportLocalReport> {
  const team = server.team;
  if (!team || !(await team.isTeam())) throw new UserError(words.NO_TEAM_HERE, { hint: words.NO_TEAM_HINT });
  // A login the team never had (or took its grants from) may not even read the organizers: not on the team either way.
  const me = await team.me().catch((error: unknown) => {
    if ((error as { code?: string }).code === '42501') return undefined;
    throw error;
  });
  if (!me) throw new UserError(words.NOT_ON_TEAM, { hint: words.NOT_ON_TEAM_HINT });
  const checked = checkedTerms(await teamWordsOf(server.settings));
  const sendable = (text: string | null) => sendableWith(text, checked);
  const repo = await importLocalRepository(server);
  if (!repo) throw new UserError(words.NO_TEAM_HERE, { hint: words.NO_TEAM_HINT });

  const people = await readPeople(local);
  const serverPeople = await repo.serverPeople();
  const landed = await repo.landed(local.identity);
  const onServer = new Map(serverPeople.map((person) => [person.id, person]));
  const decisions = await decide(people, serverPeople, onServer, landed.people);

  const report: ImportLocalReport = {
    file: shown, dryRun, organizer: { id: me.id, name: me.name, login: me.login }, readFromCopy: local.copied,
    counts: {
      people: people.length, added: 0, matched: { email: 0, phone: 0, name: 0 }, ambiguous: 0, already: 0, erased: 0,
      meetings: { brought: 0, already: 0, drafts: 0, held: 0, ofErased: 0 },
    },
    added: [], matched: [], ambiguous: [], already: [], erased: [], drafts: [], held: [], notesHeld: [],
  };
  const serverOf = new Map<number, number>();
  for (const [localId, decision] of decisions) {
    if (decision.kind === 'already') serverOf.set(localId, decision.server);
    if (decision.kind === 'matched') serverOf.set(localId, decision.on.id);
  }
  const comesIn = (localId: number) => ['added', 'ambiguous'].includes(decisions.get(localId)?.kind ?? '');
  /** Where a person of the file is on the server: known, or one added in this batch or (dry run) an earlier one. */
  const at = (localId: number, batch: Set<number>): PersonAt | null => {
    const id = serverOf.get(localId);
    if (id !== undefined) return { server: id };
    return batch.has(localId) || (dryRun && comesIn(localId)) ? { local: localId } : null;
  };
  const localName = new Map(people.map((person) => [person.row.id, person.row.name]));

  const order = referrersFirst(people);
  progress.stage(progressWords.landing, order.length);
  for (let start = 0; start < order.length; start += BATCH_PEOPLE) {
    progress.update(start);
    const group = order.slice(start, start + BATCH_PEOPLE);
    const inBatch = new Set(group.filter((person) => comesIn(person.row.id)).map((person) => person.row.id));
    const batch: LandingBatch = { added: [], matched: [], meetings: [], now: new Date().toISOString() };
    for (const person of group) {
      const decision = decisions.get(person.row.id)!;
      const meetings = await local.store.meetings.forPerson(person.row.id);
      const finished = meetings.filter((meeting) => meeting.status === 'complete').sort((a, b) => a.id - b.id);
      if (decision.kind === 'erased') {
        report.counts.meetings.ofErased += finished.length;
        report.erased.push({ local: person.row.id, name: person.row.name, server: decision.server });
        continue;
      }
      for (const draft of meetings.filter((meeting) => meeting.status === 'draft')) {
        report.drafts.push({ local: draft.id, person: person.row.name, heldAt: draft.heldAt });
      }
      const meetingRefs = new Map<number, PersonMeetingRef>();
      for (const meeting of finished) {
        const mark = meetingMark(local.identity, meeting);
        const there = landed.meetings.get(mark);
        if (there !== undefined) {
          meetingRefs.set(meeting.id, { server: there });
          report.counts.meetings.already++;
          continue;
        }
        const terms = sensitiveTermsIn(meetingWords(meeting, person.history).join('\n'), checked);
        if (terms.length > 0) {
          report.held.push({ local: meeting.id, person: person.row.name, heldAt: meeting.heldAt, terms });
          continue;
        }
        meetingRefs.set(meeting.id, { local: meeting.id });
        batch.meetings.push({ local: meeting.id, mark, person: at(person.row.id, inBatch)!, meeting });
      }
      const notes = sendable(person.row.notes);
      if (notes.terms.length > 0 && decision.kind !== 'already') report.notesHeld.push({ local: person.row.id, name: person.row.name, terms: notes.terms });
      const stepOf = (change: RungChange, from: string | null, cause = change.cause, detail = change.detail): RungStep => ({
        fromRung: from, toRung: change.toRung, cause, detail, reason: sendable(change.reason).text,
        meeting: change.meetingId === null ? null : meetingRefs.get(change.meetingId) ?? null, at: change.changedAt,
      });
      const entry: ReportPerson = { local: person.row.id, name: person.row.name, server: null };
      switch (decision.kind) {
        case 'already':
          entry.server = decision.server;
          report.already.push(entry);
          break;
        case 'added':
        case 'ambiguous': {
          batch.added.push(toAdd(person, local.identity, notes.text, person.row.referredBy === null ? null : at(person.row.referredBy, inBatch), stepOf));
          if (decision.kind === 'added') report.added.push(entry);
          else report.ambiguous.push(Object.assign(entry, decision.entry, { server: null }));
          break;
        }
        case 'matched': {
          const referrer = person.row.referredBy === null ? undefined : { at: at(person.row.referredBy, inBatch), name: localName.get(person.row.referredBy) ?? '' };
          const { plan, matched } = toMatch(person, decision.on, decision.by, notes.text, fileName, stepOf, onServer, referrer);
          report.matched.push({ ...entry, ...matched, server: decision.on.id });
          batch.matched.push(plan);
          break;
        }
      }
    }
    if (dryRun || (batch.added.length === 0 && batch.matched.length === 0 && batch.meetings.length === 0)) {
      report.counts.meetings.brought += batch.meetings.length;
      continue;
    }
    const result = await server.write(() => repo.land(batch), { kind: 'import', detail: { file: fileName } });
    for (const [localId, id] of [...result.people, ...result.alreadyPeople]) serverOf.set(localId, id);
    report.counts.meetings.brought += result.meetings.length;
    report.counts.meetings.already += result.alreadyMeetings.length;
  }

  if (!dryRun) report.web = await (await import('./team-import-local-web.js')).bringWeb(local.store, server, serverOf, fileName);
  for (const list of [report.added, report.ambiguous, report.matched]) {
    for (const entry of list) entry.server = serverOf.get(entry.local) ?? null;
  }
  for (const list of [report.added, report.matched, report.ambiguous, report.already, report.erased]) list.sort((a, b) => a.local - b.local);
  report.drafts.sort((a, b) => a.local - b.local);
  report.held.sort((a, b) => a.local - b.local);
  report.counts.added = report.added.length;
  report.counts.ambiguous = report.ambiguous.length;
  report.counts.already = report.already.length;
  report.counts.erased = report.erased.length;
  for (const entry of report.matched) report.counts.matched[entry.by]++;
  report.counts.meetings.drafts = report.drafts.length;
  report.counts.meetings.held = report.held.length;
  return report;
}

/** Everyone in the file with their former names and rung history, in the order of their ids. */
async function readPeople(local: LocalFile): Promise<LocalPerson[]> {
  const people: LocalPerson[] = [];
  for (const { id } of await local.store.people.allNames()) {
    const row = await local.store.people.get(id);
    if (!row) continue;
    people.push({ row, formerNames: await local.store.people.formerNames(id), history: await local.store.people.rungHistory(id), mark: personMark(local.identity, row) });
  }
  return people.sort((a, b) => a.row.id - b.row.id);
}

/**
 * Who each person of the file is on the server. Earlier runs' marks first (and what they added is not matched
 * against again); then email and phone matches claim the people they found, in the order of the file; then names.
 */
async function decide(
  people: LocalPerson[], serverPeople: ServerPerson[], onServer: Map<number, ServerPerson>, landed: Map<string, { server: number; as: 'added' | 'matched' }>,
): Promise<Map<number, Decision>> {
  const decisions = new Map<number, Decision>();
  const claimedBy = new Map<number, LocalPerson>();
  const addedBefore = new Set([...landed.values()].filter((mark) => mark.as === 'added').map((mark) => mark.server));
  const lookup = lookupOver(serverPeople.filter((person) => !addedBefore.has(person.id)), onServer);
  const byName = new Map<string, LocalPerson[]>();
  for (const person of people) byName.set(matchKey(person.row.name), [...(byName.get(matchKey(person.row.name)) ?? []), person]);

  const matches = new Map<number, Match>();
  for (const person of people) {
    const mark = landed.get(person.mark);
    if (mark) {
      const there = onServer.has(mark.server);
      decisions.set(person.row.id, there ? { kind: 'already', server: mark.server } : { kind: 'erased', server: mark.server });
      if (there && mark.as === 'matched') claimedBy.set(mark.server, person);
      continue;
    }
    matches.set(person.row.id, await matchOne(person, lookup));
  }
  const ref = (person: ServerPerson): ServerRef => ({ id: person.id, name: person.name, owner: person.owner });
  const ambiguous = (person: LocalPerson, why: AmbiguousWhy, candidates: AmbiguousPerson['candidates'], other?: LocalPerson): Decision => ({
    kind: 'ambiguous', entry: { local: person.row.id, name: person.row.name, why, candidates, other: other ? { local: other.row.id, name: other.row.name } : null },
  });
  const byId = new Map(people.map((person) => [person.row.id, person]));
  for (const pass of ['contact', 'name'] as const) {
    for (const [localId, match] of matches) {
      const person = byId.get(localId)!;
      if (match.kind !== 'matched' || (match.by === 'name') !== (pass === 'name')) continue;
      const on = onServer.get(match.id)!;
      const holder = claimedBy.get(on.id);
      if (holder) {
        decisions.set(localId, ambiguous(person, 'taken', [{ ...ref(on), because: [] }], holder));
        continue;
      }
      if (match.by === 'name') {
        const namesake = (byName.get(matchKey(person.row.name)) ?? []).find((other) => other !== person && disagreements(other.row, on).length === 0);
        if (namesake) {
          decisions.set(localId, ambiguous(person, 'namesake', [{ ...ref(on), because: [] }], namesake));
          continue;
        }
      }
      claimedBy.set(on.id, person);
      decisions.set(localId, { kind: 'matched', on, by: match.by });
    }
  }
  for (const [localId, match] of matches) {
    const person = byId.get(localId)!;
    if (match.kind === 'new') decisions.set(localId, { kind: 'added' });
    if (match.kind === 'apart') decisions.set(localId, ambiguous(person, 'apart', match.apart.map((a) => ({ ...ref(onServer.get(a.id)!), because: a.because }))));
    if (match.kind === 'several') decisions.set(localId, ambiguous(person, 'several', match.ids.map((id) => ({ ...ref(onServer.get(id)!), because: [] }))));
  }
  return decisions;
}

/** The CSV import's plan for one row: the person of the file as a row, the server as the records it is matched against. */
async function matchOne(person: LocalPerson, lookup: PersonLookup): Promise<Match> {
  const { row } = person;
  const imported: ImportedPerson = { line: row.id, name: row.name, nameKey: nameKey(row.name), emptied: [] };
  if (row.email !== null) imported.email = row.email;
  if (row.phone !== null) {
    imported.phone = row.phone;
    imported.phoneDigits = phoneDigits(row.phone);
  }
  const plan = await planImport([{ kind: 'person', person: imported }], lookup);
  const bad = plan.bad[0];
  if (bad) return { kind: 'several', ids: (bad.reason.params as { ids?: number[] }).ids ?? [] };
  const outcome = plan.rows[0]!;
  if (outcome.target.existing) return { kind: 'matched', id: outcome.target.existing.id, by: outcome.matchedBy ?? 'name' };
  if (outcome.target.apartFrom.length > 0) return { kind: 'apart', apart: outcome.target.apartFrom.map((a) => ({ id: a.id!, because: a.because })) };
  return { kind: 'new' };
}

/** The server's people as the CSV import's lookups find them: the first by email, the first by phone digits, all of a name. */
function lookupOver(candidates: ServerPerson[], onServer: Map<number, ServerPerson>): PersonLookup {
  const byEmail = new Map<string, ServerPerson>();
  const byPhone = new Map<string, ServerPerson>();
  const byName = new Map<string, ServerPerson[]>();
  for (const person of candidates) {
    const email = person.email?.toLowerCase();
    if (email && !byEmail.has(email)) byEmail.set(email, person);
    const digits = person.phone ? phoneDigits(person.phone) : undefined;
    if (digits && !byPhone.has(digits)) byPhone.set(digits, person);
    byName.set(person.nameKey, [...(byName.get(person.nameKey) ?? []), person]);
  }
  const known = (person: ServerPerson | undefined): KnownPerson | undefined => person && {
    id: person.id, name: person.name, email: person.email, phone: person.phone, neighborhood: person.neighborhood, organization: person.organization,
    notes: person.notes, rung: person.rung, potential: person.potential, referredBy: person.referredBy,
    referredByName: person.referredBy === null ? null : onServer.get(person.referredBy)?.name ?? null,
    // A local file's rows carry no assessment, units, language or interpreter here, so the plan never weighs them.
    assessment: 0, units: [], language: null, interpreter: false,
  };
  return {
    byEmail: async (email) => known(byEmail.get(email.toLowerCase())),
    byPhoneDigits: async (digits) => known(byPhone.get(digits)),
    byNameKey: async (key) => (byName.get(key) ?? []).map((person) => known(person)!),
  };
}

/** Where the file and the server both have an email (or a phone) and they differ. */
function disagreements(row: Pick<PersonRow, 'email' | 'phone'>, on: ServerPerson): ('email' | 'phone')[] {
  const found: ('email' | 'phone')[] = [];
  if (row.email !== null && on.email !== null && row.email.toLowerCase() !== on.email.toLowerCase()) found.push('email');
  const mine = row.phone === null ? undefined : phoneDigits(row.phone);
  const theirs = on.phone === null ? undefined : phoneDigits(on.phone);
  if (mine !== undefined && theirs !== undefined && mine !== theirs) found.push('phone');
  return found;
}

/** Referrers before the people they brought, so a referral always points at someone already landed or landing with them. */
function referrersFirst(people: LocalPerson[]): LocalPerson[] {
  const byId = new Map(people.map((person) => [person.row.id, person]));
  const depth = new Map<number, number>();
  const depthOf = (person: LocalPerson, visiting: Set<number>): number => {
    const known = depth.get(person.row.id);
    if (known !== undefined) return known;
    const referrer = person.row.referredBy === null ? undefined : byId.get(person.row.referredBy);
    visiting.add(person.row.id);
    const value = referrer && !visiting.has(referrer.row.id) ? depthOf(referrer, visiting) + 1 : 0;
    visiting.delete(person.row.id);
    depth.set(person.row.id, value);
    return value;
  };
  for (const person of people) depthOf(person, new Set());
  return [...people].sort((a, b) => depth.get(a.row.id)! - depth.get(b.row.id)! || a.row.id - b.row.id);
}

/** Everything of a meeting that a teammate could read: what was heard, asked and promised, and why a rung moved. */
function meetingWords(meeting: MeetingRecord, history: RungChange[]): string[] {
  return [
    ...meeting.notes.map((note) => note.text), meeting.agitation, meeting.plannedAsk, meeting.reflection,
    ...meeting.asks.flatMap((ask) => [ask.text, ask.barriers, ask.support]), ...meeting.followups.map((followUp) => followUp.text),
    ...history.filter((change) => change.meetingId === meeting.id).map((change) => change.reason),
  ].filter((text): text is string => text !== null && text !== undefined);
}

/** A text as it may go to the server: itself, or nothing when it names a sensitive word (and which words did). */
function sendableWith(text: string | null, checked: readonly string[]): { text: string | null; terms: string[] } {
  if (text === null) return { text, terms: [] };
  const terms = sensitiveTermsIn(text, checked);
  return terms.length > 0 ? { text: null, terms } : { text, terms };
}

type StepOf = (change: RungChange, from: string | null, cause?: RungChange['cause'], detail?: string | null) => RungStep;

/** A new person as the file has them, with their rung history (the first step the one they were added on). */
function toAdd(person: LocalPerson, identity: string, notes: string | null, referredBy: PersonAt | null, stepOf: StepOf): PersonToAdd {
  const { row } = person;
  const history = person.history.length > 0
    ? person.history.map((change) => stepOf(change, change.fromRung))
    : [{ fromRung: null, toRung: row.rung, cause: 'added' as const, reason: null, detail: null, meeting: null, at: row.createdAt }];
  return {
    local: row.id, mark: personMark(identity, row), name: row.name, nameKey: nameKey(row.name), email: row.email, phone: row.phone,
    neighborhood: row.neighborhood, organization: row.organization, notes, source: row.source, sourceDetail: row.sourceDetail, referredBy,
    rung: row.rung, potential: row.potential, language: row.language, interpreter: row.interpreter, createdAt: row.createdAt, updatedAt: row.updatedAt,
    formerNames: person.formerNames.map((name) => ({ name, nameKey: nameKey(name) })), history,
  };
}

/**
 * Someone already on the server: gaps filled, notes added, the referrer set where there is none, and the rung raised
 * to the file's along the file's own moves (never above where the file has them now, never down); what differs is kept.
 */
function toMatch(
  person: LocalPerson, on: ServerPerson, by: MatchKind, notes: string | null, fileName: string, stepOf: StepOf,
  onServer: Map<number, ServerPerson>, referrer: { at: PersonAt | null; name: string } | undefined,
): { plan: PersonToMatch; matched: Omit<MatchedPerson, keyof ReportPerson> } {
  const { row } = person;
  const matched: Omit<MatchedPerson, keyof ReportPerson> = {
    by, on: { id: on.id, name: on.name, owner: on.owner }, filled: [], kept: [], notesAdded: false, rung: null,
  };
  const fill: PersonToMatch['fill'] = {};
  for (const field of ['email', 'phone', 'neighborhood', 'organization', 'language'] as const) {
    const mine = row[field];
    const theirs = on[field];
    if (mine === null) continue;
    if (theirs === null) {
      fill[field] = mine;
      matched.filled.push({ field, value: mine });
    } else if (!sameDetail(field, mine, theirs)) matched.kept.push({ field, server: theirs, file: mine });
  }
  if (row.potential !== null) {
    if (on.potential === null) {
      fill.potential = row.potential;
      matched.filled.push({ field: 'potential', value: row.potential });
    } else if (on.potential !== row.potential) matched.kept.push({ field: 'potential', server: on.potential, file: row.potential });
  }
  matched.notesAdded = notes !== null && !(on.notes ?? '').includes(notes);

  let referredBy: PersonAt | null = null;
  if (referrer) {
    const referrerId = referrer.at && 'server' in referrer.at ? referrer.at.server : undefined;
    if (on.referredBy === null) referredBy = referrer.at;
    else if (referrerId !== on.referredBy) {
      matched.kept.push({ field: 'referredBy', server: onServer.get(on.referredBy)?.name ?? `#${on.referredBy}`, file: referrer.name });
    }
  }

  const moves: RungStep[] = [];
  const target = row.rung;
  let current = on.rung;
  if (rungLevel(target) > rungLevel(current)) {
    for (const change of person.history) {
      if (rungLevel(change.toRung) <= rungLevel(current) || rungLevel(change.toRung) > rungLevel(target)) continue;
      moves.push(change.cause === 'added' ? stepOf(change, current, 'import', fileName) : stepOf(change, current));
      current = change.toRung;
    }
    if (current !== target) {
      moves.push({ fromRung: current, toRung: target, cause: 'import', reason: null, detail: fileName, meeting: null, at: new Date().toISOString() });
    }
    matched.rung = { from: on.rung, to: target };
  }
  return {
    matched,
    plan: { local: row.id, mark: person.mark, server: on.id, fill, notes: matched.notesAdded ? notes : null, referredBy, expectRung: on.rung, moves },
  };
}

function sameDetail(field: ContactField, mine: string, theirs: string): boolean {
  if (field === 'email') return mine.toLowerCase() === theirs.toLowerCase();
  if (field === 'phone') {
    const a = phoneDigits(mine);
    return a !== undefined ? a === phoneDigits(theirs) : mine === theirs;
  }
  return mine === theirs;
}
