export const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130 } as const;

export interface UserErrorOptions {
  hint?: string;
  exitCode?: number;
}

/** A problem the organizer can fix; printed as one line (plus a hint), never a stack trace. */
export class UserError extends Error {
  readonly hint?: string;
  readonly exitCode: number;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.error;
  }
}

/** A refusal worded by a messages catalogue ({ message, hint }), as the error the CLI prints. */
export function worded({ message, hint }: { message: string; hint: string }): UserError {
  return new UserError(message, { hint });
}

export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: EXIT.usage });
    this.name = 'UsageError';
  }
}

/** The organizer pressed Ctrl-C; the message says what was kept. */
export class Interrupted extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: EXIT.interrupted });
    this.name = 'Interrupted';
  }
}

/** A value a template field held, as a refusal can show it: what kind of thing, or the value written out. */
export type ValueSeen = 'nothing' | 'empty' | 'list' | 'mapping' | { written: string };

/** What is wrong with one field of a template file. */
export type TemplateProblem =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'invalid-yaml'; at: { line: number; col: number } | null; reason: string }
  | { kind: 'not-mapping'; got: ValueSeen }
  | { kind: 'unknown-field'; field: string; allowed: string[] }
  | { kind: 'missing' }
  | { kind: 'not-text'; got: ValueSeen }
  | { kind: 'empty-text' }
  | { kind: 'control-characters' }
  | { kind: 'bad-name'; got: ValueSeen }
  | { kind: 'not-kebab-case'; got: ValueSeen }
  | { kind: 'not-positive'; got: ValueSeen }
  | { kind: 'too-many-minutes'; minutes: number; most: number }
  | { kind: 'phases-too-long'; minutes: number; most: number }
  | { kind: 'not-share'; got: ValueSeen }
  | { kind: 'not-list'; got: ValueSeen }
  | { kind: 'not-yes-no'; got: ValueSeen }
  | { kind: 'no-lengths' }
  | { kind: 'no-note-tags' }
  | { kind: 'unknown-note-tag'; tag: string }
  | { kind: 'unknown-score-item'; item: string; known: string[] }
  | { kind: 'unknown-language'; got: ValueSeen; known: string[] }
  | { kind: 'no-phases' }
  | { kind: 'duplicate-key'; key: string };

/**
 * Every refusal the domain can make, by code, with the values its words need. The words themselves live in
 * a catalogue per language (src/messages/errors.ts), so the same refusal can be said in English or Spanish.
 * `field` is what the caller calls the thing being checked ("name", "referral name", "--story note").
 */
export interface DomainErrorParams {
  'rung.unknown': { input: string };
  'cadence.empty': { input: string };
  'cadence.not-rung-days': { part: string };
  'cadence.unknown-rung': { name: string };
  'cadence.named-twice': { rung: string };
  'cadence.bad-days': { days: string; rung: string; most: number };
  'cadence.bad-counts': { given: string };
  'name.empty': { field: string };
  'name.control-characters': { field: string };
  'name.direction-controls': { field: string };
  'name.too-long': { field: string; length: number; most: number };
  'text.empty': { field: string };
  'text.control-characters': { field: string };
  'text.too-long': { field: string; length: number; most: number };
  'potential.out-of-range': { given: string | number };
  'assessment.out-of-range': { given: string | number };
  'email.invalid': { input: string };
  'import.map-not-pair': { mapping: string };
  'import.map-unknown-field': { mapping: string; field: string };
  'import.map-no-column': { header: string; field: string; columns: string[] };
  'import.no-name-column': { columns: string[] };
  'import.name-shared': { name: string; ids: number[] };
  'meeting.length-out-of-range': { minutes: number; most: number; template: string; lengths: number[] };
  'meeting.too-short': { minutes: number; phases: number; template: string };
  'template.invalid': { file: string; path: string; problem: TemplateProblem };
  'templates.not-found': { name: string; closest: string | null; names: string[] };
  'templates.same-name': { name: string; first: string; second: string };
  'templates.folder-unreadable': { dir: string; reason: string };
  'templates.file-unreadable': { file: string; reason: string };
  // The commands' own refusals: what was typed does not fit what is there.
  'templates.show-needs-name': Record<string, never>;
  'templates.unknown-use': { words: string };
  'limit.zero': Record<string, never>;
  'id.not-on-list': { input: string; bare: string | null };
  'id.no-follow-up': { id: number };
  'id.no-ask': { id: number };
  'id.no-cadence-person': { id: number };
  'person.no-id': { id: number };
  'done.kept-and-broken': Record<string, never>;
  'done.change-alone': { item: string };
  'done.result-not-ask': { result: string; item: string; kind: 'followup' | 'ask' | 'cadence' };
  'follow-up.closed': { id: number; person: string; what: string; on: string; moving: boolean };
  /** same: the result asked for is the one recorded; wanted: the other one, asked for where no terminal can confirm it. */
  'ask.result-recorded': { id: number; result: string; on: string; same: boolean; wanted: string | null };
  'ask.result-stays': { id: number; result: string };
  'ask.no-check-in': { id: number; person: string; saidNo: boolean; text: string };
  'ask.checked': { id: number; on: string };
  'cadence.not-due': { id: number; person: string; due: string };
  'followups.two-windows': { options: string[] };
  'followups.cadence-alone': { others: string[] };
  'undo.nothing': Record<string, never>;
  'undo.after-forget': Record<string, never>;
  'undo.meeting-running': { name: string; pid: string };
  'delete.not-an-id': { input: string };
  'delete.no-record': { kind: 'meeting' | 'note' | 'ask' | 'followup'; item: string };
  'delete.meeting-running': { item: string };
  'search.unknown-tag': { input: string };
  'search.no-words': { typed: string };
  'stats.since-future': { since: string };
  'templates.yaml-and-json': Record<string, never>;
  'templates.yaml-alone': { dir: string };
  'export.out-is-database': { out: string };
  /** removed: the unfinished file taken away, or null when the rows went to standard output. */
  'export.stopped': { rows: number; reason: string; removed: string | null };
  'export.cannot-open': { path: string; reason: string };
  'merge.same-person': { first: string; second: string; id: number };
  'structure.csv-and-json': Record<string, never>;
  /** handing: the person a handoff was to hand over, or null for the team's other commands. */
  'team.on-a-file': { location: string; handing: string | null };
  'team.no-login': { name: string };
  'handoff.no-note': Record<string, never>;
  'push.on-a-file': { location: string };
  'team-week.bad-weeks': { weeks: number };
  'team-week.bad-goal': { weekly: number };
  'forget.meeting-running': { name: string; id: number; pid: string };
  'forget.name-mismatch': { name: string };
  'log.date-future': { input: string };
  'log.rung-reason-alone': Record<string, never>;
  'log.followup-note-alone': Record<string, never>;
  'log.unknown-did': { item: string; items: readonly string[] };
  /** flag: --referral (they referred themselves) or --referred-by (they were referred by themselves). */
  'log.refers-self': { name: string; flag: '--referral' | '--referred-by' };
  'log.referrer-differs': { name: string; current: string; id: number };
  'ask.unknown-outcome': { input: string };
  'import.map-on-sheet': { file: string; sheet: string };
  'import.no-people': { file: string };
  'import.bad-rows': { lines: number[]; good: number; dryRun: boolean };
  'import.bad-delimiter': { input: string };
  'import.not-text': { file: string; nul: 'bytes' | 'characters' };
  'import.bad-encoding': { file: string; encoding: string; bom: boolean };
  'import.no-file': { file: string };
  'import.folder': { file: string };
  'import.too-big': { file: string; megabytes: string };
  'import.empty': { file: string };
  'import.no-header': { file: string };
  'import.quote-unclosed': { file: string; line: number };
  'import.unreadable-csv': { file: string; line: number; reason: string };
  /** place: the file, or (server) the server's address; why: the store's reason, in English (es/errors.ts rewords those it knows). */
  'database.not-ours': { place: string; server: boolean; why: string; restore: boolean };
  'person.nobody-called': { input: string; close: string[] };
  /** list: each one told apart by what is known of them. */
  'person.ambiguous': { input: string; count: number; list: string; firstId: number };
  /** A name that is someone known, or close to them, where log would add a new person: namesakes, or close. */
  'person.close': { input: string; count: number; namesakes: boolean; list: string; firstId: number; flag: string; name: string };
  'file.cannot-write': { path: string; why: WriteProblem; folder: string; option?: string };
  'backup.no-file-name': Record<string, never>;
  'backup.is-database': Record<string, never>;
  /** raced: the file appeared while the copy was being made. */
  'backup.exists': { target: string; raced: boolean };
  'backup.no-folder': { folder: string };
  'restore.no-file': { path: string };
  'restore.in-use': { path: string };
  'restore.declined': Record<string, never>;
  'restore.meeting-running': { name: string; id: number; pid: string };
  'restore.not-confirmed': { file: string };
  'forget.not-confirmed': { name: string; id: number };
}

/** Why a file cannot be written: its folder is missing, it is a folder, the disk says no, or (code) something else. */
export type WriteProblem = 'no-folder' | 'is-folder' | 'permission' | 'read-only' | 'disk-full' | { code: string };

export type DomainErrorCode = keyof DomainErrorParams;

/** A refusal as a value: kept (a bad import row) rather than thrown. */
export interface Refusal<C extends DomainErrorCode = DomainErrorCode> {
  code: C;
  params: DomainErrorParams[C];
}

/** Mistakes in how a command was typed, not in what was given to it: exit 2. */
const USAGE_CODES: ReadonlySet<DomainErrorCode> = new Set([
  'import.map-not-pair', 'import.map-unknown-field', 'import.map-no-column', 'templates.show-needs-name', 'templates.unknown-use', 'limit.zero',
  'id.not-on-list', 'done.kept-and-broken', 'done.change-alone', 'done.result-not-ask', 'followups.two-windows', 'followups.cadence-alone',
  'delete.not-an-id', 'search.unknown-tag', 'search.no-words', 'templates.yaml-and-json', 'templates.yaml-alone', 'log.unknown-did',
  'import.map-on-sheet', 'import.bad-delimiter', 'structure.csv-and-json',
]);

/**
 * A refusal from the domain: a code and its values, no words. Its message is the code (for stack traces);
 * what the organizer reads comes from `errorText` in src/messages/errors.ts.
 */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends UserError {
  readonly code: C;
  readonly params: DomainErrorParams[C];

  constructor(code: C, params: DomainErrorParams[C]) {
    super(code, { exitCode: USAGE_CODES.has(code) ? EXIT.usage : EXIT.error });
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function refusal<C extends DomainErrorCode>(code: C, params: DomainErrorParams[C]): Refusal<C> {
  return { code, params };
}
