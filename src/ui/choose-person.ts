import { promptsInLanguage } from './prompts-in.js';

/** Which of several people the organizer means, asked on stderr so stdout stays data. */
export async function choosePerson(message: string, choices: { id: number; label: string }[]): Promise<number> {
  const { select } = await promptsInLanguage();
  return select({ message, choices: choices.map(({ id, label }) => ({ name: label, value: id })) }, { output: process.stderr });
}
