/**
 * Shell completion, tried in the shells themselves: bash (the completion function called as readline would, and a
 * real interactive bash in a terminal), zsh (compinit and the script from fpath, in a terminal) and fish (`complete -C`,
 * the script autoloaded from its completions folder, and in a terminal). What a Tab offers comes from the built binary's
 * `__complete`, reading the sandbox's record.
 */
import { spawn } from '@lydell/node-pty';
import { Command, Option } from 'commander';
import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_PREFIX } from '../../src/people/agenda.js';
import { APPLICATION_ID } from '../../src/store/sqlite/db.js';
import { OUR_APPLICATION_ID } from '../../src/store/sqlite/completion.js';
import { ID_LETTERS } from '../../src/support/completion-ids.js';
import { complete } from '../../src/support/completion.js';
import { freshDatabase, psql } from '../support/postgres.js';
import { BIN, sandbox, type Sandbox } from './helpers.js';
import { driveTerminal, type PtyStep } from './pty.js';

let box: Sandbox;
let env: NodeJS.ProcessEnv;
const scripts: Record<'bash' | 'zsh' | 'fish', string> = { bash: '', zsh: '', fish: '' };

beforeAll(() => {
  box = sandbox();
  const bin = join(box.dir, 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'oneonone'));
  env = { ...box.env, PATH: `${bin}:${process.env.PATH}`, TERM: 'xterm-256color', HISTFILE: '/dev/null' };
  for (const args of [
    ['log', 'Ana Ruiz', '--followup', 'tomorrow 9am'],
    ['log', "José O'Brien", '--ask', 'come to the vigil', '--outcome', 'yes'],
    ['log', 'Rosa Ruiz'],
  ]) expect(box.run(args).code, args.join(' ')).toBe(0);
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const printed = box.run(['completion', shell]);
    expect(printed.code).toBe(0);
    scripts[shell] = printed.stdout;
  }
});
afterAll(() => box.cleanup());

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The words of a line as bash splits them (each as typed, quotes kept), the last the one being completed. */
function bashTab(words: string[], after = 'printf "%s\\n" "${COMPREPLY[@]}"'): string[] {
  const file = join(box.dir, 'oneonone.bash');
  writeFileSync(file, scripts.bash);
  const line = words.join(' ');
  const script = [
    `source ${quote(file)}`,
    `COMP_WORDS=(${words.map(quote).join(' ')}); COMP_CWORD=${words.length - 1}; COMP_LINE=${quote(line)}; COMP_POINT=${line.length}`,
    '_oneonone_complete',
    after,
  ].join('\n');
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { env, encoding: 'utf8', timeout: 20_000 });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

function fishTab(line: string): string[] {
  const result = spawnSync('fish', ['--no-config', '-c', `source ${quote(join(box.dir, 'oneonone.fish'))}; complete -C ${quote(line)}`], { env, encoding: 'utf8', timeout: 20_000 });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

/** A real interactive shell in a terminal: type each step's keys once the screen so far shows its text. */
async function inTerminal(command: string, args: string[], steps: PtyStep[], timeoutMs = 25_000): Promise<string> {
  return (await driveTerminal(command, args, { env, steps, timeoutMs, cols: 120, cwd: box.dir })).screen;
}

/** Without the terminal's colour and cursor codes. */
const plain = (screen: string) => screen.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]|\x07/g, '');

describe('oneonone completion', () => {
  it('prints a script each shell reads without complaint, saying where to put it', () => {
    for (const [shell, check] of [['bash', ['-n']], ['zsh', ['-n']], ['fish', ['--no-execute']]] as const) {
      const file = join(box.dir, `syntax.${shell}`);
      writeFileSync(file, scripts[shell]);
      const result = spawnSync(shell, [...check, file], { encoding: 'utf8' });
      expect(result.status, `${shell}: ${result.stderr}`).toBe(0);
      expect(scripts[shell]).toMatch(/^(#compdef oneonone\n)?# oneonone completion for \w+\. To install it:/);
    }
    expect(scripts.fish).toContain('~/.config/fish/completions/oneonone.fish');
  });

  it('refuses another shell in one line with a hint, exit 2', () => {
    const result = box.run(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^oneonone: .*tcsh.*\nhint: /);
  });
});

describe('bash', () => {
  it('registers its function for oneonone', () => {
    expect(bashTab(['oneonone', ''], 'complete -p oneonone')).toEqual(['complete -o nosort -F _oneonone_complete oneonone']);
  });

  it('completes commands, subcommands, options and choices', () => {
    expect(bashTab(['oneonone', 'sta'])).toEqual(['start', 'stats']);
    expect(bashTab(['oneonone', 'team', 'words', 'r'])).toEqual(['remove']);
    expect(bashTab(['oneonone', 'config', ''])).toEqual(['list', 'get', 'set', 'unset']);
    expect(bashTab(['oneonone', 'config', 'set', 'm'])).toEqual(['minutes']);
    expect(bashTab(['oneonone', 'config', 'get', ''])).toEqual(['db', 'language', 'template', 'minutes', 'cadence', 'weekly-goal', 'count-questions']);
    expect(bashTab(['oneonone', 'show', '--j'])).toEqual(['--json']);
    expect(bashTab(['oneonone', 'start', '--g'])).toEqual(['--goal']);
    expect(bashTab(['oneonone', 'start', '--goal', ''])).toEqual(['recruitment', 'maintenance', 'escalation']);
    expect(bashTab(['oneonone', 'log', 'Ana', '--rung', 'vo'])).toEqual(['volunteer']);
    // bash hands `--rung=vo` over as three words, and `--rung=` as two, the `=` being completed (readline writes after it).
    expect(bashTab(['oneonone', 'log', 'Ana', '--rung', '=', 'vo'])).toEqual(['volunteer']);
    expect(bashTab(['oneonone', 'log', 'Ana', '--rung', '=']).slice(0, 2)).toEqual(['contact', 'supporter']);
    expect(bashTab(['oneonone', 'start', '--goal', '=', 'recruitment', 'an'])).toEqual(['Ana\\ Ruiz']);
    expect(bashTab(['oneonone', 'search', 'rent', '--tag', 'l'])).toEqual(['lead-in']);
    expect(bashTab(['oneonone', 'log', 'Ana', '--outcome', ''])).toEqual(['yes', 'maybe', 'no']);
    expect(bashTab(['oneonone', 'export', 'f'])).toEqual(['followups']);
    expect(bashTab(['oneonone', 'team', 'add', 'Ana', '--role', 'd'])).toEqual(['director']);
    expect(bashTab(['oneonone', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashTab(['oneonone', 'start', '--template', ''])).toEqual(expect.arrayContaining(['agenda']));
    expect(bashTab(['oneonone', 'templates', 'show', 'ag'])).toEqual(['agenda']);
  });

  it("completes a person's name by any word, escaped so that it stays one argument", () => {
    expect(bashTab(['oneonone', 'show', 'an'])).toEqual(['Ana\\ Ruiz']);
    expect(bashTab(['oneonone', 'show', 'RUI'])).toEqual(['Ana\\ Ruiz', 'Rosa\\ Ruiz']);
    expect(bashTab(['oneonone', 'merge', 'Ana\\ Ruiz', 'ros'])).toEqual(['Rosa\\ Ruiz']);
    const oneArgument = 'for reply in "${COMPREPLY[@]}"; do eval "set -- $reply"; printf "%s:%s\\n" "$#" "$1"; done';
    expect(bashTab(['oneonone', 'show', 'jos'], oneArgument)).toEqual(["1:José O'Brien"]);
    // Opened with a quote, the name is left for readline to close the quote after it.
    expect(bashTab(['oneonone', 'show', '"jose o'])).toEqual(["José O'Brien"]);
    expect(bashTab(['oneonone', 'log', 'Ben', '--referred-by', 'ana'])).toEqual(['Ana\\ Ruiz']);
  });

  it('completes the ids followups shows, and files where a file is asked for', () => {
    const ids = bashTab(['oneonone', 'done', '']);
    expect(ids.slice(0, 2)).toEqual(['F1', 'A1']);
    expect(ids).toEqual(expect.arrayContaining(['C1', 'C2', 'C3']));
    expect(bashTab(['oneonone', 'snooze', 'a'])).toEqual(['A1']);
    writeFileSync(join(box.dir, 'sign-in-sheet.csv'), 'name\n');
    expect(bashTab(['oneonone', 'import', join(box.dir, 'sign-in')])).toEqual([join(box.dir, 'sign-in-sheet.csv')]);
  });

  it('offers nothing where nothing fits', () => {
    expect(bashTab(['oneonone', 'show', 'nobody'])).toEqual([]);
    expect(bashTab(['oneonone', 'log', 'Ana', '--minutes', ''])).toEqual([]);
  });

  it('in a terminal, a Tab writes the name escaped and the command gets it as one argument', async () => {
    writeFileSync(join(box.dir, 'oneonone.bash'), scripts.bash);
    const screen = plain(await inTerminal('bash', ['--norc', '--noprofile'], [
      { waitFor: '', send: "PS1='READY> '; source oneonone.bash\r" },
      { waitFor: 'READY> ', send: 'oneonone show jos\t' },
      { waitFor: "José\\ O\\'Brien", send: '\r' },
      { waitFor: 'READY> ', send: 'oneonone show "ana r\t' },
      // readline writes over what was typed after the quote, and closes it.
      { waitFor: 'Ana Ruiz" ', send: '\r' },
      { waitFor: 'READY> ', send: 'exit\r' },
    ]));
    expect(screen).toMatch(/José O'Brien \(#\d+\) — contact/);
    expect(screen).toMatch(/Ana Ruiz \(#\d+\) — contact/);
    expect(screen).not.toContain('oneonone:');
  }, 30_000);
});

describe('zsh', () => {
  it('eval-ed after compinit, as the script\'s header says, registers its function for oneonone', () => {
    const script = `autoload -Uz compinit; compinit -u -d ${quote(join(box.dir, 'zcompdump-eval'))}; eval "$(oneonone completion zsh)"; print -r -- $_comps[oneonone]`;
    const result = spawnSync('zsh', ['-f', '-c', script], { env, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('_oneonone\n');
  });

  it('from fpath with compinit, completes a command, an option, a rung and a name quoted as one argument', async () => {
    const functions = join(box.dir, 'zfunc');
    mkdirSync(functions, { recursive: true });
    writeFileSync(join(functions, '_oneonone'), scripts.zsh);
    const setup = `fpath=(${functions} $fpath); autoload -Uz compinit; compinit -u -d ${join(box.dir, 'zcompdump')}; PS1='READY> '\r`;
    const screen = plain(await inTerminal('zsh', ['-f'], [
      { waitFor: '', send: setup },
      { waitFor: 'READY> ', send: 'oneonone sta\t\t' },
      { waitFor: 'stats', send: '\x15oneonone show --j\t' },
      { waitFor: '--json', send: '\x15oneonone log Ana --rung vo\t' },
      { waitFor: 'volunteer', send: '\x15oneonone done A\t' },
      { waitFor: 'A1', send: '\x15oneonone show RU\t' },
      // Two names that do not start as typed: listed, and what was typed stays.
      { waitFor: 'Rosa Ruiz', send: '\x15oneonone show jos\t' },
      // zle redraws the line around the é, so only the rest is checked here; the command's answer shows the whole.
      { waitFor: "\\ O\\'Brien", send: '\r' },
      { waitFor: 'READY> ', send: 'exit\r' },
    ]));
    expect(screen).toContain('start');
    expect(screen).toMatch(/José O'Brien \(#\d+\) — contact/);
    expect(screen).not.toContain('oneonone:');
  }, 30_000);
});

describe('fish', () => {
  it('completes commands, options, rungs, names and ids with their descriptions', () => {
    writeFileSync(join(box.dir, 'oneonone.fish'), scripts.fish);
    expect(fishTab('oneonone sta').map((line) => line.split('\t')[0])).toEqual(['start', 'stats']);
    expect(fishTab('oneonone show --j')).toEqual(['--json\tprint as JSON']);
    expect(fishTab('oneonone log Ana --rung vol')).toEqual(['volunteer']);
    expect(fishTab('oneonone show ana')).toEqual(['Ana Ruiz']);
    expect(fishTab('oneonone show ruiz')).toEqual(['Ana Ruiz', 'Rosa Ruiz']);
    expect(fishTab('oneonone done a')).toEqual(["A1\task check-in with José O'Brien"]);
    expect(fishTab('oneonone log Ana --rung=vo')).toEqual(['--rung=volunteer']);
    expect(fishTab('oneonone log Ben --referred-by=ros')).toEqual(['--referred-by=Rosa Ruiz']);
  });

  it('is found in ~/.config/fish/completions and, in a terminal, inserts the name escaped as one argument', async () => {
    const folder = join(box.env.XDG_CONFIG_HOME!, 'fish', 'completions');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'oneonone.fish'), scripts.fish);
    const autoloaded = spawnSync('fish', ['-c', 'complete -C "oneonone team w"'], { env, encoding: 'utf8' });
    expect(autoloaded.stdout.split('\n')[0]).toMatch(/^week\t|^words\t/);
    const screen = plain(await inTerminal('fish', ['--no-config'], [
      { waitFor: '', send: `function fish_prompt; echo -n 'READY> '; end; source ${quote(join(folder, 'oneonone.fish'))}\r` },
      { waitFor: 'READY> ', send: 'oneonone show jos\t' },
      { waitFor: "O\\'Brien", send: '\r' },
      { waitFor: '— contact', send: 'exit\r' },
    ]));
    expect(screen).toMatch(/José O'Brien \(#\d+\) — contact/);
    expect(screen).not.toContain('oneonone:');
  }, 30_000);
});

describe('__complete, what every script asks at a Tab', () => {
  it('offers nothing and creates nothing when there is no database', () => {
    const missing = join(box.dir, 'nowhere', 'oneonone.db');
    for (const words of [['show', 'a'], ['done', '']]) {
      const result = box.run(['__complete', '--', '--db', missing, ...words]);
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    expect(existsSync(join(box.dir, 'nowhere'))).toBe(false);
  });

  it('prints nothing and exits quietly when the database is broken or not ours', () => {
    const broken = join(box.dir, 'broken.db');
    writeFileSync(broken, 'this is not a database, just words '.repeat(200));
    const folder = join(box.dir, 'a-folder.db');
    mkdirSync(folder);
    for (const db of [broken, folder]) {
      for (const words of [['show', 'a'], ['done', 'F']]) {
        expect(box.run(['__complete', '--', '--db', db, ...words])).toEqual({ code: 0, stdout: '', stderr: '' });
      }
    }
    expect(readdirSync(box.dir).filter((name) => name.startsWith('broken.db'))).toEqual(['broken.db']);
  });

  it('reads the database named by --db on the line being completed', () => {
    const other = sandbox();
    try {
      expect(other.run(['log', 'Zoe Park']).code).toBe(0);
      expect(box.run(['__complete', '--', '--db', other.db, 'show', 'zo']).stdout).toBe('Zoe Park\n');
      expect(box.run(['__complete', '--', 'show', 'zo']).stdout).toBe('');
    } finally {
      other.cleanup();
    }
  });
});

describe.runIf(process.env.ONEONONE_TEST_PG)('__complete on a team server', () => {
  it('offers the names and ids the server holds, through its engine', () => {
    const url = freshDatabase(process.env.ONEONONE_TEST_PG!, 'completion');
    try {
      expect(box.run(['--db', url, 'log', 'Marta Ñúñez', '--followup', 'tomorrow']).code).toBe(0);
      expect(box.run(['__complete', '--', '--db', url, 'show', 'nun']).stdout).toBe('Marta Ñúñez\n');
      expect(box.run(['__complete', '--', '--db', url, 'done', 'f']).stdout).toBe('F1\tfollow-up with Marta Ñúñez\n');
    } finally {
      psql(process.env.ONEONONE_TEST_PG!, `DROP DATABASE IF EXISTS ${/\/([^/?]+)\?/.exec(url)![1]} WITH (FORCE)`);
    }
  });

  it('offers nothing, quietly, when the server cannot be reached', () => {
    const started = Date.now();
    const result = box.run(['__complete', '--', '--db', 'postgres://nobody@127.0.0.1:1/none', 'show', 'a']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up on a server that takes the connection and never answers, after a moment and quietly', async () => {
    // The kernel completes the connection while this process waits in spawnSync; nothing ever answers it.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const started = Date.now();
      const result = box.run(['__complete', '--', '--db', `postgres://nobody@127.0.0.1:${port}/none`, 'show', 'a']);
      const waited = Date.now() - started;
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(waited).toBeGreaterThanOrEqual(1_400);
      expect(waited).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });
});

describe('the walk over the commander tree', () => {
  it('completes an option, its choices and a subcommand it has never been told about', () => {
    const program = new Command('oneonone');
    program.command('plan').addOption(new Option('--mood <mood>', 'how it went').choices(['calm', 'tense'])).option('--rung <rung>', 'a rung');
    program.command('outreach').command('canvass').description('knock on doors');
    expect(complete(program, ['plan'], '--m').candidates).toEqual([{ value: '--mood', description: 'how it went' }]);
    expect(complete(program, ['plan', '--mood'], '').candidates.map(({ value }) => value)).toEqual(['calm', 'tense']);
    expect(complete(program, ['plan', '--rung'], 'le').candidates.map(({ value }) => value)).toEqual(['leader']);
    expect(complete(program, ['outreach'], '').candidates).toEqual([{ value: 'canvass', description: 'knock on doors' }]);
    expect(complete(program, ['plan'], '--mood=t')).toMatchObject({ candidates: [{ value: 'tense' }], prefix: '--mood=' });
  });

  it('keeps the id letters and the file marker of the engine as their sources have them', () => {
    expect(Object.fromEntries(ID_LETTERS)).toEqual(KIND_PREFIX);
    expect(OUR_APPLICATION_ID).toBe(APPLICATION_ID);
  });
});
