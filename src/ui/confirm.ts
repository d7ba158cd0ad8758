/** Confirmations before something cannot be undone. Prompts go to stderr so stdout stays data only. */
import { privacyWords } from '../messages/privacy.js';
import { promptsInLanguage as prompts } from './prompts-in.js';

export function canAsk(): boolean {
  return process.stdin.isTTY === true;
}

/** The organizer types the person's name; `matches` decides whether what they typed is that name. */
export async function askToTypeName(name: string, what: string, matches: (typed: string) => boolean): Promise<boolean> {
  const { input } = await prompts();
  process.stderr.write(`${what}\n`);
  const typed = await input({ message: privacyWords().typeToConfirm(name) }, { output: process.stderr });
  return matches(typed);
}

export async function askYesNo(message: string): Promise<boolean> {
  const { confirm } = await prompts();
  return confirm({ message, default: false }, { output: process.stderr });
}
