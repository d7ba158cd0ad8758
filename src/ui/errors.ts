import { errorText } from '../messages/errors.js';
import { usageWords } from '../messages/usage.js';
import { EXIT, UserError } from '../support/errors.js';

/** The single place an error reaches the organizer: one line and a hint, a stack trace only when asked for. */
export function reportError(error: unknown): number {
  if (isPromptExit(error)) {
    process.stderr.write(`\noneonone: ${usageWords().stopped}\n`);
    return EXIT.interrupted;
  }
  if (error instanceof UserError) {
    const { message, hint } = errorText(error);
    process.stderr.write(`oneonone: ${message}\n`);
    if (hint) process.stderr.write(`${usageWords().hintLabel}: ${hint}\n`);
    if (process.env.ONEONONE_DEBUG === '1') process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  const words = usageWords();
  process.stderr.write(`oneonone: ${words.wentWrong(message.split('\n')[0]!)}\n`);
  if (process.env.ONEONONE_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write(`${words.hintLabel}: ${words.debugHint}\n`);
  return EXIT.error;
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
