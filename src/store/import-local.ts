/**
 * `team import-local`'s part of the store: an organizer's own SQLite file read without a byte of it changing, and the
 * team server's side of bringing it in — everyone already there (to match against, in one read), what earlier runs
 * of the same file landed (marks kept in the server's settings), and a batch landed in a few set-based statements.
 *
 * Owned with the command (src/commands/team-import-local.ts). Each engine's part is loaded only when it is used, as
 * src/store/index.ts loads the engines; no SQL lives here.
 *
 * Not in the Store contract (contract.ts is not this feature's to change): the server's repository is built from the
 * store the command already opened, sharing its one connection, so its statements run inside `store.write`'s
 * transaction. The slot it wants is described in the feature's report: `Store.importLocal` / `Transaction.importLocal`.
 */
import type { MeetingRecord, PersonRow, RungCause, Store } from './contract.js';

// ── the local file ─────────────────────────────────────────────────────────

/** An organizer's own database, open to read only. */
export interface LocalFile {
  /** Read through the store contract (a file of an older schema is read from a migrated private copy). */
  readonly store: Store;
  /**
   * What names this database wherever it is copied or moved: a hash of when it was first made (its first schema
   * step) and its application id. The marks on the server are made from it, never from the path.
   */
  readonly identity: string;
  /** Whether an older schema was read from a private, upgraded copy (the file itself is never upgraded). */
  readonly copied: boolean;
  close(): Promise<void>;
}

/**
 * Opens FILE read-only with the SQLite engine: refused as the engine refuses (a folder, a file of another program, a
 * newer schema), never created, never written, never upgraded in place.
 */
export async function openLocalFile(path: string): Promise<LocalFile> {
  return (await import('./sqlite/import-local.js')).openLocalFile(path);
}

// ── the server ─────────────────────────────────────────────────────────────

/** Someone on the server, as matching sees them. */
export interface ServerPerson {
  id: number;
  name: string;
  nameKey: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  rung: string;
  potential: number | null;
  language: PersonRow['language'];
  referredBy: number | null;
  /** The organizer who owns them on the team, by name; null when nobody does. */
  owner: string | null;
}

/** How an earlier run brought a local person in: added as a new person, or matched with someone already there. */
export type LandedAs = 'added' | 'matched';

export interface LandedPerson {
  server: number;
  as: LandedAs;
}

/** What earlier runs of this database landed, by mark: people (whether or not still on the server) and meetings. */
export interface Landed {
  people: Map<string, LandedPerson>;
  meetings: Map<string, number>;
}

/** A person of the file as the server knows them: someone there already (their id), or one this batch adds (the file's id). */
export type PersonAt = { server: number } | { local: number };

/** A step of a person's rung history; a meeting named by the file's id (it lands in the same batch, or landed before). */
export interface RungStep {
  fromRung: string | null;
  toRung: string;
  cause: RungCause;
  reason: string | null;
  detail: string | null;
  meeting: PersonMeetingRef | null;
  at: string;
}

export type PersonMeetingRef = { server: number } | { local: number };

/** A person of the file who is new on the server: their row as the file has it, owned by the importing organizer. */
export interface PersonToAdd {
  local: number;
  mark: string;
  name: string;
  nameKey: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  source: string | null;
  sourceDetail: string | null;
  referredBy: PersonAt | null;
  rung: string;
  potential: number | null;
  language: PersonRow['language'];
  interpreter: boolean;
  createdAt: string;
  updatedAt: string;
  formerNames: { name: string; nameKey: string }[];
  /** Their rung history as the file has it, oldest first (the first step is the one they were added on). */
  history: RungStep[];
}

/** A person of the file who is someone already on the server: only gaps are filled; nothing the server has is replaced. */
export interface PersonToMatch {
  local: number;
  mark: string;
  server: number;
  /** Details the server has none of, taken from the file. */
  fill: { email?: string; phone?: string; neighborhood?: string; organization?: string; language?: string; potential?: number };
  /** The file's notes on the person, added to the server's unless already in them (never written over). */
  notes: string | null;
  /** Set only where the server has nobody as their referrer. */
  referredBy: PersonAt | null;
  /** Moves up the ladder, from `expectRung`; dropped if someone moved them meanwhile. */
  expectRung: string;
  moves: RungStep[];
}

/** A finished meeting of the file, with everything in it, for the person it was with. */
export interface MeetingToLand {
  local: number;
  mark: string;
  person: PersonAt;
  meeting: MeetingRecord;
}

export interface LandingBatch {
  added: PersonToAdd[];
  matched: PersonToMatch[];
  meetings: MeetingToLand[];
  now: string;
}

export interface LandingResult {
  /** Server ids, by the file's id, of the people this batch added or matched. */
  people: [local: number, server: number][];
  /** Server ids of the meetings this batch brought in, by the file's id. */
  meetings: [local: number, server: number][];
  /** Found landed when the batch ran (another run of the same file got there first): nothing written for them. */
  alreadyPeople: [local: number, server: number][];
  alreadyMeetings: [local: number, server: number][];
}

export interface ImportLocalRepository {
  /** Everyone on the server, in one read. */
  serverPeople(): Promise<ServerPerson[]>;
  /** What earlier runs of the database named `identity` landed. */
  landed(identity: string): Promise<Landed>;
  /**
   * One batch, inside the caller's `store.write`: the marks of its people and meetings are read again first, and
   * whatever another run landed meanwhile is skipped; the rest is written in a few statements, marks included.
   */
  land(batch: LandingBatch): Promise<LandingResult>;
}

/** The server's side of the import, for a store open on a PostgreSQL server; undefined for any other store. */
export async function importLocalRepository(store: Store): Promise<ImportLocalRepository | undefined> {
  return store.importLocal;
}

// ── marks ──────────────────────────────────────────────────────────────────

/**
 * A local person's mark: the database, their id and when they were added (a SQLite id can be given again after the
 * highest row is deleted; the moment it was made cannot).
 */
export function personMark(identity: string, person: Pick<PersonRow, 'id' | 'createdAt'>): string {
  return `${personMarkPrefix(identity)}${person.id}@${person.createdAt}`;
}

export function personMarkPrefix(identity: string): string {
  return `import-local:${identity}:person:`;
}

/**
 * A meeting's mark, in the namespace the outbox marks sent meetings with (`received:<origin>`): one key per meeting
 * ever received by the server, whichever way it came.
 */
export function meetingMark(identity: string, meeting: Pick<MeetingRecord, 'id' | 'createdAt'>): string {
  return `${meetingMarkPrefix(identity)}${meeting.id}@${meeting.createdAt}`;
}

export function meetingMarkPrefix(identity: string): string {
  return `received:local:${identity}#`;
}
