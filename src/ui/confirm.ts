/** Confirmations before something cannot be undone. Prompts go to stderr so stdout stays data only. */

export function canAsk(): boolean {
  return process.stdin.isTTY === true;
}

/** The organizer types the person's name; `matches` decides whether what they typed is that name. */
export async function askToTypeName(name: string, what: string, matches: (typed: string) => boolean): Promise<boolean> {
  const { input } = await import('./prompts.js');
  process.stderr.write(`${what}\n`);
  const typed = await input({ message: `Type ${name} to confirm (anything else keeps them):` }, { output: process.stderr });
  return matches(typed);
}

export async function askYesNo(message: string): Promise<boolean> {
  const { confirm } = await import('./prompts.js');
  return confirm({ message, default: false }, { output: process.stderr });
}
