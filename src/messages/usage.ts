/**
 * The words of a command line refused before any command runs: commander's own errors (an unknown option, a missing
 * argument, a value not among the choices), the reasons our option parsers give, and the labels of a refusal's lines.
 * Commander writes its errors in English; another language rewords them from their shape (es/usage.ts).
 */
import { spokenCatalogues } from './spoken.js';

/** Why an option's value was refused by one of src/cli.ts's parsers; the English is what commander is handed. */
export const ARGUMENT_REASONS = {
  positiveMinutes: 'expected a positive number of minutes.',
  wholeNumber: 'expected a whole number.',
  meetingCount: 'expected a number of meetings from 1 to 1000.',
  dayCount: 'expected a number of days up to 36500 (100 years).',
  askFirst: 'put --ask "what you asked" before it.',
  askHasOne: 'this ask already has one; start another with --ask.',
} as const;

export type ArgumentReason = keyof typeof ARGUMENT_REASONS;

export interface UsageWords {
  /** The label of the line under a refusal that says what to do. */
  hintLabel: string;
  /** The label of a bad row of a file, listed before the refusal: "line 4: …". */
  lineLabel: string;
  /** The hint under every usage error. */
  helpHint: string;
  /** One of commander's error messages (without its "error: "), as this language says it. */
  commander(message: string): string;
  /** Ctrl-C at a question. */
  stopped: string;
  /** An error no refusal foresaw (a bug): its first line, and how to see the rest. */
  wentWrong(message: string): string;
  debugHint: string;
}

export const USAGE: UsageWords = {
  hintLabel: 'hint',
  lineLabel: 'line',
  helpHint: "add --help to see the command's options and an example",
  commander: (message) => message,
  stopped: 'stopped.',
  wentWrong: (message) => `something went wrong: ${message}`,
  debugHint: 'run again with ONEONONE_DEBUG=1 to see the details, and report it',
};

/** The run's language's words for a refusal's lines (English until a catalogue speaks). */
export function usageWords(): UsageWords {
  return spokenCatalogues()?.usage ?? USAGE;
}

/** What commander hands src/cli.ts's outputError ("error: …\n"), as the two lines the organizer reads. */
export function usageRefusal(raw: string): string {
  const words = usageWords();
  return `oneonone: ${words.commander(raw.replace(/^error: /, '').replace(/\n$/, ''))}\n${words.hintLabel}: ${words.helpHint}\n`;
}
