import type { AgendaKind } from '../people/agenda.js';
import { ID_LETTERS, idRanges, idStart } from '../support/completion-ids.js';
import type { OpenId } from './contract-completion.js';

/** What an engine reads for a Tab's ids: the highest id of a kind's table, and its open items in a range of ids. */
export interface OpenIdReads {
  maxId(kind: AgendaKind): Promise<number>;
  /** Open items of `kind` with ids from `low` to `high`, in id order, at most `limit`, each with the person's name. */
  openIn(kind: AgendaKind, low: number, high: number, limit: number): Promise<{ id: number; person: string }[]>;
}

/** Each kind's ids by ranges of its primary key (support/completion-ids.ts), stopping once `limit` are found. */
export async function openIdsBy(reads: OpenIdReads, typed: string, limit: number): Promise<OpenId[]> {
  const start = idStart(typed);
  if (!start) return [];
  const found: OpenId[] = [];
  for (const kind of start.kinds) {
    const letter = ID_LETTERS.find(([candidate]) => candidate === kind)![1];
    for (const [low, high] of idRanges(start.digits, await reads.maxId(kind))) {
      if (found.length >= limit) return found;
      for (const row of await reads.openIn(kind, low, high, limit - found.length)) found.push({ id: `${letter}${row.id}`, person: row.person });
    }
  }
  return found;
}
