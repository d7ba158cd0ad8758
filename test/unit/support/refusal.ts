import { expect } from 'vitest';
import { errorText, type ErrorWording } from '../../../src/messages/errors.js';
import { DomainError } from '../../../src/support/errors.js';

/** Runs something that must refuse, and gives back the refusal as the organizer reads it (in English). */
export function refusalText(run: () => unknown): ErrorWording & { exitCode: number } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { ...errorText(error as DomainError), exitCode: (error as DomainError).exitCode };
  }
  throw new Error('expected a refusal');
}
