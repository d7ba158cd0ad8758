import { RELATIONSHIP_KINDS, TOUCH_KINDS, UNIT_KINDS, type Place, type Relationship, type RelationshipKind, type Touch, type TouchKind, type Unit, type UnitKind } from '../store/contract-web.js';
import { formatDate, formatDateTime } from '../support/format.js';
import { spokenOr } from './spoken.js';

/** What a touch's kinds, a relationship's and a unit's are called on a screen; the stored codes stay English. */
export interface WebLabels {
  relationships: Readonly<Record<RelationshipKind, string>>;
  /** How `a` stands to someone who leads them, on a line of "Knows": "led by". */
  ledBy: string;
  touches: Readonly<Record<TouchKind, string>>;
  units: Readonly<Record<UnitKind, string>>;
}

/** Every word of the web (touch, relate, units; the profile's "Knows", "Places", "Other contacts"); another language gives an object of this shape. */
export interface WebWords {
  labels: WebLabels;
  /** Two people and how they know each other, as a sentence: "Ana Ruiz and Bo Chen are coworkers", "Ana Ruiz leads Bo Chen". */
  relationshipSentence(a: string, b: string, kind: RelationshipKind): string;
  lastContact(when: string, by: TouchKind): string;
  otherContacts(total: number, by: { by: string; touches: number }[]): string;
  touched(name: string, by: TouchKind, at: string, note: string | null): string;
  /** A contact as what undo takes back: "a call with Ana Ruiz". */
  touchItem(name: string, by: TouchKind): string;
  related(a: string, b: string, kind: RelationshipKind, note: string | null): string;
  alreadyRelated(a: string, b: string, kind: RelationshipKind, since: string | undefined): string;
  unrelated(a: string, b: string, ended: Relationship[]): string;
  /** What undo says it reverses (kind 'edit'). */
  relateItem(a: string, b: string, kind: RelationshipKind): string;
  unrelateItem(a: string, b: string): string;
  unitItem(name: string): string;
  unitAdded(unit: { name: string; kind: UnitKind; size: number | null }): string;
  unitCorrected(name: string, changes: { field: string; from: string; to: string }[]): string;
  unitUnchanged(name: string): string;
  noUnits: string;
  unitHead: string[];
  knowsTitle: string;
  placesTitle: string;
  touchesTitle: string;
  /** The new unit `edit --unit` made, as a line of what changed. */
  madeUnit(name: string, kind: UnitKind): string;
  /** "building, size 40". */
  unitFacts(unit: { kind: UnitKind; size: number | null }): string;
  touchLine(t: Touch): string;
  knowsLine(r: Relationship): string;
  placeLine(place: Place): string;
  unitRow(unit: Unit): string[];
}

/** Two people and how they know each other, as a sentence's end: "Ana Ruiz and Bo Chen are coworkers". */
const TOGETHER: Record<Exclude<RelationshipKind, 'leads'>, string> = {
  family: 'are family',
  coworker: 'are coworkers',
  neighbor: 'are neighbors',
  'same-building': 'live or work in the same building',
  congregation: 'belong to the same congregation',
  friend: 'are friends',
  other: 'know each other',
};

/** A contact as the end of "Recorded …": "a call with Ana Ruiz". */
const TOUCHED: Record<TouchKind, (name: string) => string> = {
  call: (name) => `a call with ${name}`,
  text: (name) => `a text with ${name}`,
  door: (name) => `a knock on ${name}'s door`,
  event: (name) => `a word with ${name} at an event`,
  other: (name) => `a contact with ${name}`,
};

/** "2 calls", "1 door knock". */
const TOUCH_NOUNS: Record<TouchKind, [one: string, many: string]> = {
  call: ['call', 'calls'], text: ['text', 'texts'], door: ['door knock', 'door knocks'], event: ['word at an event', 'words at events'], other: ['other', 'others'],
};

function touchCount(by: string, count: number): string {
  const nouns = TOUCH_NOUNS[by as TouchKind] ?? [by, by];
  return `${count} ${count === 1 ? nouns[0] : nouns[1]}`;
}

const same = <K extends string>(codes: readonly K[]) => Object.fromEntries(codes.map((code) => [code, code])) as unknown as Record<K, string>;

const WEB_EN: WebWords = {
  labels: { relationships: same(RELATIONSHIP_KINDS), ledBy: 'led by', touches: same(TOUCH_KINDS), units: same(UNIT_KINDS) },
  relationshipSentence: (a, b, kind) => (kind === 'leads' ? `${a} leads ${b}` : `${a} and ${b} ${TOGETHER[kind]}`),
  lastContact: (when, by) => `last contact: ${when} (${by})`,
  otherContacts: (total, by) =>
    `Besides: ${total} other ${total === 1 ? 'contact' : 'contacts'} (${by.map((row) => touchCount(row.by, row.touches)).join(', ')}), not counted as one-on-ones.`,
  touched: (name, by, at, note) =>
    `Recorded ${TOUCHED[by](name)}, ${formatDateTime(at)}${note ? ` (${note})` : ''}. It is not a one-on-one: their meetings stay as they were.\nUndo with: oneonone undo`,
  touchItem: (name, by) => TOUCHED[by](name),
  related: (a, b, kind, note) => `Recorded: ${WEB_EN.relationshipSentence(a, b, kind)}${note ? ` (${note})` : ''}.\nUndo with: oneonone undo`,
  alreadyRelated: (a, b, kind, since) =>
    `Already recorded: ${WEB_EN.relationshipSentence(a, b, kind)}${since ? ` (since ${formatDate(since)})` : ''}; nothing changed.`,
  unrelated: (a, b, ended) =>
    `Marked ended: ${ended.map((r) => `"${sentenceFrom(WEB_EN, a, b, r)}"`).join(', ')} (kept in both records, with the date).\nUndo with: oneonone undo`,
  relateItem: (a, b, kind) => `"${WEB_EN.relationshipSentence(a, b, kind)}"`,
  unrelateItem: (a, b) => `the end of how ${a} and ${b} know each other`,
  unitItem: (name) => `the unit ${name}`,
  unitAdded: (unit) => `Added the unit ${unit.name} (${WEB_EN.unitFacts(unit)}).\nPut people in it with: oneonone edit NAME --unit "${unit.name}"`,
  unitCorrected: (name, changes) => `Corrected the unit ${name}:\n${changes.map((c) => `  ${c.field}: ${c.from} → ${c.to}`).join('\n')}\nUndo with: oneonone undo`,
  unitUnchanged: (name) => `The unit ${name} already reads that way; nothing changed.`,
  noUnits: 'No units yet. Add one with: oneonone units add "Building 12" --kind building --size 40 (or: oneonone edit NAME --unit "Building 12")',
  unitHead: ['Unit', 'Kind', 'Size', 'People known'],
  knowsTitle: 'Knows',
  placesTitle: 'Places',
  touchesTitle: 'Other contacts, latest first',
  madeUnit: (name, kind) => `${name} (new, ${kind})`,
  unitFacts: (unit) => (unit.size === null ? unit.kind : `${unit.kind}, size ${unit.size}`),
  touchLine: (t) => `${t.by}: ${formatDateTime(t.touchedAt)}${t.note ? ` — ${t.note}` : ''}`,
  knowsLine: (r) => {
    const how = r.direction === 'led-by' ? 'led by' : r.kind;
    const when = r.endedAt ? `${formatDate(r.since)} – ${formatDate(r.endedAt)}, ended` : `since ${formatDate(r.since)}`;
    return `${how}: ${r.other.name} (#${r.other.id}), ${when}${r.note ? ` — ${r.note}` : ''}`;
  },
  placeLine: (place) => `${place.name} (${WEB_EN.unitFacts(place)}), since ${formatDate(place.since)}`,
  unitRow: (unit) => [unit.name, unit.kind, unit.size === null ? '—' : String(unit.size), String(unit.people)],
};

/** The sentence of a relationship seen from `a`: for 'leads', whoever leads comes first. */
export function sentenceFrom(words: Pick<WebWords, 'relationshipSentence'>, a: string, b: string, r: Relationship): string {
  return r.direction === 'led-by' ? words.relationshipSentence(b, a, r.kind) : words.relationshipSentence(a, b, r.kind);
}

/** The web's words in this run's language, each member read when it is used. */
export const webWords: WebWords = spokenOr(WEB_EN, (catalogues) => catalogues.web);

export const relationshipSentence = (a: string, b: string, kind: RelationshipKind): string => webWords.relationshipSentence(a, b, kind);
export const unitFacts = (unit: { kind: UnitKind; size: number | null }): string => webWords.unitFacts(unit);
/** A line of "Other contacts": how, when, the note. */
export const touchLine = (t: Touch): string => webWords.touchLine(t);
/** A line of "Knows": how, who, since when, the note; an ended one with both dates. */
export const knowsLine = (r: Relationship): string => webWords.knowsLine(r);
export const placeLine = (place: Place): string => webWords.placeLine(place);
export const unitRow = (unit: Unit): string[] => webWords.unitRow(unit);
/** A relationship's kind as a screen calls it: "coworker", "compañero/a de trabajo". */
export const relationshipLabel = (kind: string): string => webWords.labels.relationships[kind as RelationshipKind] ?? kind;

// ── refusals ───────────────────────────────────────────────────────────────

const WEB_REFUSALS = {
  badTouch: (input: string) => ({
    message: `"${input}" is not a way of contact`,
    hint: `--by takes one of: ${TOUCH_KINDS.join(', ')}`,
  }),
  touchInFuture: (input: string) => ({
    message: `the contact date "${input}" is in the future`,
    hint: 'touch records contacts that happened; plan the next one with: oneonone log NAME --followup "friday 6pm"',
  }),
  self: (name: string, id: number) => ({
    message: `${name} (#${id}) cannot be related to themselves`,
    hint: 'name two different people: oneonone relate "Ana Ruiz" "Bo Chen" --as coworker',
  }),
  badKind: (input: string) => ({
    message: `"${input}" is not a kind of relationship`,
    hint: `--as takes one of: ${RELATIONSHIP_KINDS.join(', ')}`,
  }),
  nothingToEnd: (a: string, b: string, kind: RelationshipKind | undefined) => ({
    message: `${a} and ${b} have no ${kind ? `${kind} ` : ''}relationship recorded to end`,
    hint: `see whom ${a} knows with: oneonone show "${a}"`,
  }),
  badUnitKind: (input: string) => ({
    message: `"${input}" is not a kind of unit`,
    hint: `a unit is one of: ${UNIT_KINDS.join(', ')}`,
  }),
  badSize: (input: string) => ({
    message: `"${input}" is not a size`,
    hint: 'a size is how many tenants, workers or members it has, a whole number from 1 ("" clears it)',
  }),
  noUnit: (input: string, close: string[]) => ({
    message: `there is no unit called "${input}"`,
    hint: close.length ? `did you mean ${close.map((name) => `"${name}"`).join(' or ')}?` : 'see the units with: oneonone units',
  }),
  unitTaken: (name: string) => ({
    message: `there is already a unit called ${name}`,
    hint: `change it with: oneonone units edit "${name}" --kind building --size 40`,
  }),
  unitKindDiffers: (name: string, kind: UnitKind, wanted: UnitKind) => ({
    message: `${name} is already a unit, of kind ${kind}: --unit-kind ${wanted} names the kind of a new one`,
    hint: `change its kind with: oneonone units edit "${name}" --kind ${wanted}`,
  }),
  unitKindAlone: {
    message: '--unit-kind names the kind of a unit --unit makes',
    hint: 'e.g. oneonone edit ana --unit "Building 12" --unit-kind building',
  },
  emptyUnitName: {
    message: 'a unit needs a name',
    hint: 'e.g. --unit "Building 12" (a building, worksite, shift, school, congregation or block)',
  },
  nothingToChange: {
    message: 'nothing to change: give --kind, --size or --name',
    hint: 'e.g. oneonone units edit "Building 12" --kind building --size 40',
  },
  notInUnit: (person: string, unit: string) => ({
    message: `${person} is not in ${unit}`,
    hint: `see their places with: oneonone show "${person}"`,
  }),
};

/** The web's refusals (touch, relate, units); another language gives an object of this shape. */
export type WebRefusalWords = typeof WEB_REFUSALS;
export const webRefusals: WebRefusalWords = spokenOr(WEB_REFUSALS, (catalogues) => catalogues.webRefusals);
