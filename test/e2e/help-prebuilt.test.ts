import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { V8_FLAGS } from '../../src/entry/code-cache.js';
import { BIN, ROOT, runBin, type RunResult } from './helpers.js';
import { driveTerminal } from './pty.js';

// --help is printed from text the build made (dist/help.json, src/entry/help.ts) without loading commander; these
// compare it, for every command, with commander's own rendering (ONEONONE_HELP_FROM=commander, which only tests set).

const PRELOAD = pathToFileURL(join(ROOT, 'test', 'support', 'loaded-modules.mjs')).href;
const COMMANDER = { ONEONONE_HELP_FROM: 'commander' };

let scratch: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'oneonone-help-'));
  env = { PATH: process.env.PATH, HOME: scratch, LANG: 'C.UTF-8', XDG_DATA_HOME: join(scratch, 'data'), XDG_CONFIG_HOME: join(scratch, 'config') };
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (args: string[], extra: NodeJS.ProcessEnv = {}): RunResult => runBin(args, { env: { ...env, ...extra } });

/** The commands a help lists under "Commands:" (the implicit `help` left out), read from commander's own text. */
function subcommandsIn(help: string): string[] {
  const section = help.split('\nCommands:\n')[1];
  if (!section) return [];
  return section
    .split('\n\n')[0]!
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.trim().split(/\s/)[0]!)
    .filter((name) => name !== 'help');
}

let walked: string[][] | undefined;

/** Every command's path, found by walking commander's help from the top, so a command the build left out is missed here. */
function everyCommand(): string[][] {
  if (walked) return walked;
  const found: string[][] = [];
  const walk = (path: string[]) => {
    found.push(path);
    const help = run([...path, '--help'], COMMANDER);
    expect(help.code, help.stderr).toBe(0);
    for (const name of subcommandsIn(help.stdout)) walk([...path, name]);
  };
  walk([]);
  walked = found;
  return found;
}

/**
 * What a command writes in a real terminal of this many columns. The shell waits a moment after it, keeping the
 * terminal open: a pseudo-terminal whose last process has exited can lose what was still unread.
 */
async function inTerminal(args: string[], cols: number, extra: NodeJS.ProcessEnv = {}): Promise<{ code: number; screen: string }> {
  const script = `"$0" "$@"; code=$?; sleep 0.3; exit $code`;
  return driveTerminal('/bin/sh', ['-c', script, process.execPath, BIN, ...args], { env: { ...env, TERM: 'xterm-256color', ...extra }, steps: [], cols, timeoutMs: 20_000 });
}

describe('help printed from the build', () => {
  let commands: string[][];
  beforeAll(() => {
    commands = everyCommand();
  }, 120_000);

  it('covers every command commander lists, and nothing else', () => {
    const book = JSON.parse(readFileSync(join(ROOT, 'dist', 'help.json'), 'utf8')) as { commands: Record<string, unknown> };
    expect(commands.length).toBeGreaterThan(40);
    expect(Object.keys(book.commands).sort()).toEqual(commands.map((path) => path.join(' ')).sort());
  });

  it('is byte for byte commander\'s, at 80 columns (not a terminal), for every command, with --help and -h', () => {
    for (const path of commands) {
      for (const flag of ['--help', '-h']) {
        const ours = run([...path, flag]);
        expect({ path, flag, ...ours }).toEqual({ path, flag, ...run([...path, flag], COMMANDER) });
        expect(ours.code).toBe(0);
        expect(ours.stdout).toMatch(/^Usage: oneonone /);
      }
    }
  }, 240_000);

  it('is commander\'s for `help` and `help COMMAND`, and for the version', () => {
    const tops = commands.filter((path) => path.length === 1);
    for (const args of [['help'], ...tops.map((path) => ['help', ...path]), ['-V'], ['--version']]) {
      expect({ args, ...run(args) }).toEqual({ args, ...run(args, COMMANDER) });
    }
    expect(run(['--version']).stdout).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  }, 120_000);

  for (const cols of [40, 120]) {
    it(`is wrapped as commander wraps it in a terminal of ${cols} columns, for every command`, async () => {
      for (const path of commands) {
        const [ours, theirs] = await Promise.all([inTerminal([...path, '--help'], cols), inTerminal([...path, '--help'], cols, COMMANDER)]);
        expect({ path, ...ours }).toEqual({ path, ...theirs });
      }
      // The width is the terminal's: the program's help is laid out differently from the 80 columns of a pipe.
      const top = await inTerminal(['--help'], cols);
      const lines = top.screen.split('\r\n');
      expect(top.screen.replaceAll('\r\n', '\n')).not.toBe(run(['--help']).stdout);
      if (cols === 120) expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(80);
      // At 40 the description is wrapped to the width; the items are not (commander leaves them whole when under 40
      // columns would be left for their words).
      const description = lines.slice(2, lines.indexOf('', 2));
      if (cols === 40) expect(description.length > 1 && description.every((line) => line.length <= 40)).toBe(true);
    }, 240_000);
  }

  it('loads neither commander nor any command: only the entry', () => {
    for (const args of [['--help'], ['team', 'words', 'add', '--help'], ['help', 'log'], ['--version']]) {
      const list = join(scratch, `loaded-${args.join('-')}.txt`);
      const result = run(args, { NODE_OPTIONS: `--import=${PRELOAD}`, ONEONONE_LOADED_MODULES: list });
      expect(result.code).toBe(0);
      const ours = [...new Set(readFileSync(list, 'utf8').split('\n'))]
        .filter((url) => url.startsWith('file:'))
        .map((url) => fileURLToPath(url))
        .filter((file) => file.startsWith(join(ROOT, 'dist')));
      expect({ args, ours }).toEqual({ args, ours: [join(ROOT, 'dist', 'main.cjs')] });
    }
  });

  it('leaves to commander what is not only a request for help: an option before it, a value that takes it, an unknown command', () => {
    for (const args of [['--no-color', '--help'], ['log', '--note', '--help'], ['nosuch', '--help'], ['team', 'nosuch', '--help'], ['help', 'nosuch']]) {
      expect({ args, ...run(args) }).toEqual({ args, ...run(args, COMMANDER) });
    }
  });
});

// The same in Spanish (dist/help-es.json), against commander's own help of a Spanish run (src/support/help-language.ts).
describe('help printed from the build, in Spanish', () => {
  const SPANISH = { LANG: 'es_MX.UTF-8' };
  const spanish = (extra: NodeJS.ProcessEnv = {}) => ({ ...SPANISH, ...extra });
  let commands: string[][];
  beforeAll(() => {
    commands = everyCommand();
  }, 120_000);

  it('has a book of its own for every command of the English one, and it is Spanish', () => {
    const book = (name: string) => JSON.parse(readFileSync(join(ROOT, 'dist', name), 'utf8')) as { commands: Record<string, { body: string }> };
    const [english, es] = [book('help.json'), book('help-es.json')];
    expect(Object.keys(es.commands).sort()).toEqual(Object.keys(english.commands).sort());
    for (const [path, help] of Object.entries(es.commands)) expect({ path, usage: help.body.slice(0, 4) }).toEqual({ path, usage: 'Uso:' });
  });

  it('is byte for byte commander\'s Spanish, at 80 columns (not a terminal), for every command, with --help and -h', () => {
    for (const path of commands) {
      for (const flag of ['--help', '-h']) {
        const ours = run([...path, flag], spanish());
        expect({ path, flag, ...ours }).toEqual({ path, flag, ...run([...path, flag], spanish(COMMANDER)) });
        expect(ours.stdout).toMatch(/^Uso: oneonone /);
      }
    }
  }, 240_000);

  it('is commander\'s for `help` and `help COMMAND`, and with --lang es or ONEONONE_LANG=es in the C locale', () => {
    const tops = commands.filter((path) => path.length === 1);
    for (const args of [['help'], ...tops.map((path) => ['help', ...path])]) {
      expect({ args, ...run(args, spanish()) }).toEqual({ args, ...run(args, spanish(COMMANDER)) });
    }
    for (const args of [['--lang', 'es', 'log', '--help'], ['--lang=es', 'team', 'words', '--help'], ['log', '--lang', 'es', '-h'], ['--lang', 'es', 'help', 'start']]) {
      expect({ args, ...run(args) }).toEqual({ args, ...run(args, COMMANDER) });
      expect(run(args).stdout).toMatch(/^Uso: oneonone /);
    }
    expect(run(['team', '--help'], { ONEONONE_LANG: 'es' })).toEqual(run(['team', '--help'], spanish()));
  }, 120_000);

  for (const cols of [40, 120]) {
    it(`is wrapped as commander wraps it in a terminal of ${cols} columns, for every command`, async () => {
      for (const path of commands) {
        const [ours, theirs] = await Promise.all([inTerminal([...path, '--help'], cols, spanish()), inTerminal([...path, '--help'], cols, spanish(COMMANDER))]);
        expect({ path, ...ours }).toEqual({ path, ...theirs });
        expect(ours.screen).toMatch(/^Uso: oneonone /);
      }
    }, 240_000);
  }

  it('loads neither commander nor any command: only the entry', () => {
    for (const [args, extra] of [[['--help'], SPANISH], [['--lang', 'es', 'team', 'words', 'add', '--help'], {}], [['help', 'log'], { ONEONONE_LANG: 'es' }]] as const) {
      const list = join(scratch, `loaded-es-${args.join('-')}.txt`);
      const result = run([...args], { ...extra, NODE_OPTIONS: `--import=${PRELOAD}`, ONEONONE_LOADED_MODULES: list });
      expect(result.stdout).toMatch(/^Uso: oneonone /);
      const ours = [...new Set(readFileSync(list, 'utf8').split('\n'))]
        .filter((url) => url.startsWith('file:'))
        .map((url) => fileURLToPath(url))
        .filter((file) => file.startsWith(join(ROOT, 'dist')));
      expect({ args, ours }).toEqual({ args, ours: [join(ROOT, 'dist', 'main.cjs')] });
    }
  });
});

// followups, show, people and leaders on a plain command line run without commander (src/entry/dispatch.ts): the
// same output, messages and exit codes as through src/cli.ts (ONEONONE_DISPATCH=commander, which only tests set).
describe('the commands run without commander', () => {
  const DISPATCH = { ONEONONE_DISPATCH: 'commander' };
  let db: string;
  beforeAll(() => {
    db = join(scratch, 'record.db');
    for (const args of [
      ['log', 'Ana Ruiz', '--value', 'family', '--ask', 'come to the tenant meeting', '--ask-due', 'tomorrow 7pm', '--outcome', 'yes', '--rung', 'volunteer', '--potential', '4', '--followup', 'tomorrow', '--followup-note', 'call'],
      ['log', 'Ben Ode', '--date', '90 days ago', '--note', 'met at the bus stop'],
    ]) {
      const logged = run(['--db', db, ...args]);
      expect(logged.code, logged.stderr).toBe(0);
    }
  });

  const lines = [
    ['followups'], ['followups', '--json'], ['followups', '--all', '--json'], ['followups', '--overdue'], ['followups', '--person', 'Ben Ode'],
    ['followups', '--team'], ['followups', '--organizer', 'Ana Ruiz'],
    ['show', 'ana'], ['show', '#1', '--json'], ['show', 'nobody'], ['show', '#999'], ['show', 'ana', 'ben'], ['show'],
    ['people'], ['people', '--json'], ['people', '--rung', 'volunteer'], ['people', '--rung', 'bogus'], ['people', 'extra'],
    ['leaders'], ['leaders', '--json', '--rung', 'volunteer'], ['--no-color', 'leaders'], ['people', '--no-color', '--json'],
    ['people', '--stale', '60'], ['people', '--stale=60'], ['people', '--', '--json'], ['people', '--jsn'],
  ];
  for (const words of lines) {
    it(`oneonone ${words.join(' ')}: as through commander`, () => {
      const args = ['--db', db, ...words];
      expect(run(args)).toEqual(run(args, DISPATCH));
    });
  }

  it('the same for a database that is not there, and one that cannot be', () => {
    for (const args of [['people', '--db', join(scratch, 'none', 'x.db')], ['show', 'ana', '--db', scratch], ['followups', '--json', '--db', scratch]]) {
      const ours = run(args);
      expect({ args, ...ours }).toEqual({ args, ...run(args, DISPATCH) });
    }
  });

  it('the same in a terminal, in colour', async () => {
    for (const words of [['people'], ['followups'], ['show', 'ana']]) {
      const [ours, theirs] = await Promise.all([inTerminal(['--db', db, ...words], 100), inTerminal(['--db', db, ...words], 100, DISPATCH)]);
      expect({ words, ...ours }).toEqual({ words, ...theirs });
      expect(ours.screen).toContain('\u001b[');
    }
  });

  it('loads the command without src/cli.ts and commander; anything else loads them', () => {
    const loaded = (args: string[]) => {
      const list = join(scratch, `loaded-${Math.random().toString(36).slice(2)}.txt`);
      expect(run(['--db', db, ...args], { NODE_OPTIONS: `--import=${PRELOAD}`, ONEONONE_LOADED_MODULES: list }).code).toBe(0);
      return readFileSync(list, 'utf8').split('\n').filter((url) => /\/dist\/cli-[A-Z0-9]+\.cjs$/.test(url)).length;
    };
    expect(loaded(['followups', '--json'])).toBe(0);
    expect(loaded(['show', 'ana', '--json'])).toBe(0);
    expect(loaded(['people', '--stale', '60'])).toBe(1);
  });
});

describe('the code cache made at build', () => {
  it('is there for every chunk followups --json and show load, and this Node takes it', () => {
    // With the flags every run sets before compiling: V8 takes a cache only with the flags it was made with.
    setFlagsFromString(V8_FLAGS);
    const db = join(scratch, 'cache.db');
    expect(run(['--db', db, 'log', 'Ana Ruiz']).code).toBe(0);
    for (const args of [['followups', '--json'], ['show', 'ana', '--json']]) {
      const list = join(scratch, `loaded-cache-${args[0]}.txt`);
      expect(run(['--db', db, ...args], { NODE_OPTIONS: `--import=${PRELOAD}`, ONEONONE_LOADED_MODULES: list }).code).toBe(0);
      const chunks = [...new Set(readFileSync(list, 'utf8').split('\n'))]
        .filter((url) => /\/dist\/[\w.-]+-[A-Z0-9]{8}\.cjs$/.test(url))
        .map((url) => fileURLToPath(url));
      expect(chunks.length).toBeGreaterThan(10);
      const refused = chunks.filter((file) => {
        if (!existsSync(`${file}.v8`)) return true;
        const wrap = (Module as unknown as { wrap(source: string): string }).wrap;
        return new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(`${file}.v8`) }).cachedDataRejected;
      });
      expect({ args, refused }).toEqual({ args, refused: [] });
    }
  });
});
