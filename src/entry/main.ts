// The program's entry (dist/main.cjs, required by bin/oneonone.js), in CommonJS: Node's ES-module loader costs far
// more to start than require(). Help and the version are printed from what the build wrote, without commander;
// everything else loads the bundle (src/cli.ts, every command) through V8's code cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useCodeCache } from './code-cache.js';
import { helpAsked, renderHelp, type HelpBook } from './help.js';

/** Put in by the build: the bundle of src/cli.ts, and the help text file. */
declare const CLI_BUNDLE: string;
declare const HELP_BOOK: string;

function printedFromBuild(args: string[]): boolean {
  // For test/e2e/help-prebuilt.test.ts only: commander's own help, to compare with.
  if (process.env.ONEONONE_HELP_FROM === 'commander') return false;
  const version = args.length === 1 && (args[0] === '-V' || args[0] === '--version');
  if (!version && args.at(-1) !== '--help' && args.at(-1) !== '-h' && args[0] !== 'help') return false;
  let book: HelpBook;
  try {
    book = JSON.parse(readFileSync(join(__dirname, HELP_BOOK), 'utf8')) as HelpBook;
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
  // As src/cli.ts: a reader who closes the pipe early (`oneonone --help | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  process.stdout.write(text);
  return true;
}

if (!printedFromBuild(process.argv.slice(2))) {
  useCodeCache(__dirname, process.env.ONEONONE_CODE_CACHE_TRAIN === '1');
  require(CLI_BUNDLE);
}
