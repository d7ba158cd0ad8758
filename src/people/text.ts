import { UserError } from '../support/errors.js';

export const MAX_TEXT_LENGTH = 10_000;
/** C0 and C1 control characters (NUL, escape, CSI…) except tab and line breaks: they can rewrite a terminal screen. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Free text the organizer typed (a note, an ask): kept as typed, but never empty and never with NUL or escape bytes. */
export function cleanText(input: string, what: string): string {
  const text = input.normalize('NFC').trim();
  if (text === '') throw new UserError(`the ${what} is empty`, { hint: `write the ${what} in words, or leave the option out` });
  if (CONTROL_CHARACTERS.test(text)) {
    throw new UserError(`the ${what} contains control characters`, { hint: 'type it as plain text (line breaks and tabs are fine)' });
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new UserError(`the ${what} is ${text.length} characters long; the most is ${MAX_TEXT_LENGTH}`, { hint: 'split it into several notes' });
  }
  return text;
}

export function parsePotential(input: number | string): number {
  const potential = Number(input);
  if (!Number.isInteger(potential) || potential < 1 || potential > 5) {
    throw new UserError(`leadership potential must be a whole number from 1 to 5 (got ${input})`, {
      hint: '1 = no sign yet, 3 = shows promise, 5 = ready to lead now',
    });
  }
  return potential;
}

export function cleanEmail(input: string): string {
  const email = input.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new UserError(`"${input}" is not an email address`, { hint: 'e.g. ana@example.org' });
  }
  return email;
}
