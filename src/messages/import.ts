/** What `import` says about a people sheet it read: who is added or changed, what was kept, the counts. In English. */
import type { PersonField, Place } from '../people/import.js';
import { spokenCatalogues } from './spoken.js';

export interface ImportWords {
  fields: Record<PersonField, string>;
  /** What the file had instead of a whole neighborhood: "the file has only the zip code 60608". */
  places: Record<Place, string>;
  none: string;
  interpreter(needed: boolean): string;
  /** "(lines 3, 5, same email)". */
  where(lines: number[], matchedBy: 'email' | 'phone' | 'name' | undefined): string;
  /** Someone of the same name kept as another person: "not Ana Ruiz #3: another email and phone". */
  apart(name: string, from: { id?: number; line?: number }, because: ('email' | 'phone')[]): string;
  /** A person's first line: "added Ana Ruiz #4 (line 2)", "add …" in a dry run; "changed", "change"; "unchanged". */
  heading(group: 'added' | 'changed' | 'unchanged', dryRun: boolean, who: string, where: string): string;
  notesAdded(added: string): string;
  kept: {
    coarser(field: string, kept: string, place: Place, offered: string): string;
    lower(field: string, kept: string, offered: string): string;
    judgment(field: string, kept: string, offered: string): string;
    referrerUnknown(field: string, offered: string, line: number, kept: string | null): string;
    referrerAmbiguous(field: string, offered: string, line: number, kept: string | null): string;
  };
  counts(added: number, changed: number, unchanged: number, bad: number, dryRun: boolean): string;
  /** A bad row's reason, the end of "line 4: …". */
  nameAmbiguous(name: string, count: number, ids: number[], lines: number[]): string;
  unknownLanguage(value: string, languages: readonly string[]): string;
  unreadableInterpreter(value: string): string;
  /** Before the rows: what was read and how. */
  ignoring(columns: string[]): string;
  windows1252(file: string): string;
  separatedBy(file: string, separator: ';' | '\t'): string;
}

const FIELDS_EN: Record<PersonField, string> = {
  email: 'email', phone: 'phone', neighborhood: 'neighborhood', organization: 'organization', notes: 'notes', rung: 'rung',
  potential: 'potential', referredBy: 'referred by', assessment: 'assessment', units: 'units', language: 'language', interpreter: 'interpreter',
};

const PLACES_EN: Record<Place, string> = { area: 'a neighborhood', address: 'an address', city: 'the city', postal: 'the zip code' };

const s = (count: number) => (count === 1 ? '' : 's');
const leftAs = (kept: string | null) => (kept === null ? 'empty' : `as ${kept}`);

const IMPORT_EN: ImportWords = {
  fields: FIELDS_EN,
  places: PLACES_EN,
  none: '(none)',
  interpreter: (needed) => (needed ? 'needed' : 'not needed'),
  where: (lines, matchedBy) => {
    const said = `line${s(lines.length)} ${lines.join(', ')}`;
    return matchedBy ? `(${said}, same ${matchedBy})` : `(${said})`;
  },
  apart: (name, from, because) => `not ${from.id !== undefined ? `${name} #${from.id}` : `the ${name} of line ${from.line}`}: another ${because.join(' and ')}`,
  heading: (group, dryRun, who, where) => `${group === 'unchanged' ? 'unchanged' : dryRun ? (group === 'added' ? 'add' : 'change') : group} ${who} ${where}`,
  notesAdded: (added) => `  notes: added ${added}`,
  kept: {
    coarser: (field, kept, place, offered) => `  ${field}: kept ${kept} (the file has only ${PLACES_EN[place]} ${offered}; --overwrite takes it)`,
    lower: (field, kept, offered) => `  ${field}: kept ${kept} (the file says ${offered}, lower on the ladder; --demote takes it)`,
    judgment: (field, kept, offered) => `  ${field}: kept ${kept} (the file says ${offered}; --overwrite takes it)`,
    referrerUnknown: (field, offered, line, kept) => `  ${field}: nobody in the file or in your records is called "${offered}" (line ${line}); left ${leftAs(kept)}`,
    referrerAmbiguous: (field, offered, line, kept) =>
      `  ${field}: several people are called "${offered}" (line ${line}); left ${leftAs(kept)}; write the one you mean as "${offered} (#id)"`,
  },
  counts: (added, changed, unchanged, bad, dryRun) => {
    const line = dryRun ? `Would add ${added}, change ${changed}, leave ${unchanged} unchanged.` : `Added ${added}, changed ${changed}, left ${unchanged} unchanged.`;
    return `${line}${bad === 0 ? '' : ` ${bad} bad row${s(bad)} left out.`}${dryRun ? ' Nothing was changed (dry run).' : ''}`;
  },
  nameAmbiguous: (name, count, ids, lines) => {
    const inFile = lines.length === 0 ? [] : [`line${s(lines.length)} ${lines.join(', ')} of the file`];
    return `"${name}" could be any of ${count} people (${[...ids.map((id) => `#${id}`), ...inFile].join(', ')}); add an email or phone to say which`;
  },
  unknownLanguage: (value, languages) => `"${value}" is not a language oneonone knows (write ${languages.join(' or ')}, English or Spanish)`,
  unreadableInterpreter: (value) => `"${value}" under interpreter is neither yes nor no`,
  ignoring: (columns) => `Ignoring column${s(columns.length)} ${columns.map((name) => `"${name}"`).join(', ')} (read one with --map "Header=field").`,
  windows1252: (file) => `Reading ${file} as Windows-1252 (it is not UTF-8); if letters look wrong, save it as "CSV UTF-8".`,
  separatedBy: (file, separator) => `The columns of ${file} are separated by ${separator === ';' ? 'semicolons' : 'tabs'} (another separator: --delimiter).`,
};

export const importWords = (): ImportWords => spokenCatalogues()?.import ?? IMPORT_EN;
