import { DomainError } from '../support/errors.js';

export const MAX_TEXT_LENGTH = 10_000;
/** C0 and C1 control characters (NUL, escape, CSI…) except tab and line breaks: they can rewrite a terminal screen. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Free text the organizer typed (a note, an ask): kept as typed, but never empty and never with NUL or escape bytes. */
export function cleanText(input: string, what: string): string {
  const text = input.normalize('NFC').trim();
  if (text === '') throw new DomainError('text.empty', { field: what });
  if (CONTROL_CHARACTERS.test(text)) throw new DomainError('text.control-characters', { field: what });
  if (text.length > MAX_TEXT_LENGTH) throw new DomainError('text.too-long', { field: what, length: text.length, most: MAX_TEXT_LENGTH });
  return text;
}

export function parsePotential(input: number | string): number {
  const potential = Number(input);
  if (!Number.isInteger(potential) || potential < 1 || potential > 5) throw new DomainError('potential.out-of-range', { given: input });
  return potential;
}

export function cleanEmail(input: string): string {
  const email = input.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new DomainError('email.invalid', { input });
  return email;
}
