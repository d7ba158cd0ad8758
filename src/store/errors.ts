/** A file offered as a backup that is not one this build can restore; `why` is worded by the engine's checks. */
export class BackupRefused extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'BackupRefused';
  }
}
