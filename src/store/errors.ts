import { UserError } from '../support/errors.js';

/** A file offered as a backup that is not one this build can restore; `why` is worded by the engine's checks. */
export class BackupRefused extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'BackupRefused';
  }
}

/** The server could not be reached at all (down, no network): what a meeting must never depend on. */
export class ServerUnreachable extends UserError {
  constructor(message: string, hint: string) {
    super(message, { hint });
    this.name = 'ServerUnreachable';
  }
}
