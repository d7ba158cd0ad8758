/** The words of `oneonone doctor`: one line for each check, and for a problem what to do about it. Another language is another object of this shape. */
import { counted } from '../support/format.js';
import { spokenOr } from './spoken.js';

/** The word that leads each line: the meaning is in it, whatever the colour. */
const STATUS_WORDS: Record<'ok' | 'problem' | 'skipped', string> = { ok: 'ok', problem: 'problem', skipped: 'skipped' };

export interface Said {
  says: string;
  fix?: string;
}

/** A path as it can be pasted into a shell. */
export const shellPath = (path: string) => (/^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`);
export const mode = (bits: number) => `0${(bits & 0o777).toString(8)}`;

const nodeOk = (version: string, needed: string): Said => ({ says: `Node ${version} (oneonone needs ${needed} or later)` });
const nodeTooOld = (version: string, needed: string): Said => ({
  says: `Node ${version} is older than oneonone needs (${needed} or later)`,
  fix: `install Node ${needed} or later (e.g. nvm install --lts), then run npm rebuild better-sqlite3 in oneonone's folder`,
});

const engineOk = (version: string): Said => ({ says: `the SQLite engine is built for this Node (${version})` });
const engineUnloadable = (reason: string): Said => ({
  says: `the SQLite engine cannot be loaded: ${reason}`,
  fix: "reinstall oneonone's dependencies (npm ci in its folder)",
});
export const UNCHECKED = { schema: 'its schema', integrity: 'its integrity', copies: 'the copies beside it', outbox: 'what waits on this computer' } as const;
/** A check that needs the SQLite engine to read a file, when the engine does not load. */
const needsEngine = (what: keyof typeof UNCHECKED): Said => ({ says: `${UNCHECKED[what]}: not checked, as the SQLite engine does not load (see above)` });

const configAt = (file: string): Said => ({ says: `config file ${file}` });
const noConfig = (file: string): Said => ({ says: `no config file (the defaults apply; oneonone config set … writes ${file})` });
const configRefused = (message: string, hint?: string): Said => ({ says: message.replace(/^oneonone: /, ''), fix: hint });
const configGuideUnknown = (name: string, file: string, line?: number): Said => ({
  says: `config file ${file}${line === undefined ? '' : `, line ${line}`}: template '${name}' is not a meeting guide oneonone has`,
  fix: 'oneonone templates lists them; oneonone config set template NAME, or oneonone config unset template',
});
const databaseUnknown: Said = {
  says: 'the database: not checked, as the config file that may name it is refused (see above)',
  fix: 'fix the config file, or name the database with --db or ONEONONE_DB',
};

const noDatabaseYet = (path: string): Said => ({
  says: `no database yet: the first meeting you record (oneonone log or oneonone start) makes it at ${path}`,
});
const notAFile = (path: string): Said => ({
  says: `the database ${path} is a folder, not a file`,
  fix: 'give the path of a file with --db or ONEONONE_DB, e.g. --db ~/oneonone.db',
});
const databaseAt = (path: string): Said => ({ says: `database ${path}` });
const cannotUse = (message: string, hint?: string): Said => ({ says: message, fix: hint });

const folderPrivate = (folder: string): Said => ({ says: `the folder ${folder} is yours alone (${mode(0o700)})` });
const folderOpen = (folder: string, bits: number): Said => ({
  says: `the folder ${folder} can be opened by others (mode ${mode(bits)}), and it holds the record and its copies`,
  fix: `chmod 700 ${shellPath(folder)}`,
});
const filesPrivate = (files: string[]): Said => ({ says: `${files.join(', ')} ${files.length === 1 ? 'is' : 'are'} yours alone (${mode(0o600)})` });
const fileOpen = (file: string, bits: number): Said => ({
  says: `${file} can be read by others (mode ${mode(bits)})`,
  fix: `chmod 600 ${shellPath(file)}`,
});

const someoneElses = (file: string, uid: number): Said => ({
  says: `${file} belongs to another user (uid ${uid}), so oneonone cannot rely on it being yours alone`,
  fix: `if it is your record, take it back: sudo chown "$(id -un)" ${shellPath(file)}`,
});

const schemaCurrent = (version: number): Said => ({ says: `schema ${version}, as this oneonone expects` });
const schemaEmpty: Said = { says: 'no schema yet: the first command that writes makes it' };
const schemaBehind = (found: number, expected: number, server: boolean): Said => ({
  says: `the ${server ? 'record on the server' : 'database'} is at schema ${found}; this oneonone uses ${expected}`,
  fix: server
    ? 'any oneonone command upgrades it, e.g. oneonone people'
    : 'any oneonone command upgrades it, keeping a copy of it as it was first, e.g. oneonone people',
});
const schemaNewer = (found: number, expected: number, server: boolean): Said => ({
  says: server
    ? 'the record on the server was upgraded by a newer oneonone'
    : `the database was written by a newer oneonone (schema ${found}; this one knows up to ${expected})`,
  fix: 'update oneonone on this computer (npm install in its folder)',
});
const notOurs = (where: string, why: string): Said => ({
  says: `${where} is not a oneonone database: ${why}`,
  fix: 'check the --db path or ONEONONE_DB (oneonone doctor --db PATH)',
});

const integrityOk: Said = { says: "the file passes SQLite's integrity check" };
const damaged = (found: string[]): Said => ({
  says: `the database is damaged: ${found[0]}${found.length > 1 ? ` (and ${counted(found.length - 1, 'more problem')})` : ''}`,
  fix: 'restore your latest backup: oneonone restore FILE (the damaged file is kept beside it)',
});

const SCHEMA_UNREACHED: Said = { says: 'its schema: not checked, the server cannot be reached' };
const serverAnswers = (where: string): Said => ({ says: `the server at ${where} answers` });

const nothingWaits: Said = { says: 'nothing waits on this computer to be sent to the server' };
const meetingsWait = (n: number): Said => ({
  says: `${counted(n, 'meeting')} ${n === 1 ? 'waits' : 'wait'} on this computer to be sent to the server`,
  fix: 'the next command that reaches the server sends it, or now: oneonone push',
});
const outboxUnreadable = (file: string, why: string): Said => ({
  says: `what waits on this computer (${file}) cannot be read: ${why}`,
  fix: 'run oneonone push to see what it says',
});

const templatesLoad = (all: number, own: number, dir: string): Said => ({
  says: `${counted(all, 'meeting guide')} load (${own === 0 ? 'none' : own} of your own, in ${dir})`,
});
const templateSkipped = (text: string): Said => ({ says: text });
const templatesUnloadable = (message: string): Said => ({ says: `the meeting guides cannot be loaded: ${message}`, fix: "reinstall oneonone (npm ci in its folder)" });

export type CopyKind = 'upgrade' | 'restore' | 'restoring' | 'beside';
const KEPT: Record<CopyKind, string> = {
  upgrade: 'kept before an upgrade',
  restore: 'kept when a backup was restored over it',
  restoring: 'left by a restore that stopped halfway',
  beside: 'a oneonone database in the same folder, such as a backup',
};
const noCopiesHold: Said = { says: 'no copy beside the database holds anyone' };
const copyHolds = (file: string, kind: CopyKind, people: number, beside: string[]): Said => ({
  says: `${file} (${KEPT[kind]}) still holds ${counted(people, 'person', 'people')}`,
  fix: `delete it once you no longer need it: rm ${[file, ...beside].map(shellPath).join(' ')}`,
});
const copyUnreadable = (file: string, kind: CopyKind, why: string): Said => ({
  says: `${file} (${KEPT[kind]}) may hold people, and cannot be read: ${why}`,
  fix: `delete it once you no longer need it: rm ${shellPath(file)}`,
});

const allWell = 'All is well.';
const problemsFound = (n: number, json: boolean) =>
  `${counted(n, 'problem')} to fix: ${json ? 'each check with "status": "problem" says what to do in "fix"' : 'each is a line above, with what to do'}`;

const DOCTOR_EN = {
  STATUS_WORDS,
  nodeOk,
  nodeTooOld,
  engineOk,
  engineUnloadable,
  needsEngine,
  configAt,
  noConfig,
  configRefused,
  configGuideUnknown,
  databaseUnknown,
  noDatabaseYet,
  notAFile,
  databaseAt,
  cannotUse,
  folderPrivate,
  folderOpen,
  filesPrivate,
  fileOpen,
  someoneElses,
  schemaCurrent,
  schemaEmpty,
  schemaBehind,
  schemaNewer,
  notOurs,
  integrityOk,
  damaged,
  SCHEMA_UNREACHED,
  serverAnswers,
  nothingWaits,
  meetingsWait,
  outboxUnreadable,
  templatesLoad,
  templateSkipped,
  templatesUnloadable,
  noCopiesHold,
  copyHolds,
  copyUnreadable,
  allWell,
  problemsFound,
};

/** Every line doctor can say; the compiler holds another language's object to the same members. */
export type DoctorWords = typeof DOCTOR_EN;

/** doctor's words in the run's language, member by member. */
export const say: DoctorWords = spokenOr(DOCTOR_EN, (catalogues) => catalogues.doctor);
