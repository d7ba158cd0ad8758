import { errorText } from '../messages/errors.js';
import { usageWords } from '../messages/usage.js';
import { EXIT, UserError } from '../support/errors.js';

/** The single place an error reaches the organizer: one line and a hint, a stack trace only when asked for. */
export function reportError(error: unknown): number {
  if (isPromptExit(error)) {
    process.stderr.write('\noneonone: stopped.\n');
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
  process.stderr.write(`oneonone: something went wrong: ${message.split('\n')[0]}\n`);
  if (process.env.ONEONONE_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('hint: run again with ONEONONE_DEBUG=1 to see the details, and report it\n');
  return EXIT.error;
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
