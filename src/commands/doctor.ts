import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { say, type CopyKind, type Said } from '../messages/doctor.js';
import { speak } from '../messages/spoken.js';
import { errorText } from '../messages/errors.js';
import { configFile, ConfigRefused, readConfig, type LoadedConfig } from '../support/config.js';
import { keptCopies } from '../support/copies.js';
import { UserError } from '../support/errors.js';
import { nativeAddonProblem } from '../support/native-addon.js';
import { outboxPath } from '../support/outbox-path.js';
import { dataDir, databasePath } from '../support/paths.js';
import { loadTemplates, userTemplateDir } from '../support/template-files.js';
import { openAsIs, openFileStoreAsIs, peopleInCopy, recordsBeside, sqliteEngineProblem } from '../store/as-is.js';
import type { RecordAsIs } from '../store/contract-health.js';
import { isServer } from '../store/index.js';
import { shownLocation } from '../store/server-location.js';
import { renderChecks, type Check, type CheckStatus } from '../ui/doctor.js';
import { printJson, printMessage } from '../ui/output.js';
import { useColor, type GlobalOptions } from './context.js';

/** package.json's engines.node (a unit test keeps them the same). */
export const NODE_NEEDED = '20.19';

type Add = (check: string, status: CheckStatus, said: Said) => void;

/**
 * `oneonone doctor`: looks, changes nothing. The record is opened as it is (never created, upgraded or sent from), and
 * only once the SQLite engine is known to load, so doctor runs, and says so, when it does not.
 */
export async function run(options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  // A --json's texts are the same in every language, and its checks are gathered across awaits: the run says them in English.
  if (options.json) speak(undefined);
  const checks: Check[] = [];
  const add: Add = (check, status, said) => void checks.push({ check, status, ...said });
  checkNode(add);
  const engine = await checkEngine(add);
  const config = checkConfig(add);
  // A broken config file may be what names the database: then only a flag or ONEONONE_DB says where it is.
  const named = config !== undefined || globals.db !== undefined || Boolean(process.env.ONEONONE_DB?.trim());
  if (!named) add('database', 'skipped', say.databaseUnknown);
  else {
    const location = databasePath(globals.db);
    if (isServer(location)) await checkServer(location, engine, add);
    else await checkFile(location, engine, add);
  }
  checkTemplates(add);
  if (config?.settings.template !== undefined) checkConfigGuide(config, add);
  if (options.json) printJson({ ok: !checks.some(({ status }) => status === 'problem'), checks: checks.map((check) => ({ ...check, fix: check.fix ?? null })) });
  else renderChecks(checks, useColor(globals));
  const problems = checks.filter(({ status }) => status === 'problem').length;
  if (problems > 0) throw new UserError(say.problemsFound(problems, options.json === true));
  printMessage(say.allWell);
}

/** The config file, read and checked whole: undefined when it is refused. */
function checkConfig(add: Add): LoadedConfig | null | undefined {
  try {
    const config = readConfig();
    add('config', 'ok', config ? say.configAt(config.file) : say.noConfig(configFile()));
    return config;
  } catch (error) {
    if (!(error instanceof ConfigRefused)) throw error;
    add('config', 'problem', say.configRefused(error.message, error.hint));
    return undefined;
  }
}

function checkConfigGuide(config: LoadedConfig, add: Add): void {
  const name = config.settings.template!;
  if (!loadTemplates({ warn: () => undefined }).some((template) => template.name === name)) {
    add('config', 'problem', say.configGuideUnknown(name, config.file, config.lines.template));
  }
}

function checkNode(add: Add): void {
  const version = process.versions.node;
  add('node', atLeast(version, NODE_NEEDED) ? 'ok' : 'problem', (atLeast(version, NODE_NEEDED) ? say.nodeOk : say.nodeTooOld)(`v${version}`, NODE_NEEDED));
}

export function atLeast(version: string, needed: string): boolean {
  const have = version.split('.').map(Number);
  const want = needed.split('.').map(Number);
  for (let i = 0; i < want.length; i++) if ((have[i] ?? 0) !== want[i]) return (have[i] ?? 0) > want[i]!;
  return true;
}

async function checkEngine(add: Add): Promise<boolean> {
  const error = await sqliteEngineProblem();
  if (error === undefined) {
    add('sqlite-engine', 'ok', say.engineOk(process.version));
    return true;
  }
  const addon = nativeAddonProblem(error);
  add('sqlite-engine', 'problem', addon ? say.cannotUse(addon.message, addon.hint) : say.engineUnloadable(firstLine(error)));
  return false;
}

async function checkFile(path: string, engine: boolean, add: Add): Promise<void> {
  if (existsSync(path) && !statSync(path).isFile()) return add('database', 'problem', say.notAFile(path));
  const there = existsSync(path) && statSync(path).size > 0;
  add('database', 'ok', there ? say.databaseAt(path) : say.noDatabaseYet(path));
  checkModes(dirname(path), there ? [path] : [], add);
  if (!there) return;
  if (!engine) {
    for (const check of ['schema', 'integrity', 'copies'] as const) add(check, 'skipped', say.needsEngine(check));
    return;
  }
  await checkRecord(() => openAsIs(path), path, add);
  await checkCopies(path, add);
}

/** The folder 0700; the file, and its -wal and -shm when there, 0600 and this user's. */
function checkModes(folder: string, files: string[], add: Add): void {
  if (existsSync(folder)) {
    const bits = statSync(folder).mode & 0o777;
    add('folder', bits & 0o077 ? 'problem' : 'ok', bits & 0o077 ? say.folderOpen(folder, bits) : say.folderPrivate(folder));
  }
  const present = files.flatMap((file) => [file, `${file}-wal`, `${file}-shm`]).filter((file) => existsSync(file));
  if (present.length === 0) return;
  const me = process.getuid?.();
  const others = present.filter((file) => me !== undefined && statSync(file).uid !== me);
  const open = present.filter((file) => statSync(file).mode & 0o077);
  for (const file of others) add('file-mode', 'problem', say.someoneElses(file, statSync(file).uid));
  for (const file of open) add('file-mode', 'problem', say.fileOpen(file, statSync(file).mode));
  if (open.length === 0 && others.length === 0) add('file-mode', 'ok', say.filesPrivate(present.map((file) => basename(file))));
}

async function checkRecord(open: () => Promise<RecordAsIs | undefined>, where: string, add: Add, server = false): Promise<void> {
  let record: RecordAsIs | undefined;
  try {
    record = await open();
  } catch (error) {
    add(server ? 'server' : 'schema', 'problem', problemOf(error));
    if (server) add('schema', 'skipped', say.SCHEMA_UNREACHED);
    return;
  }
  if (!record) return;
  try {
    if (server) add('server', 'ok', say.serverAnswers(where));
    const schema = await record.health.schema();
    if (schema.foreign) return add('schema', 'problem', say.notOurs(where, schema.foreign));
    if (schema.found === null) add('schema', 'ok', say.schemaEmpty);
    else if (schema.newer || schema.found > schema.expected) add('schema', 'problem', say.schemaNewer(schema.found, schema.expected, server));
    else if (schema.found < schema.expected) add('schema', 'problem', say.schemaBehind(schema.found, schema.expected, server));
    else add('schema', 'ok', say.schemaCurrent(schema.found));
    if (server) return;
    const found = await record.health.integrity();
    add('integrity', found.length > 0 ? 'problem' : 'ok', found.length > 0 ? say.damaged(found) : say.integrityOk);
  } catch (error) {
    add(server ? 'schema' : 'integrity', 'problem', server ? problemOf(error) : say.damaged([firstLine(error)]));
  } finally {
    await record.close();
  }
}

/**
 * The copies oneonone kept beside the database (copies.ts) and any other oneonone database in its folder (a backup
 * saved there): each is read as a backup is, and named if it holds anyone.
 */
async function checkCopies(path: string, add: Add): Promise<void> {
  const kept = keptCopies(path);
  const copies = [...new Set([...kept.filter((file) => !/-(wal|journal)$/.test(file) || !kept.includes(file.replace(/-(wal|journal)$/, ''))), ...(await recordsBeside(path))])].sort();
  let named = false;
  for (const copy of copies) {
    const kind = copyKind(path, copy);
    const beside = [`${copy}-wal`, `${copy}-shm`, `${copy}-journal`].filter((file) => existsSync(file));
    try {
      const people = await peopleInCopy(copy);
      if (people === 0) continue;
      add('copies', 'problem', say.copyHolds(copy, kind, people, beside));
    } catch (error) {
      add('copies', 'problem', say.copyUnreadable(copy, kind, oneLine(error)));
    }
    named = true;
  }
  if (!named) add('copies', 'ok', say.noCopiesHold);
}

function copyKind(database: string, copy: string): CopyKind {
  const name = basename(copy);
  if (name.startsWith(`.${basename(database)}.restoring-`)) return 'restoring';
  if (name.startsWith(`${basename(database)}.before-restore-`)) return 'restore';
  return name.startsWith(`${basename(database)}.before-`) ? 'upgrade' : 'beside';
}

async function checkServer(url: string, engine: boolean, add: Add): Promise<void> {
  const where = shownLocation(url);
  add('database', 'ok', say.databaseAt(where));
  await checkRecord(() => openAsIs(url), where, add, true);
  await checkOutbox(outboxPath(url), engine, add);
}

/** What waits on this computer for the server (commands/outbox.ts), read without sending it. */
async function checkOutbox(file: string, engine: boolean, add: Add): Promise<void> {
  if (!existsSync(file)) return add('outbox', 'ok', say.nothingWaits);
  checkModes(dataDir(), [file], add);
  if (!engine) return add('outbox', 'skipped', say.needsEngine('outbox'));
  try {
    const { waitingMeetings } = await import('./outbox.js');
    const outbox = await openFileStoreAsIs(file);
    try {
      const waiting = (await waitingMeetings(outbox)).length;
      add('outbox', waiting > 0 ? 'problem' : 'ok', waiting > 0 ? say.meetingsWait(waiting) : say.nothingWaits);
    } finally {
      await outbox.close();
    }
  } catch (error) {
    add('outbox', 'problem', say.outboxUnreadable(file, firstLine(error)));
  }
}

function checkTemplates(add: Add): void {
  const skipped: string[] = [];
  try {
    const templates = loadTemplates({ warn: (text) => skipped.push(text) });
    for (const text of skipped) add('templates', 'problem', say.templateSkipped(text));
    add('templates', 'ok', say.templatesLoad(templates.length, templates.filter(({ source }) => source === 'user').length, userTemplateDir()));
  } catch (error) {
    add('templates', 'problem', say.templatesUnloadable(firstLine(error)));
  }
}

function problemOf(error: unknown): Said {
  if (error instanceof UserError) {
    const { message, hint } = errorText(error);
    return say.cannotUse(message, hint);
  }
  return say.cannotUse(firstLine(error));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}
