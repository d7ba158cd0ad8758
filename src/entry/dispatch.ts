// The commands an organizer runs most, run without commander when their command line is plain: each word a known
// option of the program or the command (a flag, or an option and its value as the next word), or an argument. The
// build reads what to accept from src/cli.ts's own commander tree (scripts/build.mjs, dispatchTable), and takes a
// command only when its action is the usual one, `const { run } = await import('./commands/x.js'); await run(...,
// options, globals(command))`. Anything else — help, a mistake, `--x=1`, `--`, an option with its own parser or
// choices — is commander's, which says the same things it always has.

export interface OptionRule {
  flags: string[];
  /** Where its value goes in the options object (commander's attribute name). */
  key: string;
  /** A flag (true), `--no-x` (false), or an option that takes the next word as its value. */
  kind: 'flag' | 'negate' | 'value';
}

export interface CommandRule {
  /** The chunk of src/commands/<name>.ts and the function the action calls. */
  chunk: string;
  run: string;
  requiredArguments: number;
  arguments: number;
  options: OptionRule[];
}

export interface DispatchTable {
  program: OptionRule[];
  /** What the program's options start as (commander's defaults, e.g. color: true for --no-color). */
  programDefaults: Record<string, unknown>;
  commands: Record<string, CommandRule>;
  /** The chunks that report an error as src/cli.ts's exitCodeFor does. */
  nativeAddon: string;
  errors: string;
  /** The chunk that loads the run's language before the command (src/messages/speak.ts). */
  speak: string;
}

export interface Dispatch {
  rule: CommandRule;
  args: string[];
  options: Record<string, unknown>;
  globals: { db: string | undefined; color: boolean };
}

/** The command, its arguments and options as commander would hand them to the action, or undefined for commander. */
export function plainCommandLine(words: string[], table: DispatchTable): Dispatch | undefined {
  const program: Record<string, unknown> = { ...table.programDefaults };
  const options: Record<string, unknown> = {};
  const args: string[] = [];
  let rule: CommandRule | undefined;
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    if (!word.startsWith('-') || word === '-') {
      if (rule) args.push(word);
      else if (Object.hasOwn(table.commands, word)) rule = table.commands[word];
      else return undefined;
      continue;
    }
    // The program's options count wherever they are (commander parses them past the command's name too).
    const option = table.program.find((known) => known.flags.includes(word)) ?? rule?.options.find((known) => known.flags.includes(word));
    if (!option) return undefined;
    const into = table.program.includes(option) ? program : options;
    if (option.kind === 'value') {
      const value = words[++at];
      if (value === undefined || value.startsWith('-')) return undefined;
      into[option.key] = value;
    } else {
      into[option.key] = option.kind === 'flag';
    }
  }
  if (!rule || args.length < rule.requiredArguments || args.length > rule.arguments) return undefined;
  return { rule, args, options, globals: { db: program.db as string | undefined, color: program.color !== false } };
}
