import { DomainError, UserError } from '../support/errors.js';
import { cleanName, closeNames, matchKey, nameDistance, nameKey, nameMatches, parsePersonId, sameName } from '../people/names.js';
import type { NameCandidate, NewPerson, PeopleReader, PeopleRepository, PersonRow } from '../store/contract.js';
import { canAsk } from '../ui/confirm.js';
import { formats } from '../messages/format.js';
import { rungLabel } from '../messages/ladder.js';
import { peopleWords } from '../messages/people.js';

/** How many people a name may match before the list says "and more": enough to tell them apart, short enough to read. */
const MOST_CANDIDATES = 12;

type Candidate = NameCandidate;

/** Who a name given on the command line means: someone known, or (for log and start) a new person to add. */
/**
 * Who a command is about: someone found, or a name to add. `apart`: the organizer chose a new person though the name
 * is known (--new, "Add … as a new person"); without it, the name was nobody's when looked up.
 */
export type PersonTarget = { person: PersonRow } | { add: string; apart?: boolean };

export interface LookupOptions {
  /** Ask in a terminal when the name fits several people (default: when stdin is one). */
  interactive?: boolean;
  /** Named in the refusal as the way to say "someone else". */
  newFlag?: string;
  /** How to ask which (the live screen's own asker); by default a prompt on stderr. */
  choose?: (message: string, choices: { id: number; label: string }[]) => Promise<number>;
}

/**
 * The one person a name or #id means: the whole name, or a unique word or prefix of it ("ana", "obr" for Siobhan
 * O'Brien), a former name too. Several → asked which in a terminal, else refused with what tells them apart.
 */
export async function findPerson(people: PeopleReader, input: string, options: LookupOptions = {}): Promise<PersonRow> {
  const id = parsePersonId(input);
  if (id !== undefined) {
    const person = await people.get(id);
    if (!person) throw new DomainError('person.no-id', { id });
    return person;
  }
  const name = cleanName(input);
  const exact = await withName(people, name);
  if (exact.length === 1) return exact[0]!;
  const candidates = exact.length > 1 ? await describe(people, name, exact) : await byWords(people, name);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) return pickOne(input, candidates, options);
  const close = closeNames(input, (await people.allNames()).map(({ name }) => name));
  throw new DomainError('person.nobody-called', { input, close });
}

/**
 * For log and start: the person meant (found as findPerson finds them), or a new one — but never a new one silently
 * when the name is close to someone known (a namesake, a typo away): that is asked in a terminal, refused without one.
 */
export async function resolvePerson(people: PeopleReader, input: string, options: LookupOptions & { addNew?: boolean } = {}): Promise<PersonTarget> {
  if (parsePersonId(input) !== undefined) return { person: await findPerson(people, input) };
  const name = cleanName(input);
  if (options.addNew) return { add: name, apart: true };
  const exact = await withName(people, name);
  if (exact.length === 1) return { person: exact[0]! };
  if (exact.length > 1) return pickOrAdd(input, name, await describe(people, name, exact), options, 'namesakes');
  const words = await byWords(people, name);
  if (words.length === 1) return { person: words[0]! };
  if (words.length > 1) return pickOrAdd(input, name, words, options, 'namesakes');
  const close = await closeTo(people, name);
  // Each lookup is a read of its own: on a server, someone of exactly this name may have been added between them.
  const justAdded = close.filter((candidate) => candidate.formerName === null && sameName(candidate.name, name));
  if (justAdded.length === 1) return { person: justAdded[0]! };
  return close.length === 0 ? { add: name } : pickOrAdd(input, name, close, options);
}

/**
 * Adds the person a target names, or gives back the one it found. A name that was nobody's is looked up again inside
 * the write: another organizer may have added them since (on a server, at the same moment), and they are one person.
 */
export async function personFor(people: PeopleRepository, target: PersonTarget, now: string, extra: Partial<NewPerson> = {}): Promise<{ person: PersonRow; added: boolean }> {
  if ('person' in target) return { person: target.person, added: false };
  if (!target.apart) {
    const meanwhile = await withName(people, target.add);
    if (meanwhile.length === 1) return { person: meanwhile[0]!, added: false };
  }
  const id = await people.add({ ...extra, name: target.add, nameKey: nameKey(target.add) }, now);
  return { person: (await people.get(id))!, added: true };
}

/** Everyone with this name, whatever the case, accents and apostrophes, but not a name that differs in a vowel sign. */
export async function withName(people: PeopleReader, name: string): Promise<PersonRow[]> {
  return (await people.withNameKey(nameKey(name))).filter((person) => sameName(person.name, name));
}

async function byWords(people: PeopleReader, name: string): Promise<Candidate[]> {
  const rows = await people.withNameWord(nameKey(name), 500);
  const typed = matchKey(name);
  return distinct(rows.filter((row) => nameMatches(typed, matchKey(row.formerName ?? row.name))));
}

/** Names a typo or two away, found through a word they share the beginning of. */
async function closeTo(people: PeopleReader, name: string): Promise<Candidate[]> {
  const words = nameKey(name).split(' ');
  const near = [...(await people.withNameWord(words[0]!, 500)), ...(words.length > 1 ? await people.withNameWord(words.at(-1)!, 500) : [])];
  const typed = matchKey(name);
  const most = Math.max(1, Math.floor(typed.length / 6));
  return distinct(near.filter((row) => nameDistance(typed, matchKey(row.formerName ?? row.name)) <= most));
}

async function describe(people: PeopleReader, name: string, exact: PersonRow[]): Promise<Candidate[]> {
  const ids = new Set(exact.map((person) => person.id));
  const rows = (await people.withNameWord(nameKey(name), 500)).filter((row) => ids.has(row.id));
  return distinct(rows.length ? rows : exact.map((person) => ({ ...person, formerName: null, lastMet: null })));
}

function distinct(rows: Candidate[]): Candidate[] {
  const seen = new Map<number, Candidate>();
  for (const row of rows) if (!seen.has(row.id) || row.formerName === null) seen.set(row.id, row);
  return [...seen.values()].sort((a, b) => a.id - b.id);
}

/** What tells people with one name apart: their id, contact details, where they stand, when last met. */
export function apart(person: Candidate): string {
  const words = peopleWords().lookup;
  const facts = [person.email, person.phone, person.neighborhood, person.organization, rungLabel(person.rung),
    person.lastMet ? words.lastMet(formats().date(new Date(person.lastMet))) : words.neverMet].filter(Boolean);
  const former = person.formerName ? words.once(person.formerName) : '';
  return `#${person.id} ${person.name}${former}: ${facts.join(', ')}`;
}

function interactive(options: LookupOptions): boolean {
  return options.interactive ?? (options.choose !== undefined || canAsk());
}

async function defaultChooser(): Promise<NonNullable<LookupOptions['choose']>> {
  return (await import('../ui/choose-person.js')).choosePerson;
}

async function pickOne(input: string, candidates: Candidate[], options: LookupOptions): Promise<PersonRow> {
  if (!interactive(options)) throw ambiguous(input, candidates);
  const pick = await (options.choose ?? (await defaultChooser()))(peopleWords().lookup.whichOne(input, candidates.length), candidates.slice(0, MOST_CANDIDATES).map((c) => ({ id: c.id, label: apart(c) })));
  return candidates.find((c) => c.id === pick)!;
}

async function pickOrAdd(input: string, name: string, candidates: Candidate[], options: LookupOptions, kind: 'namesakes' | 'close' = 'close'): Promise<PersonTarget> {
  if (!interactive(options)) {
    throw new DomainError('person.close', {
      input, count: candidates.length, namesakes: kind === 'namesakes', list: list(candidates), firstId: candidates[0]!.id, flag: options.newFlag ?? '--new', name,
    });
  }
  const choices = candidates.slice(0, MOST_CANDIDATES).map((c) => ({ id: c.id, label: apart(c) }));
  const words = peopleWords().lookup;
  const question = kind === 'namesakes' ? words.whoIsIt(input, candidates.length) : words.closeTo(input);
  const pick = await (options.choose ?? (await defaultChooser()))(question, [...choices, { id: 0, label: words.addAsNew(name) }]);
  return pick === 0 ? { add: name, apart: true } : { person: candidates.find((c) => c.id === pick)! };
}

function list(candidates: Candidate[]): string {
  const shown = candidates.slice(0, MOST_CANDIDATES).map(apart).join('; ');
  return candidates.length > MOST_CANDIDATES ? `${shown}${peopleWords().lookup.andMore(candidates.length - MOST_CANDIDATES)}` : shown;
}

function ambiguous(input: string, candidates: Candidate[]): UserError {
  return new DomainError('person.ambiguous', { input, count: candidates.length, list: list(candidates), firstId: candidates[0]!.id });
}

/** What the search box offers while the organizer types: everyone whose name fits, then always "add" (a namesake is someone else). */
export function nameSearchChoices(everyone: { id: number; name: string }[], term: string, addLabel: (name: string) => string) {
  const key = nameKey(term);
  const matches = everyone.filter((person) => {
    const other = nameKey(person.name);
    return other.includes(key) || nameMatches(key, other);
  });
  const choices: { name: string; value: { id: number } | { add: string }; description?: string }[] = matches.map((person) => ({
    name: person.name, value: { id: person.id }, description: `#${person.id}`,
  }));
  if (term.trim() !== '') choices.push({ name: addLabel(term.trim()), value: { add: term.trim() } });
  return choices;
}
