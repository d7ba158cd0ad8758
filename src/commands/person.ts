import { UserError } from '../support/errors.js';
import { cleanName, closeNames, nameKey, parsePersonId, sameName } from '../people/names.js';
import type { NewPerson, PeopleReader, PeopleRepository, PersonRow } from '../store/contract.js';

/** The one person a name or #id means, or a clear refusal with close names to try. */
export async function findPerson(people: PeopleReader, input: string): Promise<PersonRow> {
  const id = parsePersonId(input);
  if (id !== undefined) {
    const person = await people.get(id);
    if (!person) throw new UserError(`nobody has the id #${id}`, { hint: "see everyone's id with: oneonone people" });
    return person;
  }
  const matches = await withName(people, cleanName(input));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw ambiguous(input, matches);
  const close = closeNames(input, (await people.allNames()).map(({ name }) => name));
  throw new UserError(`nobody called "${input}"`, {
    hint: close.length ? `did you mean ${close.map((name) => `"${name}"`).join(' or ')}?` : 'see everyone with: oneonone people',
  });
}

/** A new name adds the person; a known one (any case or accents) is that person. */
export async function findOrAddPerson(
  people: PeopleRepository, input: string, now: string, extra: Partial<NewPerson> = {},
): Promise<{ person: PersonRow; added: boolean }> {
  if (parsePersonId(input) !== undefined) return { person: await findPerson(people, input), added: false };
  const name = cleanName(input);
  const matches = await withName(people, name);
  if (matches.length > 1) throw ambiguous(input, matches);
  if (matches.length === 1) return { person: matches[0]!, added: false };
  const id = await people.add({ ...extra, name, nameKey: nameKey(name) }, now);
  return { person: (await people.get(id))!, added: true };
}

/** Everyone with this name, whatever the case and accents, but not a name that differs in a vowel sign. */
export async function withName(people: PeopleReader, name: string): Promise<PersonRow[]> {
  return (await people.withNameKey(nameKey(name))).filter((person) => sameName(person.name, name));
}

function ambiguous(input: string, matches: PersonRow[]): UserError {
  const who = matches.map((person) => `#${person.id} (${[person.neighborhood, person.organization, person.email].filter(Boolean).join(', ') || person.rung})`);
  return new UserError(`${matches.length} people are called "${input}": ${who.join(', ')}`, { hint: `name one by its id, e.g. "#${matches[0]!.id}"` });
}

/** What the search box offers while the organizer types: everyone whose name contains it, then "add" unless it is exactly someone. */
export function nameSearchChoices(everyone: { id: number; name: string }[], term: string, addLabel: (name: string) => string) {
  const key = nameKey(term);
  const matches = everyone.filter((person) => nameKey(person.name).includes(key));
  const choices: { name: string; value: { id: number } | { add: string }; description?: string }[] = matches.map((person) => ({
    name: person.name, value: { id: person.id }, description: `#${person.id}`,
  }));
  if (term.trim() !== '' && !matches.some((person) => sameName(person.name, term))) {
    choices.push({ name: addLabel(term.trim()), value: { add: term.trim() } });
  }
  return choices;
}
