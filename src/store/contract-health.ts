/** What `doctor` checks inside the record (issue 17, being built): see src/commands/doctor.ts. */
export interface HealthReadModel {
  /** The schema version this engine finds, and the one this build of oneonone expects. */
  schema(): Promise<{ found: number | string | null; expected: number | string }>;
  /** The engine's own integrity check: an empty list when all is well, else what it found, one item per problem. */
  integrity(): Promise<string[]>;
}
