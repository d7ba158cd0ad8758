import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { configRefusal } from '../messages/config.js';
import { MAX_MEETING_MINUTES } from '../meeting/template.js';
import { DEFAULT_CADENCE, MAX_CADENCE_DAYS, type CadenceDays } from '../people/cadence.js';
import { parseRung, RUNGS, type Rung } from '../people/ladder.js';
import { EXIT, UserError } from './errors.js';
import { configDir, dataDir } from './paths.js';
import { isLanguage, langFlag, type Language } from './language.js';
import { yaml } from './yaml.js';

type Env = Record<string, string | undefined>;

export const CONFIG_KEYS = ['db', 'language', 'template', 'minutes', 'cadence', 'weekly-goal', 'count-questions'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];
export type SettingSource = 'flag' | 'environment' | 'config file' | 'database' | 'default';

/** A cadence as the organizer wrote it: only the rungs named, in their order; the defaults fill in the rest. */
export type CadenceEntries = { rung: Rung | 'other'; days: number }[];

export interface Settings {
  db?: string;
  language?: Language;
  template?: string;
  minutes?: number;
  cadence?: CadenceEntries;
  'weekly-goal'?: number;
  /** The q and r keys in every meeting, not only with a guide that counts them. */
  'count-questions'?: boolean;
}

/** The environment variable that stands between a flag and the config file, for the settings that have one. */
export const ENVIRONMENT: Partial<Record<ConfigKey, string>> = {
  db: 'ONEONONE_DB',
  language: 'ONEONONE_LANG',
  template: 'ONEONONE_TEMPLATE',
  minutes: 'ONEONONE_MINUTES',
};

/** As many one-on-ones a week as `team goal --weekly` accepts. */
export const MOST_WEEKLY_GOAL = 100;

export type Origin = { kind: 'file'; file: string; line?: number } | { kind: 'environment'; variable: string } | { kind: 'command line' };

export type ConfigProblem =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'invalid-yaml'; reason: string; col?: number }
  | { kind: 'not-mapping'; got: string }
  | { kind: 'unknown-key'; key: string; closest?: string }
  | { kind: 'no-value'; key: ConfigKey }
  | { kind: 'wrong-value'; key: ConfigKey; got: string; limit?: string }
  | { kind: 'relative-path'; key: 'db'; got: string }
  | { kind: 'unknown-template'; key: 'template'; name: string; closest: string | null; names: string[] }
  | { kind: 'unknown-rung'; key: 'cadence'; name: string }
  | { kind: 'bad-days'; key: 'cadence'; rung: string; got: string; most: number }
  | { kind: 'named-twice'; key: 'cadence'; rung: string };

/** A refused setting: one line naming where it was written (the file and line, the variable) and a hint. */
export class ConfigRefused extends UserError {
  constructor(readonly origin: Origin, readonly problem: ConfigProblem) {
    const { message, hint } = configRefusal(origin, problem, CONFIG_KEYS);
    super(message, { hint, exitCode: origin.kind === 'command line' ? EXIT.usage : EXIT.error });
    this.name = 'ConfigRefused';
  }
}

export interface LoadedConfig {
  file: string;
  settings: Settings;
  lines: Partial<Record<ConfigKey, number>>;
}

export function configFile(env: Env = process.env): string {
  return join(configDir(env), 'config.yaml');
}

const read = new Map<string, LoadedConfig | null>();

/**
 * The config file, checked whole, or null when there is none. Its existence is all most runs pay for: the yaml
 * package is loaded only when the file is there. Read once per process.
 */
export function readConfig(env: Env = process.env): LoadedConfig | null {
  const file = configFile(env);
  if (!read.has(file)) read.set(file, existsSync(file) ? parseConfig(readConfigText(file), file) : null);
  return read.get(file)!;
}

/** After `config set`, the next read in this process sees the file as written. */
export function forgetConfig(): void {
  read.clear();
}

export function readConfigText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigRefused({ kind: 'file', file }, { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

type YamlDocument = ReturnType<ReturnType<typeof yaml>['parseDocument']>;

/** The file's YAML document (comments kept), refused when it is not YAML at all. */
export function configDocument(text: string, file: string): { document: YamlDocument; lineAt: (offset: number) => number } {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, logLevel: 'silent', uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigRefused({ kind: 'file', file, line: at?.line }, { kind: 'invalid-yaml', reason, col: at?.col });
  }
  return { document, lineAt: (offset) => lines.linePos(offset).line };
}

/** Every setting in the text checked: the first thing wrong is refused with its line. */
export function parseConfig(text: string, file: string): LoadedConfig {
  const { isMap, isScalar, isSeq } = yaml();
  const { document, lineAt } = configDocument(text, file);
  const loaded: LoadedConfig = { file, settings: {}, lines: {} };
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return loaded;
  const lineOf = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  if (!isMap(contents)) {
    const got = isSeq(contents) ? 'a list' : seen(isScalar(contents) ? contents.value : contents);
    throw new ConfigRefused({ kind: 'file', file, line: lineOf(contents) }, { kind: 'not-mapping', got });
  }
  for (const pair of contents.items) {
    const written = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineOf(pair.key);
    const origin: Origin = { kind: 'file', file, line };
    const key = knownKey(written);
    if (key === undefined) throw new ConfigRefused(origin, { kind: 'unknown-key', key: written, closest: closestKey(written) });
    // A Map keeps the rungs in the order written (an object would put a rung given as a number first).
    const value = pair.value === null || (isScalar(pair.value) && pair.value.value === null)
      ? null
      : (pair.value as { toJS(doc: unknown, options: { mapAsMap: boolean }): unknown }).toJS(document, { mapAsMap: key === 'cadence' });
    if (value === null) throw new ConfigRefused(origin, { kind: 'no-value', key });
    const cadenceLine = (index: number) => lineOf(isMap(pair.value) ? pair.value.items[index]?.key : pair.value) ?? line;
    setSetting(loaded.settings, key, checkValue(key, value, origin, cadenceLine));
    loaded.lines[key] = line;
  }
  return loaded;
}

function setSetting<K extends ConfigKey>(settings: Settings, key: K, value: Settings[K]): void {
  settings[key] = value;
}

export function knownKey(written: string): ConfigKey | undefined {
  return (CONFIG_KEYS as readonly string[]).includes(written) ? (written as ConfigKey) : undefined;
}

export function closestKey(written: string): string | undefined {
  const lower = written.toLowerCase().replace(/_/g, '-');
  return CONFIG_KEYS.filter((key) => editDistance(lower, key) <= 2 || (lower.length > 2 && key.startsWith(lower)))
    .sort((a, b) => editDistance(lower, a) - editDistance(lower, b))[0];
}

/**
 * A setting's value as YAML gives it (a number is a number), refused with words about the key when it does not fit.
 * `entryLine` points a cadence refusal at the rung's own line.
 */
export function checkValue<K extends ConfigKey>(key: K, value: unknown, origin: Origin, entryLine?: (index: number) => number | undefined): NonNullable<Settings[K]> {
  const refuse = (problem: ConfigProblem): never => {
    throw new ConfigRefused(origin, problem);
  };
  const wrong = (limit?: string): never => refuse({ kind: 'wrong-value', key, got: seen(value), limit });
  const checked = ((): unknown => {
    switch (key) {
      case 'db':
        return typeof value === 'string' && value.trim() !== '' && !/[\0]/.test(value) ? databaseValue(value.trim(), origin, refuse) : wrong();
      case 'language': {
        const language = typeof value === 'string' ? value.trim().toLowerCase() : '';
        return isLanguage(language) ? language : wrong();
      }
      case 'template':
        return typeof value === 'string' && /^[a-z0-9][a-z0-9-]*$/i.test(value.trim()) ? value.trim().toLowerCase() : wrong();
      case 'minutes':
        return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_MEETING_MINUTES ? value : wrong(`up to ${MAX_MEETING_MINUTES}`);
      case 'weekly-goal':
        return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MOST_WEEKLY_GOAL ? value : wrong(`from 1 to ${MOST_WEEKLY_GOAL}`);
      case 'cadence':
        return cadenceEntries(value, origin, entryLine ?? (() => undefined), wrong);
      case 'count-questions':
        return typeof value === 'boolean' ? value : wrong();
    }
  })();
  return checked as NonNullable<Settings[K]>;
}

/** A value typed on the command line or held by an environment variable: text, read as the file would read it. */
export function checkText<K extends ConfigKey>(key: K, text: string, origin: Origin): NonNullable<Settings[K]> {
  const numeric = key === 'minutes' || key === 'weekly-goal';
  const yesNo = key === 'count-questions' ? ({ true: true, yes: true, on: true, false: false, no: false, off: false } as Record<string, boolean>)[text.trim().toLowerCase()] : undefined;
  const value = yesNo ?? (numeric && /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text);
  return checkValue(key, value, origin);
}

function databaseValue(path: string, origin: Origin, refuse: (problem: ConfigProblem) => never): string {
  if (/^postgres(ql)?:\/\//i.test(path)) return path;
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(2));
  if (isAbsolute(path)) return path;
  // A relative path typed or exported means the folder it was typed in; in the file it would mean wherever a command runs.
  if (origin.kind !== 'file') return resolve(path);
  return refuse({ kind: 'relative-path', key: 'db', got: seen(path) });
}

/** A mapping (leader: 14) or the text followups --cadence reads (leader=14,other=60). */
function cadenceEntries(value: unknown, origin: Origin, entryLine: (index: number) => number | undefined, wrong: () => never): CadenceEntries {
  let pairs: [string, unknown][];
  if (typeof value === 'string') {
    pairs = value.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
      const match = /^([^=\s]+)\s*=\s*(\S*)$/.exec(part);
      return match ? [match[1]!, /^\d+$/.test(match[2]!) ? Number(match[2]) : match[2]!] : [part, undefined];
    });
  } else if (value instanceof Map) {
    pairs = [...value.entries()].map(([name, days]) => [String(name), days]);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    pairs = Object.entries(value);
  } else return wrong();
  if (pairs.length === 0) return wrong();
  const entries: CadenceEntries = [];
  pairs.forEach(([name, days], index) => {
    const at: Origin = origin.kind === 'file' ? { ...origin, line: typeof value === 'string' ? origin.line : entryLine(index) } : origin;
    const rung = cadenceRung(name);
    if (rung === undefined) throw new ConfigRefused(at, { kind: 'unknown-rung', key: 'cadence', name });
    if (entries.some((entry) => entry.rung === rung)) throw new ConfigRefused(at, { kind: 'named-twice', key: 'cadence', rung });
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_CADENCE_DAYS) {
      throw new ConfigRefused(at, { kind: 'bad-days', key: 'cadence', rung, got: seen(days), most: MAX_CADENCE_DAYS });
    }
    entries.push({ rung, days });
  });
  return entries;
}

function cadenceRung(name: string): Rung | 'other' | undefined {
  if (name.toLowerCase() === 'other') return 'other';
  try {
    return parseRung(name);
  } catch {
    return undefined;
  }
}

/** The config's cadence over the defaults: what it names changes, the rest stays, as with followups --cadence. */
export function cadenceDays(entries: CadenceEntries, base: CadenceDays = DEFAULT_CADENCE): CadenceDays {
  const result: CadenceDays = { rungs: { ...base.rungs }, other: base.other };
  for (const { rung, days } of entries) {
    if (rung === 'other') result.other = days;
    else result.rungs[rung] = days;
  }
  return result;
}

/** The entries as the file holds them: named rungs from the top of the ladder down, then other. */
export function cadenceMapping(entries: CadenceEntries): Record<string, number> {
  const order = [...RUNGS].reverse() as (Rung | 'other')[];
  order.push('other');
  const sorted = [...entries].sort((a, b) => order.indexOf(a.rung) - order.indexOf(b.rung));
  return Object.fromEntries(sorted.map(({ rung, days }) => [rung, days]));
}

export function seen(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : JSON.stringify(value);
  return String(value);
}

// ── which value applies ────────────────────────────────────────────────────

export interface Chosen<T> {
  /** Undefined when nothing was set and the setting has no value of its own (the guide's own length, no goal). */
  value: T | undefined;
  source: SettingSource;
  /** The variable or the file the value came from. */
  from?: string;
  line?: number;
}

/** A flag, then the setting's environment variable, then the config file, then the default. */
export function chosenSetting<K extends ConfigKey>(key: K, flag: Settings[K] | undefined, env: Env = process.env): Chosen<NonNullable<Settings[K]>> {
  if (flag !== undefined) return { value: flag as NonNullable<Settings[K]>, source: 'flag' };
  const variable = ENVIRONMENT[key];
  const text = variable === undefined ? undefined : env[variable];
  if (variable !== undefined && text !== undefined && text.trim() !== '') {
    return { value: checkText(key, text, { kind: 'environment', variable }), source: 'environment', from: variable };
  }
  const config = readConfig(env);
  const kept = config?.settings[key];
  if (config && kept !== undefined) return { value: kept as NonNullable<Settings[K]>, source: 'config file', from: config.file, line: config.lines[key] };
  return { ...defaultOf(key, env) } as Chosen<NonNullable<Settings[K]>>;
}

function defaultOf(key: ConfigKey, env: Env): Chosen<unknown> {
  if (key === 'db') return { value: join(dataDir(env), 'oneonone.db'), source: 'default' };
  if (key === 'language') return languageFromLocale(env);
  return { value: undefined, source: 'default' };
}

/**
 * The language oneonone speaks: ONEONONE_LANG, then the config file, then the locale (LC_ALL, LC_MESSAGES, LANG, the
 * first one set, as POSIX reads them): Spanish for es_*, else English. The catalogue of Spanish words is still to come.
 */
export function chosenLanguage(env: Env = process.env): Chosen<Language> {
  return chosenSetting('language', undefined, env);
}

/** This run's language: `--lang` (commander has checked it), else as chosenLanguage says. */
export function currentLanguage(args: readonly string[] = process.argv.slice(2)): Language {
  const flag = langFlag(args);
  return isLanguage(flag) ? flag : chosenLanguage().value ?? 'en';
}

/** The language when the config file cannot be read: --lang, ONEONONE_LANG, else the locale; the file's refusal speaks it. */
export function languageBesideConfig(args: readonly string[] = process.argv.slice(2), env: Env = process.env): Language {
  const flag = langFlag(args);
  if (isLanguage(flag)) return flag;
  const typed = env[ENVIRONMENT.language!]?.trim().toLowerCase();
  return isLanguage(typed) ? typed : languageFromLocale(env).value!;
}

function languageFromLocale(env: Env): Chosen<Language> {
  const variable = ['LC_ALL', 'LC_MESSAGES', 'LANG'].find((name) => (env[name] ?? '') !== '');
  if (variable !== undefined && /^es([_.@-]|$)/i.test(env[variable]!)) return { value: 'es', source: 'environment', from: variable };
  return { value: 'en', source: 'default' };
}

/**
 * A guide named by the environment or the config file that does not exist is refused where it was written, not as if
 * it had been typed. Other errors pass through.
 */
export function templateRefusal(chosen: Chosen<string>, error: unknown): unknown {
  const origin: Origin | undefined = chosen.source === 'config file'
    ? { kind: 'file', file: chosen.from!, line: chosen.line }
    : chosen.source === 'environment' ? { kind: 'environment', variable: chosen.from! } : undefined;
  return origin === undefined ? error : templateRefusalAt(origin, error);
}

export function templateRefusalAt(origin: Origin, error: unknown): unknown {
  const notFound = error as { code?: string; params?: { name: string; closest: string | null; names: string[] } };
  if (notFound.code !== 'templates.not-found' || !notFound.params) return error;
  const { name, closest, names } = notFound.params;
  return new ConfigRefused(origin, { kind: 'unknown-template', key: 'template', name, closest, names });
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length]!;
}

/**
 * The meeting guide and length to use: what was typed, else the environment's or the config file's, else `fallback`
 * (log's 'agenda'; start asks). A guide named in the config that does not exist is refused at its line.
 */
export function chosenGuide<T>(flag: string | undefined, find: (name: string) => T, fallback?: string): T | undefined {
  const chosen = chosenSetting('template', flag);
  const name = chosen.value ?? fallback;
  if (name === undefined) return undefined;
  try {
    return find(name);
  } catch (error) {
    throw templateRefusal(chosen, error);
  }
}

export function chosenMinutes(flag: number | undefined): number | undefined {
  return chosenSetting('minutes', flag).value;
}
