import type { Command } from 'commander';
import type { Shell } from '../messages/completion.js';
import type { CompletionReadModel } from '../store/contract-completion.js';
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
 * database, a server away, a fault of ours), nothing is printed and the exit is quiet: a Tab must never write into
 * the prompt.
 */
export async function runComplete(words: string[], program: Command, globals: GlobalOptions): Promise<void> {
  try {
    // Modules are loaded side by side, not one after another: a Tab is mostly the loading of code.
    const [{ complete }, { printCandidates }] = await Promise.all([import('../support/completion.js'), import('../ui/completion.js')]);
    const wanted = complete(program, words.slice(0, -1), words.at(-1) ?? '');
    const found = wanted.dynamic && wanted.dynamic !== 'files' ? await fromRecord(wanted, globals) : [];
    const prefix = wanted.prefix ?? '';
    printCandidates([...wanted.candidates, ...found].map((candidate) => ({ ...candidate, value: prefix + candidate.value })), wanted.dynamic === 'files');
  } catch {
    // quiet, as above
  }
}

type LookUp = (completion: CompletionReadModel, word: string) => Promise<Candidate[]>;

async function fromRecord(wanted: Wanted, globals: GlobalOptions): Promise<Candidate[]> {
  if (wanted.dynamic === 'templates') return templates(wanted.word);
  if (wanted.dynamic === 'config-keys') return configKeys(wanted.word);
  const [{ databasePath }, { openCompletion }, { isServer }, { homedir }, lookUp] = await Promise.all([
    import('../support/paths.js'), import('../store/as-is.js'), import('../store/index.js'), import('node:os'),
    wanted.dynamic === 'names' ? namesLookUp() : openIdsLookUp(),
  ]);
  // Typed on the line, `~` is still the shell's to expand: the command it completes will get the home folder.
  const typed = wanted.db?.replace(/^~(?=\/|$)/, homedir());
  const location = databasePath(typed ?? globals.db);
  // The connection would keep the process (and so the shell) waiting, so a silent server ends it.
  if (isServer(location)) setTimeout(() => process.exit(EXIT.ok), SERVER_WAIT_MS).unref();
  const completion = await openCompletion(location);
  if (!completion) return [];
  try {
    return await lookUp(completion, wanted.word);
  } finally {
    await completion.close();
  }
}

async function namesLookUp(): Promise<LookUp> {
  const { nameKey } = await import('../people/names.js');
  return async (completion, word) => (word.startsWith('#') ? [] : (await completion.names(nameKey(word), MOST)).map((value) => ({ value })));
}

async function openIdsLookUp(): Promise<LookUp> {
  const [{ openIdWords }, { ID_LETTERS }] = await Promise.all([import('../messages/completion.js'), import('../support/completion-ids.js')]);
  const kindOf = (id: string) => ID_LETTERS.find(([, letter]) => letter === id[0])![0];
  return async (completion, word) => (await completion.openIds(word, MOST)).map(({ id, person }) => ({ value: id, description: openIdWords(kindOf(id), person) }));
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
