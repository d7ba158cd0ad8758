import type { AgendaKind } from '../people/agenda.js';

/**
 * people/agenda.ts KIND_PREFIX, in the order a Tab offers them; not imported from there, since that module loads
 * date-fns, which a Tab cannot wait for (test/e2e/completion.test.ts checks that the two agree).
 */
export const ID_LETTERS: readonly [AgendaKind, string][] = [['followup', 'F'], ['ask', 'A'], ['cadence', 'C']];

/** The kinds of item, in the order a Tab offers them, and the digits typed of an id's start ("f12" → follow-ups, "12"). */
export function idStart(typed: string): { kinds: AgendaKind[]; digits: string } | undefined {
  const match = /^#?([a-z]?)(\d*)$/i.exec(typed.trim());
  if (!match) return undefined;
  const letter = match[1]!.toUpperCase();
  const kinds = ID_LETTERS.filter(([, prefix]) => letter === '' || prefix === letter).map(([kind]) => kind);
  return kinds.length > 0 ? { kinds, digits: match[2]! } : undefined;
}

/**
 * The ranges of ids, in ascending order, whose decimal writing starts with `digits`: "12" → 12, 120–129, 1200–1299, …
 * up to `maxId`. Each is a range of the primary key, so an engine reads only the ids it offers.
 */
export function idRanges(digits: string, maxId: number): [number, number][] {
  if (digits === '') return maxId >= 1 ? [[1, maxId]] : [];
  if (digits.startsWith('0') || digits.length > 15) return [];
  const ranges: [number, number][] = [];
  for (let low = Number(digits), span = 1; low <= maxId; low *= 10, span *= 10) ranges.push([low, Math.min(low + span - 1, maxId)]);
  return ranges;
}
