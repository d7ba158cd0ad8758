import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { psql } from '../support/postgres.js';
import { BIN, ENGINE, sandbox, type RunResult, type Sandbox } from './helpers.js';
import { serverState } from './figures.js';

/**
 * The rows of issue 5's bad-input suite (test/e2e/bad-input.test.ts), here so that other suites can run the same rows
 * another way (test/e2e/refusals-spanish.test.ts runs each in Spanish), with the populated database they start from
 * and the asynchronous runs that let them go side by side.
 */

// ── the shared database ────────────────────────────────────────────────────
/** The populated SQLite file: every row's database on SQLite, and on both engines the backup a restore is given. */
let template: Buffer;
/** On the server run, the populated database each row's database is created from. */
let serverTemplate: string;
export const made: Sandbox[] = [];

/** Once per file, before its rows: the populated database every row starts from. */
export function makeTemplate(): void {
  const base = sandbox();
  made.push(base);
  const file = join(base.dir, 'data', 'oneonone.db');
  const populate = (env: NodeJS.ProcessEnv) => {
    const ok = (args: string[]) => expect(base.run(args, { env }).stderr).not.toMatch(/^oneonone: /m);
    // Ana: F1 (a follow-up) and A1 (an ask she said yes to); Bo: a note. Their ids #1 and #2 are C1 and C2.
    ok(['log', 'Ana Ruiz', '--date', '2026-11-02 18:00', '--value', 'family first', '--ask', 'come to the tenant meeting',
      '--ask-due', '2099-12-02 19:00', '--outcome', 'yes', '--followup', '2099-12-01 18:00', '--followup-note', 'call her', '--potential', '3']);
    ok(['log', 'Bo Chen', '--date', '2026-11-03 18:00', '--note', 'works nights', '--rung', 'volunteer']);
  };
  populate({ ONEONONE_DB: file });
  // Everything in the main file, no WAL beside it: what each row starts from.
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  template = readFileSync(file);
  if (ENGINE === 'postgres') {
    populate({});
    serverTemplate = databaseName(base.db);
  }
}

export function cleanupBoxes(): void {
  for (const box of made.splice(0)) box.cleanup();
}

/** Ours (populated), bytes that are no database, or another program's database (its tables, on a server). */
export type DbKind = 'ours' | 'not-a-database' | 'unrelated';

export function freshBox(kind: DbKind): Sandbox {
  const box = sandbox();
  made.push(box);
  if (ENGINE === 'sqlite') mkdirSync(join(box.dir, 'data'), { recursive: true, mode: 0o700 });
  if (kind === 'ours' && ENGINE === 'postgres') copyServerTemplate(databaseName(box.db));
  if (kind === 'ours' && ENGINE === 'sqlite') writeFileSync(box.db, template, { mode: 0o600 });
  if (kind === 'not-a-database') writeFileSync(box.db, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
  if (kind === 'unrelated') {
    box.sql('CREATE TABLE recipes (name TEXT, minutes INTEGER)');
    box.sql("INSERT INTO recipes VALUES ('soup', 40)");
  }
  return box;
}

function databaseName(url: string): string {
  return /\/([^/?]+)\?/.exec(url)![1]!;
}

/** The sandbox's empty database replaced by a copy of the populated one, made by the server (DROP is no transaction). */
function copyServerTemplate(name: string): void {
  psql(process.env.ONEONONE_TEST_PG!, `DROP DATABASE ${name}`);
  psql(process.env.ONEONONE_TEST_PG!, `CREATE DATABASE ${name} TEMPLATE ${serverTemplate}`);
}

/** The real binary as a child process, asynchronously, so rows can run side by side; stdin is a pipe, never a terminal. */
export function runAsync(box: Sandbox, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...box.env, ...env }, cwd: box.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end();
  });
}

/**
 * Every row of every table, for comparing content when bytes alone cannot say (and on a server, where there are no
 * bytes to compare: there also where each id sequence stands, as a refused write could use up an id shown as #N,
 * F N or A N). Not the undo journal's: a refused write opens its change before it is refused, and no one sees those ids.
 */
export function dump(box: Sandbox): Record<string, unknown> {
  if (ENGINE === 'postgres') return serverState(box);
  const db = new Database(box.db, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

function userTemplate(box: Sandbox, file: string, text: string): void {
  const folder = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, file), text);
}

/** A valid user template with one thing changed, so each row tests exactly one fault. */
function guide(change: { top?: string; phase?: string; phases?: string } = {}): string {
  const phase = change.phase ?? '    minutes: 10\n';
  return `name: doorstep\ntitle: Doorstep\n${change.top ?? ''}phases:\n${change.phases ?? `  - key: hello\n    title: Hello\n    purpose: say who you are\n${phase}`}`;
}

const inBox = (box: Sandbox, file: string) => join(box.dir, file);
/** For the coverage check: the args of rows that build paths, without a real sandbox. */
export const sandboxLike = { dir: '/sandbox', db: '/sandbox/data/oneonone.db', env: {} } as Sandbox;
const long = (length: number) => 'x'.repeat(length);

export interface Refusal {
  what: string;
  args: string[] | ((box: Sandbox) => string[]);
  code: number;
  message: RegExp;
  /** Writes the files the row needs (CSV, templates, backups) into the sandbox. */
  setup?: (box: Sandbox) => void;
  db?: DbKind;
  /** import lists each bad row as `line N: …` on stderr before its one `oneonone:` line. */
  rowReport?: boolean;
  /** Why the row cannot be put to a server database (it is about the local file itself). */
  sqliteOnly?: string;
}

const FILE_BYTES = 'a server database holds no file whose bytes could be something else';

// Not here, because test/e2e/foundation.test.ts already has them: log --date "someday" and "2026-02-30", an ask due in
// the past, an unknown goal, rungs "captain" and "7", outcome "perhaps", potential 6 and "high", a name of spaces,
// an unknown template, --outcome without --ask, show of an unknown name, people --colour, the command "meet",
// show without a person, template minutes -3, a newer database; and log against a non-database or unrelated file.
export const REFUSALS: Refusal[] = [
  // ── names ──
  { what: 'an empty name', args: ['log', ''], code: 1, message: /^oneonone: the name is empty\n/ },
  { what: 'a name of tabs and line breaks only', args: ['log', '\t \n '], code: 1, message: /the name is empty/ },
  { what: 'a name of 10,000 characters', args: ['log', long(10_000)], code: 1, message: /the name is 10000 characters long; the most is 200/ },
  { what: 'an escape sequence in a name', args: ['log', 'Ana\u001b[31mRed'], code: 1, message: /the name contains control characters/ },
  { what: 'a C1 control (CSI, U+009B) in a name', args: ['log', 'Ana\u009b2JRuiz'], code: 1, message: /the name contains control characters/ },
  { what: 'a right-to-left override (U+202E) that makes a name display as another', args: ['log', 'Ana \u202eziuR'], code: 1, message: /the name contains invisible text-direction controls/ },
  { what: 'a bell in a referral name', args: ['log', 'Ana Ruiz', '--referral', 'Mei\u0007Chen'], code: 1, message: /the referral name contains control characters/ },
  { what: 'an empty referrer', args: ['log', 'Ana Ruiz', '--referred-by', ' '], code: 1, message: /the referrer name is empty/ },
  { what: 'show with an empty name', args: ['show', ''], code: 1, message: /the name is empty/ },
  { what: 'forget with a name of 10,000 characters', args: ['forget', long(10_000), '--yes'], code: 1, message: /the name is 10000 characters long/ },
  { what: 'followups for an empty person', args: ['followups', '--person', '  '], code: 1, message: /the name is empty/ },

  // ── notes and other text ──
  { what: 'a note one character over 10,000', args: ['log', 'Ana Ruiz', '--note', long(10_001)], code: 1, message: /the --note note is 10001 characters long; the most is 10000/ },
  { what: 'a value of spaces', args: ['log', 'Ana Ruiz', '--value', '   '], code: 1, message: /the --value note is empty/ },
  { what: 'a bell in a note', args: ['log', 'Ana Ruiz', '--note', 'ring\u0007ring'], code: 1, message: /the --note note contains control characters/ },
  { what: 'a C1 control (NEL, U+0085) in a note', args: ['log', 'Ana Ruiz', '--issue', 'rent\u0085hikes'], code: 1, message: /the --issue note contains control characters/ },
  { what: 'a clear-screen escape in the agitation', args: ['log', 'Ana Ruiz', '--agitation', '\u001b[2Jgone'], code: 1, message: /the agitation contains control characters/ },
  { what: 'a control character in a rung reason', args: ['log', 'Ana Ruiz', '--rung', '3', '--rung-reason', 'said\u0001yes'], code: 1, message: /the rung reason contains control characters/ },
  { what: 'a rung reason with no rung (it would be dropped)', args: ['log', 'Ana Ruiz', '--rung-reason', 'agreed to host'], code: 1, message: /--rung-reason needs a rung/ },
  { what: 'a follow-up note with no date', args: ['log', 'Ana Ruiz', '--followup-note', 'call her'], code: 1, message: /--followup-note needs a date/ },
  { what: 'an email with no domain', args: ['log', 'Ana Ruiz', '--email', 'ana@'], code: 1, message: /"ana@" is not an email address/ },

  // ── dates ──
  { what: 'a meeting in the year 99999', args: ['log', 'Ana Ruiz', '--date', '99999-01-01'], code: 1, message: /the meeting date "99999-01-01" is not valid: the year is out of range/ },
  { what: 'a meeting a thousand years ago', args: ['log', 'Ana Ruiz', '--date', '1000 years ago'], code: 1, message: /the meeting date "1000 years ago" is not valid: the year is out of range/ },
  { what: 'an ask due on February 30th', args: ['log', 'Ana Ruiz', '--ask', 'come', '--ask-due', '2027-02-30 18:00'], code: 1, message: /the ask's due date "2027-02-30 18:00" is not valid: that day or time does not exist/ },
  { what: 'an ask due "soonish"', args: ['log', 'Ana Ruiz', '--ask', 'come', '--ask-due', 'soonish'], code: 1, message: /the ask's due date "soonish" is not a date I can read/ },
  { what: 'an ask due in the year 99999', args: ['log', 'Ana Ruiz', '--ask', 'come', '--ask-due', '99999-12-01'], code: 1, message: /the ask's due date "99999-12-01" is not valid: the year is out of range/ },
  { what: 'a follow-up in the past', args: ['log', 'Ana Ruiz', '--followup', '2020-01-01'], code: 1, message: /the follow-up date "2020-01-01" is in the past/ },
  { what: 'a follow-up on "February 30"', args: ['log', 'Ana Ruiz', '--followup', 'February 30'], code: 1, message: /the follow-up date "February 30" is not a date I can read/ },
  { what: 'a follow-up in 99999 years', args: ['log', 'Ana Ruiz', '--followup', 'in 99999 years'], code: 1, message: /the year is out of range/ },
  { what: 'snooze to February 30th', args: ['snooze', 'F1', '2099-02-30'], code: 1, message: /the snooze date "2099-02-30" is not valid: that day or time does not exist/ },
  { what: 'snooze to the year 99999', args: ['snooze', 'A1', '99999-01-01'], code: 1, message: /the snooze date "99999-01-01" is not valid: the year is out of range/ },
  { what: 'snooze to junk', args: ['snooze', 'C2', 'when pigs fly'], code: 1, message: /the snooze date "when pigs fly" is not a date I can read/ },
  { what: 'snooze to an empty date', args: ['snooze', 'F1', ''], code: 1, message: /the snooze date "" is not a date I can read/ },
  { what: 'stats since junk', args: ['stats', '--since', 'the beginning'], code: 1, message: /the start date "the beginning" is not a date I can read/ },
  { what: 'stats since February 30th', args: ['stats', '--since', '2026-02-30'], code: 1, message: /"2026-02-30" is not valid: that day or time does not exist/ },
  { what: 'stats since 5,000 years ago (it overflowed the stack)', args: ['stats', '--since', '5000 years ago'], code: 1, message: /the start date "5000 years ago" is not valid: the year is out of range/ },
  { what: 'stats since the year 99999', args: ['stats', '--since', '99999-01-01'], code: 1, message: /the year is out of range/ },

  // ── rungs, potentials, outcomes, numbers ──
  { what: 'people at rung 0', args: ['people', '--rung', '0'], code: 1, message: /"0" is not a rung on the ladder/ },
  { what: 'people at an empty rung', args: ['people', '--rung', ''], code: 1, message: /"" is not a rung on the ladder/ },
  { what: 'leaders at rung 9', args: ['leaders', '--rung', '9'], code: 1, message: /"9" is not a rung on the ladder/ },
  { what: 'leaders with potential at least 0', args: ['leaders', '--min-potential', '0'], code: 1, message: /leadership potential must be a whole number from 1 to 5 \(got 0\)/ },
  { what: 'leaders with potential at least -1', args: ['leaders', '--min-potential', '-1'], code: 2, message: /option '--min-potential <n>' argument '-1' is invalid. expected a whole number/ },
  { what: 'a potential of 0', args: ['log', 'Ana Ruiz', '--potential', '0'], code: 1, message: /leadership potential must be a whole number from 1 to 5 \(got 0\)/ },
  { what: 'a potential of 2.5', args: ['log', 'Ana Ruiz', '--potential', '2.5'], code: 2, message: /argument '2.5' is invalid. expected a whole number/ },
  { what: 'an empty outcome', args: ['log', 'Ana Ruiz', '--ask', 'come', '--outcome', ''], code: 1, message: /"" is not an outcome/ },
  { what: 'a meeting of 0 minutes', args: ['log', 'Ana Ruiz', '--minutes', '0'], code: 2, message: /argument '0' is invalid. expected a positive number of minutes/ },
  { what: 'a meeting of 1,000 minutes', args: ['log', 'Ana Ruiz', '--minutes', '1000'], code: 1, message: /a meeting must last more than 0 and at most 240 minutes \(got 1000\)/ },
  { what: 'people not met in a billion days (it crashed on an invalid date)', args: ['people', '--stale', '999999999'], code: 2, message: /argument '999999999' is invalid. expected a number of days up to 36500/ },
  { what: 'leaders not met in a billion days', args: ['leaders', '--stale', '999999999'], code: 2, message: /expected a number of days up to 36500/ },
  { what: 'the ladder over a billion days', args: ['ladder', '--days', '999999999'], code: 2, message: /expected a number of days up to 36500/ },
  { what: 'followups a billion days ahead', args: ['followups', '--days', '999999999'], code: 2, message: /expected a number of days up to 36500/ },
  { what: 'a cadence of 1e3 days', args: ['followups', '--cadence', 'leader=1e3'], code: 1, message: /"1e3" days for leader is not a whole number of days from 1 to 365/ },
  { what: 'a limit of 0 leaders', args: ['leaders', '--limit', '0'], code: 2, message: /--limit must be at least 1/ },

  // ── ids from the follow-up list ──
  { what: 'done F999', args: ['done', 'F999'], code: 1, message: /there is no follow-up F999/ },
  { what: 'done A999', args: ['done', 'A999'], code: 1, message: /there is no ask A999/ },
  { what: 'done C999', args: ['done', 'C999'], code: 1, message: /nobody has the id #999, so there is no C999/ },
  { what: 'done X1', args: ['done', 'X1'], code: 2, message: /"X1" is not an id from the follow-up list/ },
  { what: 'done F-1', args: ['done', 'F-1'], code: 2, message: /"F-1" is not an id from the follow-up list/ },
  { what: 'snooze F999', args: ['snooze', 'F999', 'tomorrow'], code: 1, message: /there is no follow-up F999/ },
  { what: 'snooze X1', args: ['snooze', 'X1', 'tomorrow'], code: 2, message: /"X1" is not an id from the follow-up list/ },
  { what: 'show #999', args: ['show', '#999'], code: 1, message: /nobody has the id #999/ },
  { what: 'forget #0', args: ['forget', '#0', '--yes'], code: 1, message: /nobody has the id #0/ },

  // ── CSV files ──
  {
    what: 'a CSV with no header row', code: 1, message: /the file has no name column/,
    setup: (box) => writeFileSync(inBox(box, 'sheet.csv'), 'Ana Ruiz,ana@example.org\nBo Chen,bo@example.org\n'),
    args: (box) => ['import', inBox(box, 'sheet.csv')],
  },
  {
    what: 'a binary file (a zip) named .csv', code: 1, message: /is not a text file \(it holds NUL bytes\)/,
    setup: (box) => writeFileSync(inBox(box, 'sheet.csv'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.alloc(512, 0xa5)])),
    args: (box) => ['import', inBox(box, 'sheet.csv')],
  },
  {
    // NUL cannot travel through argv at all (the OS strings end there), so a CSV is how one can arrive.
    what: 'a NUL byte inside a name in a CSV', code: 1, message: /is not a text file \(it holds NUL bytes\)/,
    setup: (box) => writeFileSync(inBox(box, 'sheet.csv'), 'name,notes\nAna\u0000Ruiz,hello\n'),
    args: (box) => ['import', inBox(box, 'sheet.csv')],
  },
  {
    what: 'a file of 60 MB (sparse, refused by its size before reading)', code: 1, message: /is 60\.0 MB; the most oneonone imports at once is 50 MB/,
    setup: (box) => {
      writeFileSync(inBox(box, 'huge.csv'), 'name\n');
      // A sparse file: the size is real, the disk blocks are not written.
      const fd = openSync(inBox(box, 'huge.csv'), 'r+');
      ftruncateSync(fd, 60 * 1024 * 1024);
      closeSync(fd);
    },
    args: (box) => ['import', inBox(box, 'huge.csv')],
  },
  {
    what: 'a quote opened in the header and never closed', code: 1, message: /the quote opened on line 1 is never closed/,
    setup: (box) => writeFileSync(inBox(box, 'sheet.csv'), 'name,"notes\nAna Ruiz,hello\n'),
    args: (box) => ['import', inBox(box, 'sheet.csv')],
  },
  {
    what: 'an escape sequence in a name in a CSV', code: 1, rowReport: true,
    message: /^line 2: the name contains control characters\noneonone: nothing was imported: 1 bad row \(line 2\)\n/,
    setup: (box) => writeFileSync(inBox(box, 'sheet.csv'), 'name,email\nAna\u001b[8mRuiz,ana@example.org\nMei Chen,mei@example.org\n'),
    args: (box) => ['import', inBox(box, 'sheet.csv')],
  },
  {
    what: 'a name of 10,000 characters in a CSV', code: 1, rowReport: true, message: /^line 3: the name is 10000 characters long; the most is 200\n/,
    setup: (box) => writeFileSync(inBox(box, 'sheet.csv'), `name\nMei Chen\n${long(10_000)}\n`),
    args: (box) => ['import', inBox(box, 'sheet.csv')],
  },
  {
    what: 'a rung of 9 in a CSV', code: 1, rowReport: true, message: /^line 2: "9" is not a rung on the ladder\n/,
    setup: (box) => writeFileSync(inBox(box, 'sheet.csv'), 'name,rung\nMei Chen,9\n'),
    args: (box) => ['import', inBox(box, 'sheet.csv')],
  },
  { what: 'a folder given as the CSV', args: (box) => ['import', box.dir], code: 1, message: /is a folder/ },
  { what: 'a two-character delimiter', args: (box) => ['import', inBox(box, 'x.csv'), '--delimiter', ';;'], code: 2, message: /--delimiter ";;" is not one separator character/ },

  // ── user templates, through `templates` and through `log --template` ──
  {
    what: 'a template phase with no purpose (templates)', code: 1, message: /template doorstep\.yaml: phases\[0\]\.purpose is missing/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide({ phases: '  - key: hello\n    title: Hello\n    minutes: 10\n' })),
    args: ['templates', 'show', 'doorstep'],
  },
  {
    what: 'a template with no phases (log --template)', code: 1, message: /template doorstep\.yaml: phases is missing/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', 'name: doorstep\ntitle: Doorstep\n'),
    args: ['log', 'Ana Ruiz', '--template', 'doorstep'],
  },
  {
    what: 'a template of -30 minutes (log --template)', code: 1, message: /template doorstep\.yaml: minutes must be a positive number \(got -30\)/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide({ top: 'minutes: -30\n' })),
    args: ['log', 'Ana Ruiz', '--template', 'doorstep'],
  },
  {
    what: 'a talk limit of 3 (templates)', code: 1, message: /phases\[0\]\.maxTalkShare must be a number from 0 to 1, like 0\.2 for the 80\/20 rule \(got 3\)/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide({ phase: '    minutes: 10\n    maxTalkShare: 3\n' })),
    args: ['templates', 'show', 'doorstep'],
  },
  {
    what: 'a talk limit of 3 (log --template)', code: 1, message: /maxTalkShare must be a number from 0 to 1/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide({ phase: '    minutes: 10\n    maxTalkShare: 3\n' })),
    args: ['log', 'Ana Ruiz', '--template', 'doorstep'],
  },
  {
    what: 'two phases with the same key (templates show)', code: 1, message: /phases\[1\]\.key 'hello' is used by an earlier phase; keys must be unique/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide({ phases: '  - key: hello\n    title: Hello\n    purpose: a\n    minutes: 5\n  - key: hello\n    title: Again\n    purpose: b\n    minutes: 5\n' })),
    args: ['templates', 'show', 'doorstep'],
  },
  {
    what: 'a field written twice in a phase (log --template)', code: 1, message: /is not valid YAML at line 8, column 5: Map keys must be unique/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide({ phase: '    minutes: 10\n    minutes: 20\n' })),
    args: ['log', 'Ana Ruiz', '--template', 'doorstep'],
  },
  {
    what: 'invalid YAML (templates)', code: 1, message: /template doorstep\.yaml: is not valid YAML at line \d+, column \d+/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', 'name: doorstep\ntitle: [Doorstep\nphases:\n  - key: hello\n'),
    args: ['templates', 'show', 'doorstep'],
  },
  {
    what: 'invalid YAML (log --template)', code: 1, message: /template doorstep\.yaml: is not valid YAML/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', 'name: doorstep\n\ttitle: tabbed\n'),
    args: ['log', 'Ana Ruiz', '--template', 'doorstep'],
  },
  {
    what: 'a YAML alias bomb (it was "something went wrong")', code: 1, message: /template bomb\.yaml: is not a template oneonone can read: Excessive alias count/,
    setup: (box) => userTemplate(box, 'bomb.yaml', ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((key, i) => `${key}: &${key} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n')),
    args: ['templates', 'show', 'bomb'],
  },
  {
    what: 'a NUL (a YAML "\\0" escape) in a template title', code: 1, message: /template doorstep\.yaml: title contains control characters/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide().replace('title: Doorstep', 'title: "Door\\0step"')),
    args: ['templates', 'show', 'doorstep'],
  },
  {
    what: 'a clear-screen escape in a template tip (log --template)', code: 1, message: /template doorstep\.yaml: phases\[0\]\.tips\[0\] contains control characters/,
    setup: (box) => userTemplate(box, 'doorstep.yaml', guide({ phase: '    minutes: 10\n    tips: ["\\e[2J\\e[Hlisten"]\n' })),
    args: ['log', 'Ana Ruiz', '--template', 'doorstep'],
  },
  {
    what: 'two template files with the same name', code: 1, message: /templates .*a\.yaml and .*b\.yaml are both named 'doorstep'/,
    setup: (box) => {
      userTemplate(box, 'a.yaml', guide());
      userTemplate(box, 'b.yaml', guide());
    },
    args: ['templates', 'show', 'doorstep'],
  },
  { what: 'templates show with no name', args: ['templates', 'show'], code: 2, message: /which template\? templates show needs a name/ },
  { what: 'templates with an unknown word', args: ['templates', 'list'], code: 2, message: /unknown use of templates: "list"/ },

  // ── files that are not our database ──
  { what: 'followups on a file that is not a database', db: 'not-a-database', sqliteOnly: FILE_BYTES, args: ['followups'], code: 1, message: /is not a oneonone database: it is not a SQLite database/ },
  { what: 'export from a file that is not a database', db: 'not-a-database', sqliteOnly: FILE_BYTES, args: ['export', 'people'], code: 1, message: /is not a oneonone database/ },
  { what: 'backup of a file that is not a database', db: 'not-a-database', sqliteOnly: FILE_BYTES, args: (box) => ['backup', inBox(box, 'copy.db')], code: 1, message: /is not a oneonone database/ },
  { what: "show on another program's database", db: 'unrelated', args: ['show', 'Ana Ruiz'], code: 1, message: /made by another program/ },
  { what: "done on another program's database", db: 'unrelated', args: ['done', 'F1'], code: 1, message: /made by another program/ },
  { what: "forget on another program's database", db: 'unrelated', args: ['forget', 'Ana Ruiz', '--yes'], code: 1, message: /made by another program/ },
  { what: "stats on another program's database", db: 'unrelated', args: ['stats'], code: 1, message: /made by another program/ },

  // ── paths that cannot be written ──
  { what: 'export into a folder that does not exist', args: ['export', 'people', '--out', '/nonexistent/dir/x.csv'], code: 1, message: /cannot write \/nonexistent\/dir\/x\.csv: the folder \/nonexistent\/dir does not exist/ },
  { what: 'export onto a folder', args: (box) => ['export', 'notes', '--out', box.dir], code: 1, message: /cannot write .*: it is a folder/ },
  { what: 'backup into a folder that does not exist', args: ['backup', '/nonexistent/dir/x.db'], code: 1, message: /the folder \/nonexistent\/dir does not exist/ },
  { what: 'backup with an empty file name', args: ['backup', ''], code: 1, message: /the backup needs a file name/ },
  { what: 'a calendar into a folder that does not exist (it said "(ENOENT)")', args: ['followups', '--all', '--ics', '/nonexistent/dir/week.ics'], code: 1, message: /cannot write \/nonexistent\/dir\/week\.ics: the folder \/nonexistent\/dir does not exist/ },

  // ── no terminal to ask in ──
  { what: 'start with no terminal', args: ['start', 'Ana Ruiz'], code: 1, message: /oneonone start needs a terminal/ },
  { what: 'start with no terminal and no person', args: ['start'], code: 1, message: /oneonone start needs a terminal/ },
  { what: 'forget without --yes and no terminal', args: ['forget', 'Bo Chen'], code: 1, message: /not forgetting Bo Chen without a confirmation/ },
  {
    what: 'restore without --yes and no terminal', code: 1, message: /not replacing the database without a confirmation/,
    setup: (box) => writeFileSync(inBox(box, 'backup.db'), template),
    args: (box) => ['restore', inBox(box, 'backup.db')],
  },

  // ── the command line itself ──
  { what: 'a misspelt command', args: ['folowups'], code: 2, message: /^oneonone: unknown command 'folowups'\n\(Did you mean followups\?\)\n/ },
  { what: 'an unknown option on done', args: ['done', 'F1', '--yes'], code: 2, message: /unknown option '--yes'/ },
  { what: 'an unknown export format option', args: ['export', 'people', '--format', 'xlsx'], code: 2, message: /unknown option '--format'/ },
  { what: 'an unknown table to export', args: ['export', 'spreadsheet'], code: 2, message: /value 'spreadsheet' is invalid for argument 'table'\. Allowed choices are people, meetings, asks, followups, notes/ },
  { what: '--db with no file', args: ['people', '--db'], code: 2, message: /option '--db <file>' argument missing/ },
  { what: 'snooze with no date', args: ['snooze', 'F1'], code: 2, message: /missing required argument 'when'/ },
  { what: 'start with 0 minutes', args: ['start', 'Ana Ruiz', '--minutes', '0'], code: 2, message: /expected a positive number of minutes/ },
  { what: 'start with an unknown goal', args: ['start', 'Ana Ruiz', '--goal', 'persuade'], code: 2, message: /Allowed choices are recruitment, maintenance, escalation/ },
];

/** test/e2e/foundation.test.ts's refusals, each run against a record that holds Ana (logged with a value). */
export const FOUNDATION_REFUSALS: { name: string; args: string[]; code: number; message: RegExp }[] = [
  { name: 'a date that cannot be read', args: ['log', 'Ana', '--date', 'someday'], code: 1, message: /the meeting date "someday" is not a date I can read/ },
  { name: 'February 30th', args: ['log', 'Ana', '--date', '2026-02-30'], code: 1, message: /"2026-02-30" is not valid: that day or time does not exist/ },
  { name: 'an ask due in the past', args: ['log', 'Ana', '--ask', 'come', '--ask-due', '2020-01-01'], code: 1, message: /is in the past/ },
  { name: 'an unknown goal', args: ['log', 'Ana', '--goal', 'persuade'], code: 2, message: /argument 'persuade' is invalid. Allowed choices are recruitment, maintenance, escalation/ },
  { name: 'an unknown rung', args: ['log', 'Ana', '--rung', 'captain'], code: 1, message: /"captain" is not a rung on the ladder/ },
  { name: 'a rung number off the ladder', args: ['log', 'Ana', '--rung', '7'], code: 1, message: /"7" is not a rung/ },
  { name: 'an unknown outcome', args: ['log', 'Ana', '--ask', 'come', '--outcome', 'perhaps'], code: 1, message: /"perhaps" is not an outcome/ },
  { name: 'potential out of range', args: ['log', 'Ana', '--potential', '6'], code: 1, message: /leadership potential must be a whole number from 1 to 5 \(got 6\)/ },
  { name: 'potential that is not a number', args: ['log', 'Ana', '--potential', 'high'], code: 2, message: /expected a whole number/ },
  { name: 'an empty name', args: ['log', '   '], code: 1, message: /the name is empty/ },
  { name: 'an unknown template', args: ['log', 'Ana', '--template', 'nope'], code: 1, message: /no template named 'nope'/ },
  { name: 'an outcome with no ask', args: ['log', 'Ana', '--outcome', 'yes'], code: 2, message: /put --ask "what you asked" before it/ },
  { name: 'an unknown person', args: ['show', 'Nobody Here'], code: 1, message: /nobody called "Nobody Here"/ },
  { name: 'an unknown option', args: ['people', '--colour'], code: 2, message: /unknown option '--colour'/ },
  { name: 'an unknown command', args: ['meet'], code: 2, message: /unknown command 'meet'/ },
  { name: 'a missing argument', args: ['show'], code: 2, message: /missing required argument 'person'/ },
  { name: 'a person given with --resume', args: ['start', 'Ana', '--resume', '--minutes', '30'], code: 2, message: /--resume continues a meeting as it was planned: leave out a person, --minutes/ },
];
