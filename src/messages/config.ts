/** The words of the config file and `oneonone config`. */
import type { ConfigKey, ConfigProblem, Origin, SettingSource } from '../support/config.js';
import { spokenCatalogues } from './spoken.js';

export interface ConfigWording {
  message: string;
  hint: string;
}

const EXPECTED: Record<ConfigKey, string> = {
  db: 'a database file (a whole path, or one starting with ~/) or a postgres:// URL',
  language: 'en or es',
  template: 'the name of a meeting guide',
  minutes: 'a positive number of minutes',
  cadence: 'rungs and days, e.g. leader: 14',
  'weekly-goal': 'a whole number of one-on-ones a week',
  'count-questions': 'true or false',
};

const EXAMPLE: Record<ConfigKey, string> = {
  db: '~/organizing/oneonone.db',
  language: 'en',
  template: 'agenda',
  minutes: '45',
  cadence: 'leader=14,volunteer=30,other=60',
  'weekly-goal': '8',
  'count-questions': 'true',
};

export function keysWords(keys: readonly string[]): string {
  return `the settings are ${keys.join(', ')}`;
}

/** One line saying where the refused value was written and what is wrong with it, and a hint to put it right. */
export function configRefusal(origin: Origin, problem: ConfigProblem, keys: readonly string[]): ConfigWording {
  return configWords().refusal(origin, problem, keys);
}

function refusalEn(origin: Origin, problem: ConfigProblem, keys: readonly string[]): ConfigWording {
  return { message: `${whereWords(origin)}${problemWords(problem)}`, hint: hintWords(origin, problem, keys) };
}

function whereWords(origin: Origin): string {
  if (origin.kind === 'file') return `config file ${origin.file}${origin.line === undefined ? '' : `, line ${origin.line}`}: `;
  if (origin.kind === 'environment') return `${origin.variable}: `;
  return '';
}

function problemWords(problem: ConfigProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return `cannot be read (${problem.reason})`;
    case 'invalid-yaml':
      return `is not valid YAML${problem.col === undefined ? '' : ` (column ${problem.col})`}: ${problem.reason}`;
    case 'not-mapping':
      return `must be a mapping of settings, one "key: value" a line (got ${problem.got})`;
    case 'unknown-key':
      return `'${problem.key}' is not a setting oneonone knows`;
    case 'no-value':
      return `${problem.key} has no value`;
    case 'wrong-value':
      return `${problem.key} must be ${EXPECTED[problem.key]}${problem.limit ? `, ${problem.limit}` : ''} (got ${problem.got})`;
    case 'relative-path':
      return `db must be a whole path, one starting with ~/, or a postgres:// URL (got ${problem.got})`;
    case 'unknown-template':
      return `no meeting guide named '${problem.name}'`;
    case 'unknown-rung':
      return `cadence: '${problem.name}' is not a rung on the ladder`;
    case 'bad-days':
      return `cadence: ${problem.rung} must be met every 1 to ${problem.most} whole days (got ${problem.got})`;
    case 'named-twice':
      return `cadence names ${problem.rung} twice`;
  }
}

function hintWords(origin: Origin, problem: ConfigProblem, keys: readonly string[]): string {
  const fix = origin.kind === 'file' ? `fix it in ${origin.file}` : origin.kind === 'environment' ? `fix or unset ${origin.variable}` : '';
  switch (problem.kind) {
    case 'unreadable':
      return `check the file's permissions, or move it aside`;
    case 'invalid-yaml':
    case 'not-mapping':
      return `${fix}: every command reads it; each line is a setting such as "minutes: 45" (${keysWords(keys)})`;
    case 'unknown-key':
      return `${problem.closest ? `did you mean '${problem.closest}'? ` : ''}${keysWords(keys)}`;
    case 'unknown-template':
      return `${problem.closest ? `did you mean '${problem.closest}'? ` : ''}${fix ? `${fix}; ` : ''}the guides are ${problem.names.join(', ')} (see: oneonone templates)`;
    case 'unknown-rung':
    case 'bad-days':
    case 'named-twice':
      return `${origin.kind === 'command line' ? 'e.g. oneonone config set cadence leader=14,volunteer=30,other=60' : `${fix}, e.g. cadence: { leader: 14, volunteer: 30, other: 60 }`} (rungs: contact, supporter, participant, volunteer, leader, organizer, or other)`;
    default: {
      const key = problem.key;
      if (origin.kind === 'command line') return `e.g. oneonone config set ${key} ${EXAMPLE[key]}`;
      if (origin.kind === 'environment') return `${fix}, e.g. ${origin.variable}=${EXAMPLE[key]}`;
      return `${fix}, e.g. ${key}: ${EXAMPLE[key]}; or take it out with: oneonone config unset ${key}`;
    }
  }
}

export function unknownKeyOnCommandLine(key: string, closest: string | undefined, keys: readonly string[]): ConfigWording {
  return configWords().unknownKey(key, closest, keys);
}

function unknownKeyEn(key: string, closest: string | undefined, keys: readonly string[]): ConfigWording {
  return { message: `'${key}' is not a setting oneonone knows`, hint: `${closest ? `did you mean '${closest}'? ` : ''}${keysWords(keys)}` };
}

export const FLAG_ONLY_FOR_DB = 'only --db is a flag of every command; --template and --minutes belong to start and log';

/** What `config` says, in English. Another language is another object of this shape; the keys and the values stay as typed. */
export interface ConfigWords {
  headers: [setting: string, value: string, from: string];
  sources: Record<SettingSource, string>;
  /** "config file, line 3". */
  atLine(source: string, line: number): string;
  none: string;
  saved(key: string, value: string, file: string): string;
  unset(key: string, file: string, was: boolean): string;
  shadowed(key: string, source: SettingSource, from: string | undefined): string;
  cadenceInDatabase: string;
  cadenceUnread(reason: string): string;
  noFileYet(file: string): string;
  notSet(key: string, meaning: string): string;
  defaultMeanings: Partial<Record<ConfigKey, string>>;
  noValue: string;
  serverGoalNote: string;
  spanishNotYet: string;
  cadenceFrom(source: SettingSource, file: string): string;
  goal(held: number, goal: number): string;
  /** A refused setting: where it was written, what is wrong, and a hint. */
  refusal(origin: Origin, problem: ConfigProblem, keys: readonly string[]): ConfigWording;
  unknownKey(key: string, closest: string | undefined, keys: readonly string[]): ConfigWording;
}

const SOURCES_EN: Record<SettingSource, string> = {
  flag: 'flag',
  environment: 'environment',
  'config file': 'config file',
  database: 'database',
  default: 'default',
};

const CONFIG_EN: ConfigWords = {
  headers: ['setting', 'value', 'from'],
  sources: SOURCES_EN,
  atLine: (source, line) => `${source}, line ${line}`,
  none: '(none)',
  saved: (key, value, file) => `Saved ${key}: ${value} in ${file} (only you can read it).`,
  unset: (key, file, was) => (was ? `Took ${key} out of ${file}; its default applies again.` : `${key} is not in ${file}; nothing to take out.`),
  shadowed: (key, source, from) => `note: ${key} comes from the ${SOURCES_EN[source]}${from ? ` (${from})` : ''} for now, which wins over the config file`,
  cadenceInDatabase: "note: this database has a cadence of its own (set with 'oneonone followups --cadence'), which wins over the config file's",
  cadenceUnread: (reason) => `note: the database's own cadence could not be read (${reason}); shown is the config file's or the default`,
  noFileYet: (file) => `No config file yet; every setting has its default. 'oneonone config set KEY VALUE' makes ${file}.`,
  notSet: (key, meaning) => `${key} is not set: ${meaning}.`,
  defaultMeanings: {
    template: "start asks which guide (agenda first); log records 'agenda'",
    minutes: "the guide's own length",
    'weekly-goal': 'stats shows no goal',
    'count-questions': 'the q and r keys only with a guide that says countQuestions: true',
  },
  noValue: 'no value',
  serverGoalNote: "on a team server the weekly goal is the one your team set (see: oneonone team week); stats leaves the config file's out",
  spanishNotYet:
    'note: oneonone speaks Spanish now; still in English is what import says of a contacts, relationships or units sheet (--json is English in every language)',
  cadenceFrom: (source, file) => {
    if (source === 'database') return '(the cadence set for this database with --cadence)';
    if (source === 'config file') return `(from the config file ${file}; this database has no cadence of its own)`;
    return '(the defaults)';
  },
  goal: (held, goal) => {
    if (held >= goal) return `This week: ${held} one-on-one${held === 1 ? '' : 's'}, your goal of ${goal} met.`;
    return `This week: ${held} of your goal of ${goal} one-on-ones (${goal - held} to go).`;
  },
  refusal: refusalEn,
  unknownKey: unknownKeyEn,
};

export const configWords = (): ConfigWords => spokenCatalogues()?.config ?? CONFIG_EN;

export function cadenceFromWords(source: SettingSource, file: string): string {
  return configWords().cadenceFrom(source, file);
}

export function goalLine(held: number, goal: number): string {
  return configWords().goal(held, goal);
}
