/** What `doctor` reads of the record (src/commands/doctor.ts): opened as it is (src/store/as-is.ts), read only. */

export interface SchemaFound {
  /** SQLite's user_version, or the number of steps applied on a server; null when there is no schema yet. */
  found: number | null;
  /** The version this build of oneonone upgrades to. */
  expected: number;
  /** The record was upgraded by a newer oneonone (a version or steps this build does not know). */
  newer: boolean;
  /** Why it is not a oneonone record at all, when it is not. */
  foreign?: string;
}

export interface HealthReadModel {
  schema(): Promise<SchemaFound>;
  /** The engine's own integrity check: an empty list when all is well, else what it found, one item per problem. */
  integrity(): Promise<string[]>;
}

/** A record opened for looking only. */
export interface RecordAsIs {
  health: HealthReadModel;
  close(): Promise<void>;
}
