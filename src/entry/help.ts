// --help printed from text made at build (dist/help.json; dist/help-es.json in Spanish), so asking for help loads neither commander nor the
// commands. The build records commander's own formatHelp for every command, with each width-dependent piece (an item,
// a wrapped description) left as a slot; the slots are filled here for the terminal's width exactly as commander's
// Help.formatItem and Help.boxWrap fill them (commander 14, lib/help.js). test/e2e/help-prebuilt.test.ts compares the
// two for every command at 40, 80 and 120 columns.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isLanguage, langFlag, type Language } from '../support/language.js';

/** A width-dependent piece of one command's help: a term and its description, or a description wrapped to the width. */
export type HelpSlot = { term: string; termWidth: number; description: string } | { wrap: string };

export interface CommandHelp {
  /** What addHelpText put before the help (beforeAll and before), as written. */
  before: string;
  /** commander's formatHelp output with each slot as \u0000index\u0000. */
  body: string;
  slots: HelpSlot[];
  /** What addHelpText put after the help (after and afterAll). */
  after: string;
}

export interface HelpBook {
  version: string;
  /** Every command that has a help option, by its path of names joined with spaces ('' for the program). */
  commands: Record<string, CommandHelp>;
}

const MIN_WIDTH_TO_WRAP = 40;
const ITEM_INDENT = 2;
const SPACER_WIDTH = 2;

function displayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[\d*(;\d*)*m/g, '').length;
}

function boxWrap(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const wrapped: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(/[\s]*[^\s]+/g);
    if (chunks === null) {
      wrapped.push('');
      continue;
    }
    let sum = [chunks.shift()!];
    let sumWidth = displayWidth(sum[0]!);
    for (const chunk of chunks) {
      const visible = displayWidth(chunk);
      if (sumWidth + visible <= width) {
        sum.push(chunk);
        sumWidth += visible;
        continue;
      }
      wrapped.push(sum.join(''));
      const next = chunk.trimStart();
      sum = [next];
      sumWidth = displayWidth(next);
    }
    wrapped.push(sum.join(''));
  }
  return wrapped.join('\n');
}

function formatItem(term: string, termWidth: number, description: string, helpWidth: number): string {
  const indent = ' '.repeat(ITEM_INDENT);
  if (!description) return indent + term;
  const padded = term.padEnd(termWidth + term.length - displayWidth(term));
  const remaining = helpWidth - termWidth - SPACER_WIDTH - ITEM_INDENT;
  const formatted =
    remaining < MIN_WIDTH_TO_WRAP || /\n[^\S\r\n]/.test(description)
      ? description
      : boxWrap(description, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + SPACER_WIDTH)}`);
  return indent + padded + ' '.repeat(SPACER_WIDTH) + formatted.replace(/\n/g, `\n${indent}`);
}

/** One command's help as commander writes it to a terminal of `helpWidth` columns (80 when not a terminal). */
export function renderHelp(help: CommandHelp, helpWidth: number): string {
  const body = help.body.replace(/\u0000(\d+)\u0000/g, (_, index: string) => {
    const slot = help.slots[Number(index)]!;
    return 'wrap' in slot ? boxWrap(slot.wrap, helpWidth) : formatItem(slot.term, slot.termWidth, slot.description, helpWidth);
  });
  return help.before + body + help.after;
}

/**
 * Which command's help the arguments ask for, when they ask only that: `--help`, `-h`, `help`, `help <command>`,
 * `<command...> --help`. Anything else (an option before --help, a value that might take --help as its own) is left
 * to commander, which prints the same text.
 */
export function helpAsked(args: string[], book: HelpBook): string | undefined {
  const last = args.at(-1);
  if (args[0] === 'help' && args.length <= 2) {
    const name = args[1] ?? '';
    return name === 'help' || name.includes(' ') || !(name in book.commands) ? undefined : name;
  }
  if (last !== '--help' && last !== '-h') return undefined;
  const path = args.slice(0, -1);
  if (path.some((word) => word.startsWith('-') || word === 'help' || word.includes(' '))) return undefined;
  const key = path.join(' ');
  return key in book.commands ? key : undefined;
}

type Env = Record<string, string | undefined>;

/**
 * The run's language as currentLanguage() (src/support/config.ts) decides it, read here without loading it: --lang,
 * ONEONONE_LANG, the config file's `language: es` written plainly, the locale. A config file that names a language in
 * any other way is left to commander (undefined), which reads the file whole.
 */
export function helpLanguage(args: readonly string[], env: Env): Language | undefined {
  const flag = langFlag(args);
  if (isLanguage(flag)) return flag;
  const variable = env.ONEONONE_LANG?.trim().toLowerCase() ?? '';
  // A variable that is not a language is refused where the run reads it, and the help stays English.
  if (variable !== '') return isLanguage(variable) ? variable : 'en';
  let text: string | undefined;
  try {
    // As configDir() in src/support/paths.ts, which would bring the whole config reader with it.
    text = readFileSync(join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'oneonone', 'config.yaml'), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return 'en';
  }
  if (text !== undefined && text.includes('language')) {
    const plain = /^language:[ \t]*(["']?)(en|es)\1[ \t]*(#.*)?$/m.exec(text);
    return plain ? (plain[2] as Language) : undefined;
  }
  const locale = ['LC_ALL', 'LC_MESSAGES', 'LANG'].map((name) => env[name] ?? '').find((value) => value !== '');
  return locale !== undefined && /^es([_.@-]|$)/i.test(locale) ? 'es' : 'en';
}

/** The command line without a `--lang en|es` (or `--lang=es`) in it: which help it asks for is the same. */
export function withoutLang(args: readonly string[]): string[] {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  const at = args.slice(0, end).findIndex((word) => word === '--lang' || word.startsWith('--lang='));
  if (at === -1) return [...args];
  const joined = args[at]!.startsWith('--lang=');
  const value = joined ? args[at]!.slice('--lang='.length) : args[at + 1];
  return isLanguage(value) ? [...args.slice(0, at), ...args.slice(at + (joined ? 1 : 2))] : [...args];
}
