import { existsSync } from 'node:fs';

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

/**
 * The read model for one Tab at `location`, or undefined when there is nothing to read (no file: nothing is made).
 * A local file is opened read-only by the completion module alone, not through openStore: a Tab must not wait for
 * the whole engine to load, nor upgrade or create the file. A server goes through its engine as any command does.
 */
export async function openCompletion(location: string): Promise<OpenedCompletion | undefined> {
  const { isServer, openStore } = await import('./index.js');
  if (isServer(location)) {
    const store = await openStore(location, { mode: 'read' });
    return { names: (key, limit) => store.completion.names(key, limit), openIds: (typed, limit) => store.completion.openIds(typed, limit), close: () => store.close() };
  }
  if (!existsSync(location)) return undefined;
  return (await import('./sqlite/completion.js')).openSqliteCompletion(location);
}
