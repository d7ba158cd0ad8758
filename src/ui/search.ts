import { NOTE_TAG_LABELS, isNoteTag } from '../meeting/tags.js';
import type { SearchField, SearchHit, SearchPage, SearchWord } from '../store/search.js';
import { formatDate } from '../support/format.js';
import { paint } from './color.js';

/** What each field is called where a kind has more than one. */
const FIELD_LABELS: Record<string, string> = {
  barriers: 'barriers',
  support: 'support',
  name: 'name',
  email: 'email',
  phone: 'phone',
  neighborhood: 'neighborhood',
  organization: 'organization',
  notes: 'notes',
};

/** The kind of record, as the organizer calls it: a note by its tag ("issue", "story shared"), an ask, a person's detail. */
export function kindLabel(hit: SearchHit): string {
  switch (hit.kind) {
    case 'note':
      return hit.tag !== null && isNoteTag(hit.tag) ? NOTE_TAG_LABELS[hit.tag] : (hit.tag ?? 'note');
    case 'ask': {
      const others = hit.fields.map((field) => field.name).filter((name) => name !== 'text');
      return others.length ? `ask (${others.map((name) => FIELD_LABELS[name] ?? name).join(', ')})` : 'ask';
    }
    case 'followup':
      return 'follow-up';
    case 'agitation':
      return 'agitation';
    case 'person':
      return hit.fields.map((field) => FIELD_LABELS[field.name] ?? field.name).join(', ');
  }
}

/**
 * Each hit on two lines: who, what kind and when; then the words around the match. The matching words are bold
 * where colour is on, and in [brackets] where it is not (a screen reader, a pipe, NO_COLOR), so they always show.
 */
export function renderSearch(hits: readonly SearchHit[], color: boolean): string {
  const c = paint(color);
  const mark = color ? (text: string) => c.bold.yellow(text) : (text: string) => `[${text}]`;
  const field = (shown: SearchField) => shown.parts.map((part) => (part.match ? mark(part.text) : part.text)).join('');
  return hits
    .map((hit, index) => {
      const labelled = (shown: SearchField) => (hit.kind === 'person' ? hit.fields.length > 1 : shown.name in FIELD_LABELS);
      const what = hit.fields.map((shown) => (labelled(shown) ? `${FIELD_LABELS[shown.name]}: ` : '') + field(shown));
      return [
        `${index + 1}. ${c.bold(hit.personName)} (#${hit.personId}) · ${kindLabel(hit)} · ${formatDate(hit.at)}`,
        ...what.map((line) => `   ${oneLine(line)}`),
      ].join('\n');
    })
    .join('\n');
}

/** A note written over several lines is shown on one, so every hit keeps its shape. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ⏎ ');
}

export interface SearchHitJson {
  rank: number;
  kind: SearchHit['kind'];
  tag: string | null;
  id: number;
  person: { id: number; name: string };
  at: string;
  meetingId: number | null;
  fields: { field: string; text: string; matched: string[]; parts: SearchField['parts'] }[];
}

export function searchJson(hits: readonly SearchHit[]): SearchHitJson[] {
  return hits.map((hit, index) => ({
    rank: index + 1,
    kind: hit.kind,
    tag: hit.tag,
    id: hit.id,
    person: { id: hit.personId, name: hit.personName },
    at: hit.at,
    meetingId: hit.meetingId,
    fields: hit.fields.map((field) => ({
      field: field.name,
      text: field.parts.map((part) => part.text).join(''),
      matched: [...new Set(field.parts.filter((part) => part.match).map((part) => part.text))],
      parts: field.parts,
    })),
  }));
}

/** The line under the hits (or instead of them): what was looked for, and whether there is more. */
export function searchSummary(words: readonly SearchWord[], tag: string | undefined, page: SearchPage, limit: number): string {
  const looked = words.map((word) => `"${word.text}${word.prefix ? '*' : ''}"`).join(' and ');
  const where = tag === undefined ? '' : ` in notes tagged ${tag}`;
  if (page.hits.length === 0) {
    return `Nothing found for ${looked}${where}.${tag === undefined ? '' : ' Try without --tag to look everywhere.'}`;
  }
  const count = `${page.hits.length} ${page.hits.length === 1 ? 'match' : 'matches'} for ${looked}${where}, best first.`;
  return page.more ? `${count} There are more: see them with --limit ${limit * 2}.` : count;
}
