import { isNoteTag } from '../meeting/tags.js';
import { formats } from '../messages/format.js';
import { noteTagLabel } from '../messages/meeting.js';
import { peopleWords } from '../messages/people.js';
import type { SearchField, SearchHit, SearchPage, SearchWord } from '../store/search.js';
import { paint } from './color.js';

/** What each field is called where a kind has more than one. */
const fieldLabels = (): Readonly<Record<string, string>> => peopleWords().search.fields;

/** The kind of record, as the organizer calls it: a note by its tag ("issue", "story shared"), an ask, a person's detail. */
export function kindLabel(hit: SearchHit): string {
  const words = peopleWords().search;
  const labels = fieldLabels();
  switch (hit.kind) {
    case 'note':
      return hit.tag !== null && isNoteTag(hit.tag) ? noteTagLabel(hit.tag) : (hit.tag ?? words.note);
    case 'ask': {
      const others = hit.fields.map((field) => field.name).filter((name) => name !== 'text');
      return words.ask(others.map((name) => labels[name] ?? name));
    }
    case 'followup':
      return words.followUp;
    case 'agitation':
      return words.agitation;
    case 'person':
      return hit.fields.map((field) => labels[field.name] ?? field.name).join(', ');
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
  const labels = fieldLabels();
  return hits
    .map((hit, index) => {
      const labelled = (shown: SearchField) => (hit.kind === 'person' ? hit.fields.length > 1 : shown.name in labels);
      const what = hit.fields.map((shown) => (labelled(shown) ? `${labels[shown.name]}: ` : '') + field(shown));
      return [
        `${index + 1}. ${c.bold(hit.personName)} (#${hit.personId}) · ${kindLabel(hit)} · ${formats().date(hit.at)}`,
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
  const said = peopleWords().search;
  const looked = words.map((word) => `"${word.text}${word.prefix ? '*' : ''}"`).join(said.and);
  const tagged = tag ?? null;
  if (page.hits.length === 0) return said.nothing(looked, tagged);
  const count = said.found(page.hits.length, looked, tagged);
  return page.more ? `${count}${said.more(limit * 2)}` : count;
}
