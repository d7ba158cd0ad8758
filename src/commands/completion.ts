import type { Command } from 'commander';
import type { Shell } from '../messages/completion.js';
import type { Candidate, Wanted } from '../support/completion.js';
import { EXIT } from '../support/errors.js';
import type { GlobalOptions } from './context.js';

/** At most this many names or ids a Tab: enough to pick from, few enough that a shell lists them without asking. */
const MOST = 50;
/** A server that does not answer within this is not waited for: the Tab offers nothing. */
const SERVER_WAIT_MS = 1500;

export async function run(shell: Shell, _program: Command, _globals: GlobalOptions): Promise<void> {
  (await import('../ui/completion.js')).printCompletionScript(shell);
}

/**
 * One Tab: `words` is the line after the program's name, the word being completed last. Whatever goes wrong (a broken
 * database, a server away), nothing is printed and the exit is quiet: a Tab must never write into the prompt.
 */
export async function runComplete(words: string[], program: Command, globals: GlobalOptions): Promise<void> {
  // Modules are loaded side by side, not one after another: a Tab is mostly the loading of code.
  const [{ complete }, { printCandidates }] = await Promise.all([import('../support/completion.js'), import('../ui/completion.js')]);
  const wanted = complete(program, words.slice(0, -1), words.at(-1) ?? '');
  let candidates = wanted.candidates;
  try {
    if (wanted.dynamic && wanted.dynamic !== 'files') candidates = [...candidates, ...(await fromRecord(wanted, globals))];
  } catch {
    return;
  }
  printCandidates(candidates, wanted.dynamic === 'files');
}

async function fromRecord(wanted: Wanted, globals: GlobalOptions): Promise<Candidate[]> {
  if (wanted.dynamic === 'templates') return templates(wanted.word);
  if (wanted.dynamic === 'config-keys') return configKeys(wanted.word);
  const [{ databasePath }, { openCompletion }, { isServer }, { homedir }] = await Promise.all([
    import('../support/paths.js'), import('../store/contract-completion.js'), import('../store/index.js'), import('node:os'),
  ]);
  // Typed on the line, `~` is still the shell's to expand: the command it completes will get the home folder.
  const typed = wanted.db?.replace(/^~(?=\/|$)/, homedir());
  const location = databasePath(typed ?? globals.db);
  // The connection would keep the process (and so the shell) waiting, so a silent server ends it.
  if (isServer(location)) setTimeout(() => process.exit(EXIT.ok), SERVER_WAIT_MS).unref();
  const words = wanted.dynamic === 'names' ? import('../people/names.js') : Promise.all([import('../messages/completion.js'), import('../support/completion-ids.js')]);
  const completion = await openCompletion(location);
  if (!completion) return [];
  try {
    await words;
    return wanted.dynamic === 'names' ? await names(completion, wanted.word) : await openIds(completion, wanted.word);
  } finally {
    await completion.close();
  }
}

type Completion = import('../store/contract-completion.js').CompletionReadModel;

async function names(completion: Completion, word: string): Promise<Candidate[]> {
  if (word.startsWith('#')) return [];
  const { nameKey } = await import('../people/names.js');
  return (await completion.names(nameKey(word), MOST)).map((value) => ({ value }));
}

async function openIds(completion: Completion, word: string): Promise<Candidate[]> {
  const { openIdWords } = await import('../messages/completion.js');
  const { ID_LETTERS } = await import('../support/completion-ids.js');
  const kindOf = (id: string) => ID_LETTERS.find(([, letter]) => letter === id[0])![0];
  return (await completion.openIds(word, MOST)).map(({ id, person }) => ({ value: id, description: openIdWords(kindOf(id), person) }));
}

async function templates(word: string): Promise<Candidate[]> {
  const { loadTemplates } = await import('../support/template-files.js');
  const lower = word.toLowerCase();
  return loadTemplates({ warn: () => undefined })
    .filter((template) => template.name.startsWith(lower))
    .map((template) => ({ value: template.name, description: template.title }));
}

async function configKeys(word: string): Promise<Candidate[]> {
  const { CONFIG_KEYS } = await import('../support/config.js');
  return CONFIG_KEYS.filter((key) => key.startsWith(word.toLowerCase())).map((value) => ({ value }));
}
