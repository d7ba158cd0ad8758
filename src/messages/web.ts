import { RELATIONSHIP_KINDS, TOUCH_KINDS, UNIT_KINDS, type Place, type Relationship, type RelationshipKind, type Touch, type TouchKind, type Unit, type UnitKind } from '../store/contract-web.js';
import { formatDate, formatDateTime } from '../support/format.js';
import { spokenOr } from './spoken.js';

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

export function relationshipSentence(a: string, b: string, kind: RelationshipKind): string {
  return kind === 'leads' ? `${a} leads ${b}` : `${a} and ${b} ${TOGETHER[kind]}`;
}

/** The sentence of a relationship seen from `a`: for 'leads', whoever leads comes first. */
function sentenceFrom(a: string, b: string, r: Relationship): string {
  return r.direction === 'led-by' ? relationshipSentence(b, a, r.kind) : relationshipSentence(a, b, r.kind);
}

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

export const webWords = {
  lastContact: (when: string, by: TouchKind) => `last contact: ${when} (${by})`,
  otherContacts: (total: number, by: { by: string; touches: number }[]) =>
    `Besides: ${total} other ${total === 1 ? 'contact' : 'contacts'} (${by.map((row) => touchCount(row.by, row.touches)).join(', ')}), not counted as one-on-ones.`,
  touched: (name: string, by: TouchKind, at: string, note: string | null) =>
    `Recorded ${TOUCHED[by](name)}, ${formatDateTime(at)}${note ? ` (${note})` : ''}. It is not a one-on-one: their meetings stay as they were.\nUndo with: oneonone undo`,
  touchItem: (name: string, by: TouchKind) => TOUCHED[by](name),
  related: (a: string, b: string, kind: RelationshipKind, note: string | null) =>
    `Recorded: ${relationshipSentence(a, b, kind)}${note ? ` (${note})` : ''}.\nUndo with: oneonone undo`,
  alreadyRelated: (a: string, b: string, kind: RelationshipKind, since: string | undefined) =>
    `Already recorded: ${relationshipSentence(a, b, kind)}${since ? ` (since ${formatDate(since)})` : ''}; nothing changed.`,
  unrelated: (a: string, b: string, ended: Relationship[]) =>
    `Marked ended: ${ended.map((r) => `"${sentenceFrom(a, b, r)}"`).join(', ')} (kept in both records, with the date).\nUndo with: oneonone undo`,
  /** What undo says it reverses (kind 'edit'). */
  relateItem: (a: string, b: string, kind: RelationshipKind) => `"${relationshipSentence(a, b, kind)}"`,
  unrelateItem: (a: string, b: string) => `the end of how ${a} and ${b} know each other`,
  unitItem: (name: string) => `the unit ${name}`,
  unitAdded: (unit: { name: string; kind: UnitKind; size: number | null }) =>
    `Added the unit ${unit.name} (${unitFacts(unit)}).\nPut people in it with: oneonone edit NAME --unit "${unit.name}"`,
  unitCorrected: (name: string, changes: { field: string; from: string; to: string }[]) =>
    `Corrected the unit ${name}:\n${changes.map((c) => `  ${c.field}: ${c.from} → ${c.to}`).join('\n')}\nUndo with: oneonone undo`,
  unitUnchanged: (name: string) => `The unit ${name} already reads that way; nothing changed.`,
  noUnits: 'No units yet. Add one with: oneonone units add "Building 12" --kind building --size 40 (or: oneonone edit NAME --unit "Building 12")',
  unitHead: ['Unit', 'Kind', 'Size', 'People known'],
  knowsTitle: 'Knows',
  placesTitle: 'Places',
  touchesTitle: 'Other contacts, latest first',
  /** The new unit `edit --unit` made, as a line of what changed. */
  madeUnit: (name: string, kind: UnitKind) => `${name} (new, ${kind})`,
};

export function unitFacts(unit: { kind: UnitKind; size: number | null }): string {
  return unit.size === null ? unit.kind : `${unit.kind}, size ${unit.size}`;
}

/** A line of "Knows": how, who, since when, the note; an ended one with both dates. */
export function touchLine(t: Touch): string {
  return `${t.by}: ${formatDateTime(t.touchedAt)}${t.note ? ` — ${t.note}` : ''}`;
}

export function knowsLine(r: Relationship): string {
  const how = r.direction === 'led-by' ? 'led by' : r.kind;
  const when = r.endedAt ? `${formatDate(r.since)} – ${formatDate(r.endedAt)}, ended` : `since ${formatDate(r.since)}`;
  return `${how}: ${r.other.name} (#${r.other.id}), ${when}${r.note ? ` — ${r.note}` : ''}`;
}

export function placeLine(place: Place): string {
  return `${place.name} (${unitFacts(place)}), since ${formatDate(place.since)}`;
}

export function unitRow(unit: Unit): string[] {
  return [unit.name, unit.kind, unit.size === null ? '—' : String(unit.size), String(unit.people)];
}

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
