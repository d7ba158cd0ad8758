import { DomainError } from '../support/errors.js';

export const MAX_NAME_LENGTH = 200;
/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/**
 * Marks a writer may leave off without naming someone else: accents over Latin, Greek and Cyrillic letters,
 * Arabic short vowels, Hebrew points, emoji presentation selectors. Other marks (Devanagari vowel signs,
 * Japanese voicing marks…) are letters of the name: राम and रमा are two people.
 */
const OPTIONAL_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670\ufe00-\ufe0f]/g;

/** The apostrophes phones and keyboards type (’ ‘ ʼ ′ ` ´ '): O’Brien and O'Brien are one name. */
const APOSTROPHES = /['\u2018\u2019\u201b\u02bc\u2032\u0060\u00b4\uff07]/g;
/** Hyphens and dashes (- ‐ ‑ ‒ – — ―): a word boundary, as a space is. */
const DASHES = /[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
/** Invisible characters that never belong in a stored name (zero-width space, word joiner, byte-order mark). */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
/** Joiners that shape some scripts' letters; kept in the name, ignored when comparing. */
const JOINERS = /[\u200c\u200d]/g;

/** How names are compared: case, accents, apostrophes, dashes and spacing never keep "José O’Brien" from "jose obrien". */
export function nameKey(name: string): string {
  return words(name.normalize('NFKD').replace(/\p{M}/gu, '')).join(' ');
}

function words(name: string): string[] {
  return name.replace(INVISIBLE, '').replace(JOINERS, '').replace(APOSTROPHES, '').replace(DASHES, ' ').toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether what was typed names this person: each typed word begins a word of the name, in order ("ana", "ruiz",
 * "a ruiz", "obr" for Siobhan O'Brien). Compared on keys, so case, accents and apostrophes never matter.
 */
export function nameMatches(typedKey: string, key: string): boolean {
  const typed = typedKey.split(' ').filter(Boolean);
  const name = key.split(' ');
  let at = 0;
  for (const word of typed) {
    while (at < name.length && !name[at]!.startsWith(word)) at++;
    if (at === name.length) return false;
    at++;
  }
  return typed.length > 0;
}

/** A name as it is stored: trimmed, spaces folded, refused when empty or full of control characters. */
export function cleanName(input: string, what = 'name'): string {
  const name = input.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (name === '') throw new DomainError('name.empty', { field: what });
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) throw new DomainError('name.control-characters', { field: what });
  // An override can make one name display as another in every list; right-to-left names need none of them.
  if (BIDI_CONTROLS.test(name)) throw new DomainError('name.direction-controls', { field: what });
  if (name.length > MAX_NAME_LENGTH) throw new DomainError('name.too-long', { field: what, length: name.length, most: MAX_NAME_LENGTH });
  return name;
}

/**
 * Whether two names are the same person's name. `nameKey` (stored, indexed) drops every mark, so it finds the
 * candidates; this keeps the marks that change a name, so a candidate in a script with vowel signs is confirmed.
 */
export function sameName(a: string, b: string): boolean {
  return matchKey(a) === matchKey(b);
}

/** The key that keeps the marks that change a name: what a match found through nameKey is confirmed with. */
export function matchKey(name: string): string {
  return words(name.normalize('NFKD').replace(OPTIONAL_MARKS, '')).join(' ');
}

/** "#12" picks a person by id when two share a name. */
export function parsePersonId(input: string): number | undefined {
  const match = /^#(\d+)$/.exec(input.trim());
  return match ? Number(match[1]) : undefined;
}

export function closeNames(wanted: string, names: string[], most = 3): string[] {
  const key = nameKey(wanted);
  return names
    .map((name) => ({ name, distance: nameDistance(key, nameKey(name)) }))
    .filter(({ distance, name }) => distance <= Math.max(2, Math.floor(key.length / 3)) || nameKey(name).includes(key))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, most)
    .map(({ name }) => name);
}

export function nameDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
