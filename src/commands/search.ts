import { NOTE_TAG_LABELS, NOTE_TAGS, isNoteTag, type NoteTag } from '../meeting/tags.js';
import { noteTagLabel } from '../messages/meeting.js';
import type { SearchWord } from '../store/search.js';
import { DomainError } from '../support/errors.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { renderSearch, searchJson, searchSummary } from '../ui/search.js';
import { useColor, withStore, type GlobalOptions } from './context.js';

export interface SearchOptions {
  tag?: string;
  limit?: number;
  json?: boolean;
}

export const DEFAULT_LIMIT = 20;

/** A letter or a digit (or a mark on one): what the index keeps of a word. Punctuation alone can match nothing. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

/**
 * The words as typed, split at spaces (`search "after school"` is two words, each of which must match); a word ending
 * in * matches as a prefix. Punctuation standing alone ("-", "&") is left out, since nothing can match it.
 */
export function searchWords(typed: readonly string[]): SearchWord[] {
  return typed
    .flatMap((text) => text.normalize('NFC').split(/\s+/u))
    .map((word) => {
      const prefix = /\*+$/.test(word);
      return { text: word.replace(/\*+$/, ''), prefix };
    })
    .filter((word) => WORD_CHARACTER.test(word.text));
}

/** A tag by its code or the words the tool shows for it ("self-interest", "story shared"), in any case. */
export function searchTag(input: string): NoteTag {
  const typed = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (isNoteTag(typed)) return typed;
  // The English label or the run's own ("interés propio"), as show and search print it.
  const byLabel = NOTE_TAGS.find((tag) => NOTE_TAG_LABELS[tag] === typed || noteTagLabel(tag).toLowerCase() === typed);
  if (byLabel) return byLabel;
  throw new DomainError('search.unknown-tag', { input });
}

export async function run(typed: string[], options: SearchOptions, globals: GlobalOptions): Promise<void> {
  const words = searchWords(typed);
  if (words.length === 0) {
    throw new DomainError('search.no-words', { typed: typed.join(' ') });
  }
  const tag = options.tag === undefined ? undefined : searchTag(options.tag);
  if (options.limit === 0) throw new DomainError('limit.zero', {});
  const limit = options.limit ?? DEFAULT_LIMIT;

  const page = await withStore(globals, 'read', (store) => store.search.find({ words, tag, limit }));
  if (options.json) return printJson(searchJson(page.hits));
  const said = searchSummary(words, tag, page, limit);
  if (page.hits.length === 0) return printMessage(said);
  printData(renderSearch(page.hits, useColor(globals)));
  printMessage(said);
}
