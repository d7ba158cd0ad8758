export const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130 } as const;

export interface UserErrorOptions {
  hint?: string;
  exitCode?: number;
}

/** A problem the organizer can fix; printed as one line (plus a hint), never a stack trace. */
export class UserError extends Error {
  readonly hint?: string;
  readonly exitCode: number;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.error;
  }
}

export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: EXIT.usage });
    this.name = 'UsageError';
  }
}

/** The organizer pressed Ctrl-C; the message says what was kept. */
export class Interrupted extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { hint, exitCode: EXIT.interrupted });
    this.name = 'Interrupted';
  }
}
