/**
 * With a server, a meeting never depends on the network: `start` runs it in a private SQLite file on this computer
 * (the outbox, one per server, beside the default database) and `log` writes there when the server cannot be
 * reached. A finished meeting is sent in one server transaction, marked there by an id of its own, so sending it
 * twice (a lost reply, two terminals) saves it once. Sent meetings, and the people they were with, leave the outbox.
 */
import { randomUUID } from 'node:crypto';
import { severalOnServerWords } from '../messages/outbox.js';
import { nameKey } from '../people/names.js';
import { withName } from './person.js';
import { unitCalled } from './web-writes.js';
import { outboxPath } from '../support/outbox-path.js';
import { openStore, type ChangeKind, type MeetingRecord, type PeopleRepository, type PersonRow, type PersonSource, type Store } from '../store/index.js';
import type { RelationshipKind, SettingsReader, SettingsRepository, Transaction, UnitKind } from '../store/contract.js';
import type { ChosenVisibility } from '../meeting/sensitive.js';

export function openOutbox(serverUrl: string): Promise<Store> {
  return openStore(outboxPath(serverUrl), { mode: 'write' });
}

/** A meeting in the outbox is sent as the change it was (a log, a start) under an id that marks it on the server. */
export async function markForSending(outbox: Store, meetingId: number, kind: ChangeKind): Promise<void> {
  await outbox.write((tx) => tx.settings.set(`origin:${meetingId}`, JSON.stringify({ id: randomUUID(), kind })));
}

/**
 * The outbox is a file of the local engine, whose notes have no visibility (one organizer): the organizer's choice for
 * a note (keep it private) is kept beside it, in the outbox's settings, and sent with it. A key set to '' is gone.
 */
const visibilityKey = (noteId: number) => `note-visibility:${noteId}`;

/** A note written in the outbox, with the visibility the organizer chose for it (none: its tag's, on the server). */
export async function addNoteHere(
  tx: Pick<Transaction, 'meetings' | 'settings'>, note: { personId: number; meetingId: number | null; tag: string; text: string; phase: string | null; at: string },
  visibility?: ChosenVisibility,
): Promise<number> {
  const id = await tx.meetings.addNote(note.personId, note.meetingId, note.tag, note.text, note.phase, note.at, visibility);
  if (visibility) await tx.settings.set(visibilityKey(id), visibility);
  return id;
}

/** A note held private while the organizer decides, then settled: private as chosen, or (undefined) its tag's visibility. */
export async function setNoteVisibility(settings: SettingsRepository, noteId: number, visibility: ChosenVisibility | undefined): Promise<void> {
  if (visibility !== undefined) return settings.set(visibilityKey(noteId), visibility);
  if (await settings.get(visibilityKey(noteId))) await settings.set(visibilityKey(noteId), '');
}

export async function noteVisibility(settings: SettingsReader, noteId: number): Promise<ChosenVisibility | undefined> {
  const value = await settings.get(visibilityKey(noteId));
  return value === 'private' || value === 'team' ? value : undefined;
}

/**
 * A debrief answer that names a sensitive term, kept here (on this computer only) while the organizer chooses what to
 * do with it, so Ctrl-C or a crash at that question loses nothing: the resumed question offers it again.
 */
const heldKey = (meetingId: number) => `held-answer:${meetingId}`;

export async function holdAnswer(outbox: Store, meetingId: number, step: string, text: string): Promise<void> {
  await outbox.write((tx) => tx.settings.set(heldKey(meetingId), JSON.stringify({ step, text })));
}

export async function heldAnswer(outbox: Store, meetingId: number, step: string): Promise<string | undefined> {
  const held = JSON.parse((await outbox.settings.get(heldKey(meetingId))) || 'null') as { step: string; text: string } | null;
  return held?.step === step ? held.text : undefined;
}

/** In the transaction that saves the answer as chosen. */
export async function releaseAnswer(settings: SettingsRepository, meetingId: number): Promise<void> {
  if (await settings.get(heldKey(meetingId))) await settings.set(heldKey(meetingId), '');
}

/** What the server checks texts for, as last read from it: a meeting without the network checks the same. */
export interface ServerWords {
  /** The team's own words (the defaults are the program's). */
  words: string[];
  /** Whether the server has a team, so a note can be private there. */
  team: boolean;
  /** The team's words for the assessment scale (the setting's JSON), so a meeting without the network says them too. */
  scale?: string;
}

const WORDS_KEY = 'server-sensitive-words';

export async function keepServerWords(outbox: Store, seen: ServerWords): Promise<void> {
  const value = JSON.stringify(seen);
  if ((await outbox.settings.get(WORDS_KEY)) !== value) await outbox.write((tx) => tx.settings.set(WORDS_KEY, value));
}

/** Undefined when this computer has never reached the server. */
export async function serverWordsHere(outbox: Store): Promise<ServerWords | undefined> {
  try {
    const seen = JSON.parse((await outbox.settings.get(WORDS_KEY)) || 'null') as ServerWords | null;
    if (!seen || !Array.isArray(seen.words)) return undefined;
    const words = seen.words.filter((word): word is string => typeof word === 'string');
    return { words, team: seen.team !== false, ...(typeof seen.scale === 'string' ? { scale: seen.scale } : {}) };
  } catch {
    return undefined;
  }
}

/** A draft discarded or a meeting sent: what was kept beside its notes goes too (a later note may reuse an id). */
export async function forgetBeside(settings: SettingsRepository, meeting: { id: number; notes: { id: number }[] }): Promise<void> {
  for (const note of meeting.notes) if (await settings.get(visibilityKey(note.id))) await settings.set(visibilityKey(note.id), '');
  if (await settings.get(heldKey(meeting.id))) await settings.set(heldKey(meeting.id), '');
}

/** A person of the server, copied into the outbox (once) so a meeting with them can run there. */
export async function adopt(outbox: Store, person: PersonRow): Promise<PersonRow> {
  const known = await outbox.settings.get(`local-id:${person.id}`);
  if (known) {
    const local = await outbox.people.get(Number(known));
    if (local) return local;
  }
  const id = await outbox.write(async (tx) => {
    const local = await tx.people.add({
      name: person.name, nameKey: nameKey(person.name), email: person.email, phone: person.phone, neighborhood: person.neighborhood,
      organization: person.organization, rung: person.rung, potential: person.potential, language: person.language, interpreter: person.interpreter,
    }, person.createdAt);
    await mapPerson(tx.settings, local, person.id, person.potential);
    return local;
  });
  return (await outbox.people.get(id))!;
}

async function mapPerson(settings: Tx['settings'], local: number, server: number, potential: number | null): Promise<void> {
  await settings.set(`server-id:${local}`, String(server));
  await settings.set(`local-id:${server}`, String(local));
  await settings.set(`server-potential:${local}`, potential === null ? '' : String(potential));
}

export interface Sent {
  local: number;
  server: number;
  person: string;
}

export interface Held {
  local: number;
  person: string;
  why: string;
}

/** The finished meetings waiting in the outbox, oldest first. */
export async function waitingMeetings(outbox: Store): Promise<MeetingRecord[]> {
  const waiting: MeetingRecord[] = [];
  for (const { id } of await outbox.people.allNames()) {
    for (const meetingId of await outbox.meetings.idsForPerson(id)) {
      const meeting = await outbox.meetings.get(meetingId);
      if (meeting?.status === 'complete') waiting.push(meeting);
    }
  }
  return waiting.sort((a, b) => a.id - b.id);
}

/** Several people on the server with this name: the organizer says which (push --as). */
class Ambiguous extends Error {}

/**
 * Sends every finished meeting; `as` names the server person the oldest held one is with. What cannot be sent stays
 * (and says why); an outbox left with nothing in it is deleted.
 */
export async function sendWaiting(outbox: Store, server: Store, as?: number): Promise<{ sent: Sent[]; held: Held[] }> {
  const sent: Sent[] = [];
  const held: Held[] = [];
  for (const meeting of await waitingMeetings(outbox)) {
    try {
      sent.push(await sendOne(outbox, server, meeting, held.length === 0 ? as : undefined));
    } catch (error) {
      if (!(error instanceof Ambiguous)) throw error;
      held.push({ local: meeting.id, person: meeting.person.name, why: error.message });
    }
  }
  return { sent, held };
}

/**
 * Closes the outbox. The file stays (another terminal may have it open, a meeting about to be prepared in it), but
 * once meetings were sent the rows of the people they were about are gone from it, scrubbed from its pages.
 */
export async function closeOutbox(outbox: Store, sent = false): Promise<void> {
  try {
    if (sent) await outbox.scrub();
  } finally {
    await outbox.close();
  }
}

async function sendOne(outbox: Store, server: Store, meeting: MeetingRecord, as: number | undefined): Promise<Sent> {
  const parcel = await parcelOf(outbox, meeting);
  const result = await server.write((tx) => deliver(tx, parcel, as), { kind: parcel.kind });
  await outbox.write(async (tx) => {
    for (const [local, serverId] of result.people) await mapPerson(tx.settings, local, serverId, null);
    await forgetBeside(tx.settings, meeting);
    await tx.corrections.deleteMeeting(meeting.id, new Date().toISOString());
  });
  await forgetSent(outbox, parcel);
  return { local: meeting.id, server: result.meetingId, person: meeting.person.name };
}

interface Parcel {
  origin: string;
  kind: ChangeKind;
  meeting: MeetingRecord;
  person: PersonRow;
  serverId: number | undefined;
  potentialBefore: number | null | undefined;
  moves: { toRung: string; reason: string | null; at: string | null }[];
  referrer: { local: PersonRow; serverId: number | undefined } | undefined;
  referrals: { local: PersonRow; serverId: number | undefined }[];
  /** Where the debrief said they stand, as the meeting's assessment; and how they know the people they named. */
  assessments: { level: number; at: string }[];
  relations: { otherLocal: number; kind: RelationshipKind; note: string | null }[];
  /** The units the debrief put them in, by name (the server's unit of that name, else a new one). */
  units: { name: string; kind: UnitKind; size: number | null }[];
  /** The visibility the organizer chose for a note, by its id here; a note not in it takes its tag's on the server. */
  visibility: Map<number, ChosenVisibility>;
}

async function parcelOf(outbox: Store, meeting: MeetingRecord): Promise<Parcel> {
  const person = (await outbox.people.get(meeting.person.id))!;
  const serverId = await serverIdOf(outbox, person.id);
  const origin = JSON.parse((await outbox.settings.get(`origin:${meeting.id}`)) ?? 'null') as { id: string; kind: ChangeKind } | null;
  const potential = await outbox.settings.get(`server-potential:${person.id}`);
  const moves = (await outbox.people.rungHistory(person.id)).filter((move) => move.meetingId === meeting.id);
  const withServerId = async (local: PersonRow) => ({ local, serverId: await serverIdOf(outbox, local.id) });
  const referrer = serverId === undefined && person.referredBy !== null ? await withServerId((await outbox.people.get(person.referredBy))!) : undefined;
  const referrals = [];
  for (const { id } of await outbox.people.referrals(person.id)) referrals.push(await withServerId((await outbox.people.get(id))!));
  const assessments = (await outbox.people.assessmentHistory(person.id)).filter((change) => change.meetingId === meeting.id)
    .map((change) => ({ level: change.toLevel, at: change.changedAt }));
  const named = new Set(referrals.map((referral) => referral.local.id));
  const relations = (await outbox.web.relationshipsOf(person.id)).filter((r) => r.endedAt === null && named.has(r.other.id))
    .map((r) => ({ otherLocal: r.other.id, kind: r.kind, note: r.note }));
  const units = (await outbox.web.placesOf(person.id)).map(({ name, kind, size }) => ({ name, kind, size }));
  const visibility = new Map<number, ChosenVisibility>();
  for (const note of meeting.notes) {
    const chosen = await noteVisibility(outbox.settings, note.id);
    if (chosen) visibility.set(note.id, chosen);
  }
  return {
    visibility,
    // A meeting written before the outbox marked meetings is marked now, by its place in this file.
    origin: origin?.id ?? `${outbox.location}#${meeting.id}@${meeting.createdAt}`,
    kind: origin?.kind ?? 'start',
    meeting, person, serverId, referrer, referrals, assessments, relations, units,
    potentialBefore: serverId === undefined || potential === undefined ? undefined : potential === '' ? null : Number(potential),
    moves: moves.map((move) => ({ toRung: move.toRung, reason: move.reason, at: move.meetingHeldAt })),
  };
}

async function serverIdOf(outbox: Store, local: number): Promise<number | undefined> {
  const id = await outbox.settings.get(`server-id:${local}`);
  return id ? Number(id) : undefined;
}

type Tx = Parameters<Parameters<Store['write']>[0]>[0];

/** One server transaction: the meeting, what was heard, asked and promised, the rung and the referrals, once. */
async function deliver(tx: Tx, parcel: Parcel, as: number | undefined): Promise<{ meetingId: number; people: [number, number][] }> {
  const received = await tx.settings.get(`received:${parcel.origin}`);
  const now = new Date().toISOString();
  const people: [number, number][] = [];
  const serverPerson = async (local: PersonRow, serverId: number | undefined, extra: { referredBy?: number } = {}) => {
    const id = serverId ?? (await matchOrAdd(tx.people, local, now, extra));
    people.push([local.id, id]);
    return id;
  };
  if (received !== undefined) return { meetingId: Number(received), people };
  const referredBy = parcel.referrer && (await serverPerson(parcel.referrer.local, parcel.referrer.serverId));
  const personId = as ?? (await serverPerson(parcel.person, parcel.serverId, referredBy === undefined ? {} : { referredBy }));
  if (as !== undefined) people.push([parcel.person.id, as]);
  const meetingId = await addMeeting(tx, parcel.meeting, personId, parcel.visibility);
  for (const move of parcel.moves) await tx.people.moveToRung(personId, move.toRung, { cause: 'meeting', reason: move.reason, meetingId, at: move.at ?? now });
  if (parcel.person.potential !== null && parcel.person.potential !== parcel.potentialBefore) await tx.people.setPotential(personId, parcel.person.potential, now);
  for (const change of parcel.assessments) await tx.people.assess(personId, change.level, { cause: 'meeting', meetingId, at: change.at });
  const onServer = new Map<number, number>();
  for (const referral of parcel.referrals) {
    const id = await serverPerson(referral.local, referral.serverId, { referredBy: personId });
    onServer.set(referral.local.id, id);
    if ((await tx.people.get(id))?.referredBy === null && id !== personId) await tx.people.setReferredBy(id, personId, now);
  }
  for (const unit of parcel.units) await tx.web.join(personId, await unitCalled(tx.web, unit.name, now, unit), now);
  for (const relation of parcel.relations) {
    const otherId = onServer.get(relation.otherLocal);
    if (otherId !== undefined && otherId !== personId) await tx.web.relate({ personId, otherId, kind: relation.kind, note: relation.note }, now);
  }
  await tx.settings.set(`received:${parcel.origin}`, String(meetingId));
  return { meetingId, people };
}

async function addMeeting(tx: Tx, meeting: MeetingRecord, personId: number, visibility: Map<number, ChosenVisibility>): Promise<number> {
  const id = await tx.meetings.add({
    personId, heldAt: meeting.heldAt, goal: meeting.goal, template: meeting.template, plannedMinutes: meeting.plannedMinutes,
    status: 'complete', plannedAsk: meeting.plannedAsk, agitation: meeting.agitation, phases: meeting.phases,
    // A parcel kept before scorecards has none of these.
    checklist: meeting.checklist ?? [], scorecard: meeting.scorecard ?? null, reflection: meeting.reflection ?? null,
  }, meeting.completedAt ?? meeting.updatedAt);
  for (const phase of meeting.phases.filter((p) => p.extraSeconds > 0)) {
    await tx.meetings.saveProgress(id, phase.position, {
      actualSeconds: phase.actualSeconds ?? 0, organizerTalkSeconds: phase.organizerTalkSeconds ?? 0, otherTalkSeconds: phase.otherTalkSeconds ?? 0, extraSeconds: phase.extraSeconds,
      longestMonologueSeconds: phase.longestMonologueSeconds, openQuestions: phase.openQuestions, reflections: phase.reflections,
    });
  }
  for (const note of meeting.notes) await tx.meetings.addNote(personId, id, note.tag, note.text, note.phase, note.createdAt, visibility.get(note.id));
  const asks = new Map<number, number>();
  for (const ask of meeting.asks) {
    asks.set(ask.id, await tx.commitments.addAsk(personId, id, { text: ask.text, dueAt: ask.dueAt, barriers: ask.barriers, support: ask.support, outcome: ask.outcome }, ask.createdAt));
  }
  for (const followUp of meeting.followups) {
    await tx.commitments.addFollowUp(personId, id, { text: followUp.text, askId: followUp.ask ? asks.get(followUp.ask.id) ?? null : null, dueAt: followUp.dueAt }, followUp.createdAt);
  }
  return id;
}

/** Someone first written down on this computer: the one person of that name on the server, else a new person. */
async function matchOrAdd(people: PeopleRepository, local: PersonRow, now: string, extra: { referredBy?: number }): Promise<number> {
  const key = await withName(people, local.name);
  if (key.length === 1) {
    await people.updateDetails(key[0]!.id, gaps(key[0]!, local), now);
    return key[0]!.id;
  }
  if (key.length > 1) {
    throw new Ambiguous(severalOnServerWords(local.name, key.map((p) => p.id)));
  }
  return people.add({
    name: local.name, nameKey: nameKey(local.name), email: local.email, phone: local.phone, neighborhood: local.neighborhood,
    organization: local.organization, notes: local.notes, source: extra.referredBy === undefined ? (local.source as PersonSource | null) : 'referral',
    sourceDetail: local.sourceDetail, referredBy: extra.referredBy ?? null, potential: local.potential,
    language: local.language, interpreter: local.interpreter,
  }, local.createdAt);
}

function gaps(known: PersonRow, local: PersonRow): Partial<Pick<PersonRow, 'email' | 'phone' | 'neighborhood' | 'organization' | 'language' | 'interpreter'>> {
  const fields = ['email', 'phone', 'neighborhood', 'organization', 'language'] as const;
  const filled = Object.fromEntries(fields.filter((field) => known[field] === null && local[field] !== null).map((field) => [field, local[field]]));
  // An interpreter written down here is news to the server; "none needed" is only what nobody said.
  return local.interpreter && !known.interpreter ? { ...filled, interpreter: true } : filled;
}

/** People copied or written down for a meeting now sent, and no longer part of one waiting, leave the outbox (a key set to '' is gone). */
async function forgetSent(outbox: Store, parcel: Parcel): Promise<void> {
  // Those they referred first, then them, then who referred them: each is kept while someone still links to them.
  const involved = [...parcel.referrals.map((r) => r.local), parcel.person, ...(parcel.referrer ? [parcel.referrer.local] : [])];
  for (const person of involved) {
    if ((await outbox.meetings.idsForPerson(person.id)).length > 0) continue;
    if ((await outbox.people.referrals(person.id)).length > 0) continue;
    const server = await serverIdOf(outbox, person.id);
    await outbox.write(async (tx) => {
      await tx.people.forget(person.id);
      for (const key of [`server-id:${person.id}`, `server-potential:${person.id}`, ...(server === undefined ? [] : [`local-id:${server}`])]) await tx.settings.set(key, '');
    });
  }
}
