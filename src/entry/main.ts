// The program's entry (dist/main.cjs, required by bin/oneonone.js), in CommonJS: Node's ES-module loader costs far
// more to start than require(). Help and the version are printed from what the build wrote, without commander; the
// most used commands on a plain command line run their module directly (dispatch.ts); everything else loads the
// bundle of src/cli.ts. Every chunk is compiled through V8's code cache (code-cache.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCodeCache, V8_FLAGS } from './code-cache.js';
import { plainCommandLine, type Dispatch, type DispatchTable } from './dispatch.js';
import { helpAsked, helpLanguage, renderHelp, withoutLang, type HelpBook } from './help.js';
import type { Language } from '../support/language.js';

/** Put in by the build: the bundle of src/cli.ts, the help text file of each language, and the commands run without commander. */
declare const CLI_BUNDLE: string;
declare const HELP_BOOKS: Record<Language, string>;
declare const DISPATCH: DispatchTable;

function printedFromBuild(words: string[]): boolean {
  // For test/e2e/help-prebuilt.test.ts only: commander's own help, to compare with.
  if (process.env.ONEONONE_HELP_FROM === 'commander') return false;
  const args = withoutLang(words);
  const version = args.length === 1 && (args[0] === '-V' || args[0] === '--version');
  if (!version && args.at(-1) !== '--help' && args.at(-1) !== '-h' && args[0] !== 'help') return false;
  const language = helpLanguage(words, process.env);
  if (language === undefined) return false;
  let book: HelpBook;
  try {
    book = JSON.parse(readFileSync(join(__dirname, HELP_BOOKS[language]), 'utf8')) as HelpBook;
  } catch {
    return false;
  }
  let text: string;
  if (version) {
    text = `${book.version}\n`;
  } else {
    const command = helpAsked(args, book);
    if (command === undefined) return false;
    text = renderHelp(book.commands[command]!, (process.stdout.isTTY ? process.stdout.columns : undefined) ?? 80);
  }
  quietOnClosedPipe();
  process.stdout.write(text);
  return true;
}

/** As src/cli.ts: a reader who closes the pipe early (`oneonone people | head`) is not an error. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

/** A chunk beside this file, loaded as `await import()` loads it in the bundle: in a promise. */
function load(chunk: string): Promise<unknown> {
  return Promise.resolve().then(() => module.require(join(__dirname, chunk)));
}

/** As src/cli.ts's action and main(): the command's module, its run(), and an error made an exit code the same way. */
async function runPlain({ rule, args, options, globals }: Dispatch): Promise<void> {
  quietOnClosedPipe();
  try {
    await ((await load(DISPATCH.speak)) as { speakChosenLanguage(): Promise<void> }).speakChosenLanguage();
    const command = (await load(rule.chunk)) as Record<string, (...args: unknown[]) => Promise<void>>;
    await command[rule.run]!(...args, options, globals);
  } catch (error) {
    const { nativeAddonProblem } = (await load(DISPATCH.nativeAddon)) as { nativeAddonProblem(error: unknown): unknown };
    const { reportError } = (await load(DISPATCH.errors)) as { reportError(error: unknown): number };
    process.exitCode = await reportError(nativeAddonProblem(error) ?? error);
  }
}

const words = process.argv.slice(2);
if (!printedFromBuild(words)) {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(V8_FLAGS);
  useCodeCache(__dirname, process.env.ONEONONE_CODE_CACHE_TRAIN === '1');
  // For tests that compare the two: ONEONONE_DISPATCH=commander runs every command through src/cli.ts.
  const plain = process.env.ONEONONE_DISPATCH === 'commander' ? undefined : plainCommandLine(words, DISPATCH);
  if (plain) void runPlain(plain);
  else require(CLI_BUNDLE);
}
