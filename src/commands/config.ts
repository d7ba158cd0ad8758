import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { configWords, unknownKeyOnCommandLine } from '../messages/config.js';
import { DEFAULT_CADENCE, type CadenceDays } from '../people/cadence.js';
import { isServer } from '../store/index.js';
import {
  cadenceDays, cadenceMapping, checkText, chosenLanguage, chosenSetting, closestKey, CONFIG_KEYS, configDocument,
  configFile, forgetConfig, knownKey, parseConfig, readConfig, readConfigText, templateRefusal, templateRefusalAt, type Chosen, type ConfigKey,
  type Settings,
} from '../support/config.js';
import { UsageError, UserError } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { writePrivateFile } from '../support/private-file.js';
import { yaml } from '../support/yaml.js';
import { renderSettings, settingsJson, valueText, type SettingRow } from '../ui/config.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { storeFor, useColor, type GlobalOptions } from './context.js';
import { cadenceAndSource } from './followups.js';

/** `oneonone config list`: every setting, the value in force and where it comes from. */
export async function runList(options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  const config = readConfig();
  const rows: SettingRow[] = [];
  for (const key of CONFIG_KEYS) rows.push(withoutPassword(await rowFor(key, globals)));
  if (options.json) return printJson(settingsJson(rows));
  printData(renderSettings(rows, useColor(globals)));
  for (const note of notesFor(rows, config !== null, globals)) printMessage(note);
}

/** `oneonone config get KEY`: the value alone on stdout, for a script; nothing when the setting has no value. */
export async function runGet(key: string, globals: GlobalOptions): Promise<void> {
  const row = await rowFor(keyOrRefuse(key), globals);
  const words = configWords();
  if (row.value === null) return printMessage(words.notSet(row.key, words.defaultMeanings[row.key] ?? words.noValue));
  printData(valueText(row.value));
}

/** `oneonone config set KEY VALUE`: checked as the file would be, then written privately, the organizer's comments kept. */
export async function runSet(key: string, text: string, globals: GlobalOptions): Promise<void> {
  const known = keyOrRefuse(key);
  const value = checkText(known, text, { kind: 'command line' });
  if (known === 'template') await refuseUnknownTemplate(value as string);
  const file = configFile();
  const { document, map } = documentOf(file);
  const written = known === 'cadence' ? cadenceMapping(value as NonNullable<Settings['cadence']>) : value;
  const { isScalar } = yaml();
  const existing = map?.get(known, true);
  if (isScalar(existing) && typeof written !== 'object') existing.value = written;
  else document.set(known, document.createNode(written));
  const newText = document.toString();
  parseConfig(newText, file);
  writeConfig(file, newText);
  printMessage(configWords().saved(known, shownValue(known, value), file));
  for (const note of await notesAfterSet(known, globals)) printMessage(note);
}

/** `oneonone config unset KEY`: out of the file; also takes out a key oneonone does not know, so a mistake can be undone. */
export async function runUnset(key: string, _globals: GlobalOptions): Promise<void> {
  const file = configFile();
  const known = knownKey(key);
  if (!existsSync(file)) {
    if (known === undefined) throw refusedKey(key);
    return printMessage(configWords().unset(key, file, false));
  }
  const { document, map } = documentOf(file);
  if (!map?.has(key)) {
    if (known === undefined) throw refusedKey(key);
    return printMessage(configWords().unset(key, file, false));
  }
  document.delete(key);
  writeConfig(file, map.items.length === 0 ? commentsOnly(document) : document.toString());
  printMessage(configWords().unset(key, file, true));
}

async function rowFor(key: ConfigKey, globals: GlobalOptions): Promise<SettingRow> {
  if (key === 'cadence') return cadenceRow(globals);
  const chosen: Chosen<unknown> = key === 'language' ? chosenLanguage() : chosenSetting(key, key === 'db' ? globals.db || undefined : undefined);
  if (key === 'template' && chosen.value !== undefined) await checkTemplate(chosen as Chosen<string>);
  const value = key === 'db' ? databasePath(globals.db) : (chosen.value as string | number | undefined) ?? null;
  return { key, value, source: chosen.source, from: chosen.from ?? null, line: chosen.line ?? null };
}

/** The cadence in force: the database's own when it has one (read without sending what waits in an outbox). */
async function cadenceRow(globals: GlobalOptions): Promise<SettingRow> {
  const configured = chosenSetting('cadence', undefined);
  const kept = await databaseCadence(globals);
  if (kept) return { key: 'cadence', value: kept, source: 'database', from: databasePath(globals.db), line: null };
  const value = configured.value ? cadenceDays(configured.value) : DEFAULT_CADENCE;
  return { key: 'cadence', value, source: configured.source, from: configured.from ?? null, line: configured.line ?? null };
}

/** A database that cannot be read now (a server out of reach) does not stop the list: the note says so. */
async function databaseCadence(globals: GlobalOptions): Promise<CadenceDays | undefined> {
  try {
    const store = await storeFor(globals, 'read', { send: false });
    try {
      const { cadence, source } = await cadenceAndSource(store.settings);
      return source === 'database' ? cadence : undefined;
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    printMessage(configWords().cadenceUnread(error.message));
    return undefined;
  }
}

/** A list is read over a shoulder or pasted into a chat: a server URL's password stays out of it (get prints it whole). */
function withoutPassword(row: SettingRow): SettingRow {
  if (row.key !== 'db' || typeof row.value !== 'string') return row;
  return { ...row, value: row.value.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@') };
}

function notesFor(rows: SettingRow[], hasFile: boolean, globals: GlobalOptions): string[] {
  const words = configWords();
  const notes: string[] = [];
  if (!hasFile) notes.push(words.noFileYet(configFile()));
  if (rows.find((row) => row.key === 'language')?.value === 'es') notes.push(words.spanishNotYet);
  if (isServer(databasePath(globals.db)) && rows.find((row) => row.key === 'weekly-goal')?.value !== null) notes.push(words.serverGoalNote);
  const cadence = rows.find((row) => row.key === 'cadence');
  if (cadence?.source === 'database' && readConfig()?.settings.cadence) notes.push(words.cadenceInDatabase);
  return notes;
}

async function notesAfterSet(key: ConfigKey, globals: GlobalOptions): Promise<string[]> {
  forgetConfig();
  const words = configWords();
  const notes: string[] = [];
  const row = await rowFor(key, globals);
  if (row.source === 'database') notes.push(words.cadenceInDatabase);
  else if (row.source !== 'config file') notes.push(words.shadowed(key, row.source, row.from ?? undefined));
  if (key === 'language' && row.value === 'es') notes.push(words.spanishNotYet);
  if (key === 'weekly-goal' && isServer(databasePath(globals.db))) notes.push(words.serverGoalNote);
  return notes;
}

function keyOrRefuse(key: string): ConfigKey {
  const known = knownKey(key);
  if (known === undefined) throw refusedKey(key);
  return known;
}

function refusedKey(key: string): UsageError {
  const { message, hint } = unknownKeyOnCommandLine(key, closestKey(key), CONFIG_KEYS);
  return new UsageError(message, hint);
}

async function refuseUnknownTemplate(name: string): Promise<void> {
  const { findTemplate } = await import('../support/template-files.js');
  try {
    findTemplate(name);
  } catch (error) {
    throw templateRefusalAt({ kind: 'command line' }, error);
  }
}

async function checkTemplate(chosen: Chosen<string>): Promise<void> {
  const { findTemplate } = await import('../support/template-files.js');
  try {
    findTemplate(chosen.value!);
  } catch (error) {
    throw templateRefusal(chosen, error);
  }
}

function documentOf(file: string) {
  const { isMap, isScalar, parseDocument } = yaml();
  const { document } = existsSync(file) ? configDocument(readConfigText(file), file) : { document: parseDocument('') };
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { document, map: undefined };
  // The file must hold settings before one is added; parseConfig says which line is wrong.
  if (!isMap(contents)) parseConfig(readConfigText(file), file);
  return { document, map: isMap(contents) ? contents : undefined };
}

/** An emptied file keeps the comments written at its top rather than becoming "{}". */
function commentsOnly(document: { commentBefore?: string | null; contents: unknown }): string {
  const before = document.commentBefore ?? (document.contents as { commentBefore?: string | null } | null)?.commentBefore;
  return before ? `${before.split('\n').map((line) => `#${line}`).join('\n')}\n` : '';
}

function writeConfig(file: string, text: string): void {
  const folder = dirname(file);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  writePrivateFile(file, text);
  forgetConfig();
}

function shownValue(key: ConfigKey, value: unknown): string {
  if (key === 'cadence') return Object.entries(cadenceMapping(value as NonNullable<Settings['cadence']>)).map(([rung, days]) => `${rung}=${days}`).join(',');
  return String(value);
}
