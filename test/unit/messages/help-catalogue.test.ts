import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP_ES } from '../../../src/messages/es/help.js';

// Every command's help has its Spanish in src/messages/es/help.ts: these walk the tree src/cli.ts builds (as the
// build and the man page do, scripts/build-man.mjs) and fail on a command, argument, option or example without it.

/** Words written the same in both languages, allowed as a whole text. */
const SAME_IN_BOTH = new Set(['JSON', 'CSV']);

type LoadProgram = (options?: { language?: string }) => Promise<{ program: Command }>;
const loadProgram = async (language: string): Promise<Command> => {
  const { loadProgram: load } = (await import('../../../scripts/build-man.mjs' as string)) as { loadProgram: LoadProgram };
  return (await load({ language })).program;
};

interface Visible {
  path: string;
  command: Command;
}

/** Every command that prints help (the hidden __complete has none), by its path of names. */
function commandsOf(program: Command): Visible[] {
  const found: Visible[] = [];
  const walk = (command: Command, path: string[]) => {
    if ((command as unknown as { _hidden: boolean })._hidden) return;
    found.push({ path: path.join(' '), command });
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return found;
}

function afterText(command: Command): string {
  let text = '';
  (command as unknown as NodeJS.EventEmitter).emit('afterHelp', { error: false, command, write: (chunk: string) => (text += chunk) });
  return text;
}

const examples = (text: string) => text.split('\n').filter((line) => /^\s+\$ /.test(line)).length;

function translated(english: string, spanish: string | undefined): boolean {
  return spanish !== undefined && spanish.trim() !== '' && (spanish !== english || SAME_IN_BOTH.has(english));
}

describe('the Spanish help catalogue', () => {
  let english: Visible[];
  beforeAll(async () => {
    english = commandsOf(await loadProgram('en'));
  }, 60_000);

  it('has Spanish for every command, argument, option and example block, not the English again', () => {
    expect(english.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const { path, command } of english) {
      const own = HELP_ES.commands[path];
      const name = path === '' ? 'the program' : `"${path}"`;
      if (!translated(command.description(), own?.description)) missing.push(`${name}: its description`);
      if (command.summary() && !translated(command.summary(), own?.summary)) missing.push(`${name}: its summary`);
      for (const argument of command.registeredArguments) {
        if (argument.description && !translated(argument.description, own?.arguments?.[argument.name()])) missing.push(`${name}: the argument <${argument.name()}>`);
      }
      for (const option of command.options) {
        if (!translated(option.description, option.long ? own?.options?.[option.long] : undefined)) missing.push(`${name}: the option ${option.long ?? option.flags}`);
      }
      const after = afterText(command);
      if (after !== '' && !translated(after, own?.after)) missing.push(`${name}: the text after its help (the examples)`);
      if (after !== '' && own?.after !== undefined && examples(own.after) !== examples(after)) {
        missing.push(`${name}: ${examples(after)} examples in English, ${examples(own.after)} in Spanish`);
      }
    }
    expect(missing, 'add these to src/messages/es/help.ts').toEqual([]);
  });

  it('names no command, argument or option that is no longer there', () => {
    const byPath = new Map(english.map(({ path, command }) => [path, command]));
    const stale: string[] = [];
    for (const [path, own] of Object.entries(HELP_ES.commands)) {
      const command = byPath.get(path);
      if (!command) {
        stale.push(`"${path}": no such command`);
        continue;
      }
      if (own.summary !== undefined && !command.summary()) stale.push(`"${path}": no summary in English`);
      for (const name of Object.keys(own.arguments ?? {})) {
        if (!command.registeredArguments.some((argument) => argument.name() === name)) stale.push(`"${path}": no argument <${name}>`);
      }
      for (const flag of Object.keys(own.options ?? {})) {
        if (!command.options.some((option) => option.long === flag)) stale.push(`"${path}": no option ${flag}`);
      }
      if (own.after !== undefined && afterText(command) === '') stale.push(`"${path}": no text after its help in English`);
    }
    expect(stale, 'take these out of src/messages/es/help.ts').toEqual([]);
  });

  it('leaves none of commander\'s English in the help of a run in Spanish', async () => {
    const spanish = commandsOf(await loadProgram('es'));
    expect(spanish.map(({ path }) => path)).toEqual(english.map(({ path }) => path));
    const left: string[] = [];
    for (const { path, command } of spanish) {
      const help = command.helpInformation() + afterText(command);
      const english = /^(Usage|Arguments|Options|Global Options|Commands|Examples?):/m.exec(help) ?? /display help|\((default|choices|preset|env): /.exec(help);
      if (english) left.push(`"${path}": ${english[0]}`);
      if (!help.startsWith('Uso: oneonone')) left.push(`"${path}": no "Uso:"`);
    }
    expect(left).toEqual([]);
    const log = spanish.find(({ path }) => path === 'log')!.command;
    expect(log.helpInformation()).toContain('\nOpciones:\n');
    const goal = log.options.find((option) => option.long === '--goal')!;
    expect(log.createHelp().optionDescription(goal)).toBe('para qué fue la reunión (opciones: "recruitment", "maintenance", "escalation", por omisión: "recruitment")');
    expect(spanish[0]!.command.helpInformation()).toMatch(/Comandos:\n[^]*help \[command\] +muestra la ayuda de un comando/);
  }, 60_000);
});
