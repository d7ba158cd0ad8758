import { UserError } from '../support/errors.js';

export const MAX_NAME_LENGTH = 200;

/** How names are compared: case, accents and spacing never keep "José" from "jose". */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A name as it is stored: trimmed, spaces folded, refused when empty or full of control characters. */
export function cleanName(input: string, what = 'name'): string {
  const name = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name === '') throw new UserError(`the ${what} is empty`, { hint: 'give the person\'s name, e.g. "Ana Ruiz"' });
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw new UserError(`the ${what} contains control characters`, { hint: 'type the name as plain text' });
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new UserError(`the ${what} is ${name.length} characters long; the most is ${MAX_NAME_LENGTH}`, {
      hint: 'shorten it; put the rest in a note',
    });
  }
  return name;
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

function nameDistance(a: string, b: string): number {
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
