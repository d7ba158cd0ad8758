/** What a Tab offers from the record: read quickly, by index, never the whole list of anything. */
export interface CompletionReadModel {
  /**
   * People's names (each spelling once, in the order of their keys) that `typedKey` could be the start of: each of its
   * words begins a word of the name, in order, as `show` finds people (people/names.ts nameMatches). `typedKey` is
   * already folded by nameKey. At most `limit`.
   */
  names(typedKey: string, limit: number): Promise<string[]>;
  /**
   * The ids `followups --all` lists (F12 follow-ups, A7 ask check-ins, C3 cadence reminders) that start as `typed`
   * does ("", "F", "f1", "12"), each with the person it is about: follow-ups, then asks, then people, each by id.
   * At most `limit`.
   */
  openIds(typed: string, limit: number): Promise<OpenId[]>;
}

export interface OpenId {
  id: string;
  person: string;
}

/** A completion read model to use for one Tab, and to close after it. */
export type OpenedCompletion = CompletionReadModel & { close(): void | Promise<void> };
