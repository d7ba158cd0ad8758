import type { Argument, Command, Option } from 'commander';
import { NOTE_TAGS, OUTCOMES } from '../meeting/tags.js';
import { RUNGS } from '../people/ladder.js';

/** What a Tab offers for one word, read from the commander program tree (src/cli.ts), so a new option needs no edit here. */
export interface Candidate {
  value: string;
  description?: string;
}

/** Values that live in the record or on disk, looked up by the command once the walk has said which are wanted. */
export type DynamicKind = 'names' | 'open-ids' | 'templates' | 'config-keys' | 'files';

export interface Wanted {
  /** What the word being completed could be, already narrowed to the ones it starts. */
  candidates: Candidate[];
  dynamic?: DynamicKind;
  /** The word being completed, quotes taken off. */
  word: string;
  /** `--db` as typed earlier on the line, which names the record the dynamic values come from. */
  db?: string;
  /** What each candidate is written after, in the same word: `--rung=` for `--rung=le`. */
  prefix?: string;
}

/** Values known without the record, for options and arguments commander gives no choices to, by their name. */
const FIXED: Record<string, readonly string[]> = { rung: RUNGS, tag: NOTE_TAGS, outcome: OUTCOMES };

/** Option values (by attribute name) and arguments (by name) that come from the record or the disk. */
const DYNAMIC: Record<string, DynamicKind> = {
  person: 'names', referredBy: 'names', referral: 'names', duplicate: 'names', into: 'names', what: 'names',
  template: 'templates', db: 'files', ics: 'files', out: 'files', file: 'files',
};

/** Arguments whose meaning depends on their command. */
const ARGUMENT_IN: Record<string, DynamicKind> = {
  'done id': 'open-ids', 'snooze id': 'open-ids', 'templates name': 'templates', 'get key': 'config-keys', 'set key': 'config-keys', 'unset key': 'config-keys',
};

/** The argument `templates [show] [name]` takes as a word. */
const LITERAL: Record<string, string> = { show: 'show' };

interface Walk {
  command: Command;
  /** Arguments given so far to `command`. */
  given: number;
  /** The option waiting for its value when the line ends. */
  pending?: Option;
  db?: string;
  ended: boolean;
}

/** `before` are the words typed after the program's name, `word` the one being completed (both as the shell read them). */
export function complete(program: Command, before: string[], typed: string): Wanted {
  const walk = walkLine(program, before);
  const word = unquote(typed);
  const wanted = (candidates: Candidate[], dynamic?: DynamicKind): Wanted => ({ candidates: startingWith(candidates, word), dynamic, word, db: walk.db });
  // bash's `--rung=`: the word being completed is the `=`, and readline puts the value after it.
  if (walk.pending && typed === '=' && before.at(-1) !== '=') return valueOf(walk.pending, (candidates, dynamic) => ({ candidates, dynamic, word: '', db: walk.db }));
  if (walk.pending) return valueOf(walk.pending, wanted);
  if (word.startsWith('-') && !walk.ended) {
    const long = /^(--[^=]+)=(.*)$/.exec(word);
    const option = long && optionsOf(walk.command).find((candidate) => candidate.long === long[1]);
    if (option && long) {
      return valueOf(option, (candidates, dynamic) => ({ candidates: startingWith(candidates, long[2]!), dynamic, word: long[2]!, db: walk.db, prefix: `${long[1]}=` }));
    }
    return wanted(optionsOf(walk.command).flatMap(optionNames));
  }
  const subcommands = walk.given === 0 ? visibleCommands(walk.command) : [];
  if (subcommands.length > 0) return wanted(subcommands.map((command) => ({ value: command.name(), description: command.description() })));
  const argument = argumentAt(walk.command, walk.given);
  return argument ? argumentValues(walk.command, argument, wanted) : wanted([]);
}

function walkLine(program: Command, words: string[]): Walk {
  const walk: Walk = { command: program, given: 0, ended: false };
  for (let at = 0; at < words.length; at++) {
    const word = unquote(words[at]!);
    walk.pending = undefined;
    if (walk.ended || !word.startsWith('-') || word === '-') {
      const sub = walk.given === 0 && !walk.ended ? findCommand(walk.command, word) : undefined;
      if (sub) walk.command = sub;
      else walk.given++;
      continue;
    }
    if (word === '--') {
      walk.ended = true;
      continue;
    }
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const option = optionsOf(walk.command).find((candidate) => candidate.long === flag || candidate.short === flag);
    if (!option || !(option.required || option.optional)) continue;
    // bash splits `--rung=leader` into `--rung`, `=`, `leader` (COMP_WORDBREAKS): the `=` only joins them.
    if (inline === undefined && words[at + 1] === '=') at++;
    const value = inline ?? (at + 1 < words.length ? unquote(words[at + 1]!) : undefined);
    if (value === undefined) walk.pending = option;
    else if (inline === undefined && !(option.optional && value.startsWith('-'))) at++;
    if (value !== undefined && option.attributeName() === 'db') walk.db = value;
  }
  return walk;
}

function valueOf(option: Option, wanted: (candidates: Candidate[], dynamic?: DynamicKind) => Wanted): Wanted {
  const name = option.attributeName();
  if (option.argChoices) return wanted(option.argChoices.map((value) => ({ value })));
  if (FIXED[name]) return wanted(FIXED[name].map((value) => ({ value })));
  return wanted([], DYNAMIC[name]);
}

function argumentValues(command: Command, argument: Argument, wanted: (candidates: Candidate[], dynamic?: DynamicKind) => Wanted): Wanted {
  const name = argument.name();
  if (argument.argChoices) return wanted(argument.argChoices.map((value) => ({ value })));
  if (LITERAL[name]) return wanted([{ value: LITERAL[name], description: argument.description }]);
  return wanted([], ARGUMENT_IN[`${command.name()} ${name}`] ?? DYNAMIC[name]);
}

/** The command's own options, then those of the commands above it (`--db` anywhere), each once. */
function optionsOf(command: Command): Option[] {
  const options: Option[] = [];
  for (let at: Command | null = command; at; at = at.parent) {
    const help = at.createHelp();
    for (const option of help.visibleOptions(at)) {
      if (at !== command && (option.long === '--help' || option.long === '--version')) continue;
      if (!options.some((known) => known.long === option.long)) options.push(option);
    }
  }
  return options;
}

function optionNames(option: Option): Candidate[] {
  return [option.long, option.short].filter((flag): flag is string => Boolean(flag)).map((value) => ({ value, description: option.description }));
}

function visibleCommands(command: Command): Command[] {
  return command.createHelp().visibleCommands(command).filter((sub) => sub.name() !== 'help' || command.commands.includes(sub));
}

function findCommand(command: Command, word: string): Command | undefined {
  return command.commands.find((sub) => sub.name() === word || sub.aliases().includes(word));
}

function argumentAt(command: Command, given: number): Argument | undefined {
  const argumentsOf = command.registeredArguments;
  const last = argumentsOf.at(-1);
  return argumentsOf[given] ?? (last?.variadic ? last : undefined);
}

function startingWith(candidates: Candidate[], word: string): Candidate[] {
  const lower = word.toLowerCase();
  return candidates.filter((candidate) => candidate.value.toLowerCase().startsWith(lower));
}

/**
 * A word as the shell read it, without the quotes or backslashes it was typed with (bash hands the word over as typed;
 * zsh and fish already without them, where this changes nothing unless the value itself holds a quote).
 */
export function unquote(word: string): string {
  let out = '';
  let quote: string | undefined;
  for (let at = 0; at < word.length; at++) {
    const char = word[at]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (quote === '"' && char === '\\' && at + 1 < word.length) out += word[++at];
      else out += char;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '\\' && at + 1 < word.length) out += word[++at];
    else out += char;
  }
  return out;
}
