/** What a Tab offers from the record (issue 17, being built): see src/commands/completion.ts. */
export interface CompletionReadModel {
  /** People's names that the word being completed could be the start of, at most `limit`. */
  names(prefix: string, limit: number): Promise<string[]>;
  /** The ids `followups` shows for what is open (F12, A7, C3), at most `limit`. */
  openIds(limit: number): Promise<string[]>;
}
