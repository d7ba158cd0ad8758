import type { EventEmitter } from 'node:events';
import { Help, type Argument, type Command, type Option } from 'commander';
import { currentLanguage } from './config.js';

/** One command's help in another language; what it leaves out stays as src/cli.ts wrote it. */
export interface CommandHelpWords {
  description: string;
  /** What the parent's list of commands says instead of the description, when src/cli.ts gives one. */
  summary?: string;
  /** By the argument's name (`person` for `<person>`). */
  arguments?: Record<string, string>;
  /** By the option's long flag (`--ask-due`, `--no-color`). */
  options?: Record<string, string>;
  /** What addHelpText puts after the help (the examples), in place of the English. */
  after?: string;
}

/** commander's own words around ours: the headings, its help option and command, "(default: …)". */
export interface HelpChrome {
  titles: Record<string, string>;
  helpOption: string;
  helpCommand: string;
  extras: Record<'choices' | 'default' | 'preset' | 'env', string>;
}

export interface HelpWords {
  chrome: HelpChrome;
  /** By the command's path of names ('' for the program, 'team words add'). */
  commands: Record<string, CommandHelpWords>;
}

/** The parts of commander's Command this needs that its types keep private. */
interface HelpParts {
  _getHelpOption(): Option | null;
  _getHelpCommand(): Command | null;
}

/**
 * Before commander parses (src/cli.ts's main()): in Spanish every command's help is said in Spanish. A language that
 * cannot be decided (a config file that cannot be read) leaves the help in English, as messages/speak.ts does.
 */
export async function helpInChosenLanguage(program: Command): Promise<void> {
  let language;
  try {
    language = currentLanguage();
  } catch {
    return;
  }
  if (language === 'es') speakHelp(program, (await import('../messages/es/help.js')).HELP_ES);
}

/** Puts `words` on every command of the tree; what they do not name (the hidden __complete) keeps its English. */
export function speakHelp(program: Command, words: HelpWords): void {
  const walk = (command: Command, path: string[]) => {
    const own = words.commands[path.join(' ')];
    if (own) sayCommand(command, own);
    sayChrome(command, words.chrome);
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
}

function sayCommand(command: Command, own: CommandHelpWords): void {
  command.description(own.description);
  if (own.summary !== undefined) command.summary(own.summary);
  for (const argument of command.registeredArguments) argument.description = own.arguments?.[argument.name()] ?? argument.description;
  for (const option of command.options) option.description = (option.long && own.options?.[option.long]) || option.description;
  if (own.after !== undefined) {
    (command as unknown as EventEmitter).removeAllListeners('afterHelp');
    command.addHelpText('after', own.after);
  }
}

function sayChrome(command: Command, chrome: HelpChrome): void {
  const parts = command as unknown as HelpParts;
  const helpOption = parts._getHelpOption();
  if (helpOption) helpOption.description = chrome.helpOption;
  parts._getHelpCommand()?.description(chrome.helpCommand);
  command.configureHelp({
    ...command.configureHelp(),
    styleTitle: (title: string) => chrome.titles[title] ?? title,
    optionDescription(this: Help, option: Option) {
      return withExtras(Help.prototype.optionDescription.call(this, option), option.description, chrome);
    },
    argumentDescription(this: Help, argument: Argument) {
      return withExtras(Help.prototype.argumentDescription.call(this, argument), argument.description, chrome);
    },
  });
}

/** What commander puts after a description, "(choices: …, default: …)", in the chrome's words. */
function withExtras(described: string, own: string, chrome: HelpChrome): string {
  const extras = described.slice(own.length);
  return own + extras.replace(/(\(|, )(choices|default|preset|env): /g, (_, lead: string, word: keyof HelpChrome['extras']) => `${lead}${chrome.extras[word]}: `);
}
