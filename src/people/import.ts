import { DomainError, refusal, type Refusal } from '../support/errors.js';
import { parseRung, type Rung } from './ladder.js';
import { cleanName, nameKey, sameName } from './names.js';
import { cleanEmail, cleanText } from './text.js';

/** What a spreadsheet column can be read as. */
export const IMPORT_FIELDS = ['name', 'first', 'last', 'email', 'phone', 'neighborhood', 'organization', 'notes', 'rung'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Headers as people write them, compared without case, spaces, underscores or punctuation. */
const KNOWN_HEADERS: Record<string, ImportField> = {
  name: 'name', fullname: 'name', contact: 'name', contactname: 'name', person: 'name',
  first: 'first', firstname: 'first', given: 'first', givenname: 'first', forename: 'first',
  last: 'last', lastname: 'last', family: 'last', familyname: 'last', surname: 'last',
  email: 'email', emailaddress: 'email', mail: 'email',
  phone: 'phone', phonenumber: 'phone', mobile: 'phone', mobilephone: 'phone', mobilenumber: 'phone', cell: 'phone',
  cellphone: 'phone', cellnumber: 'phone', telephone: 'phone', tel: 'phone',
  address: 'neighborhood', neighborhood: 'neighborhood', neighbourhood: 'neighborhood', area: 'neighborhood',
  organization: 'organization', organisation: 'organization', org: 'organization', employer: 'organization',
  school: 'organization', congregation: 'organization', workplace: 'organization', company: 'organization',
  notes: 'notes', note: 'notes', comments: 'notes', comment: 'notes',
  rung: 'rung', level: 'rung',
};

/** "E-mail", "e_mail " and "EMAIL" are one header. */
export function headerKey(header: string): string {
  return header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

export function isImportField(text: string): text is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(text);
}

/** `--map "Cell=phone"`: the header as written in the file, and the field it is read as. */
export function parseMapping(text: string): { header: string; field: ImportField } {
  const at = text.lastIndexOf('=');
  const header = at < 0 ? '' : text.slice(0, at).trim();
  const field = at < 0 ? '' : text.slice(at + 1).trim().toLowerCase();
  if (header === '' || field === '') throw new DomainError('import.map-not-pair', { mapping: text });
  if (!isImportField(field)) throw new DomainError('import.map-unknown-field', { mapping: text, field });
  return { header, field };
}

export interface ColumnPlan {
  /** For each column of the file, the field it fills, or null when it is ignored. */
  fields: (ImportField | null)[];
  ignored: string[];
}

/** Which column is which: --map first, then the headers oneonone recognises; the first column for a field wins. */
export function planColumns(headers: string[], mappings: { header: string; field: ImportField }[]): ColumnPlan {
  const keys = headers.map(headerKey);
  const fields: (ImportField | null)[] = headers.map(() => null);
  for (const mapping of mappings) {
    const index = keys.indexOf(headerKey(mapping.header));
    if (index < 0) throw new DomainError('import.map-no-column', { header: mapping.header, field: mapping.field, columns: headers });
    fields[index] = mapping.field;
  }
  const taken = new Set(fields.filter((field) => field !== null));
  keys.forEach((key, index) => {
    const field = KNOWN_HEADERS[key];
    if (fields[index] !== null || field === undefined || taken.has(field)) return;
    fields[index] = field;
    taken.add(field);
  });
  const hasName = taken.has('name') || taken.has('first') || taken.has('last');
  if (!hasName) throw new DomainError('import.no-name-column', { columns: headers });
  const ignored = headers.filter((header, index) => fields[index] === null && header.trim() !== '');
  return { fields, ignored };
}

/** One person as a row of the file says, checked. */
export interface ImportedPerson {
  line: number;
  name: string;
  nameKey: string;
  email?: string;
  phone?: string;
  phoneDigits?: string;
  neighborhood?: string;
  organization?: string;
  notes?: string;
  rung?: Rung;
}

/** A bad row's reason is a refusal (a code and its values), worded when it is shown. */
export interface BadRow {
  line: number;
  reason: Refusal;
}

export type CheckedRow = { kind: 'person'; person: ImportedPerson } | ({ kind: 'bad' } & BadRow) | { kind: 'blank'; line: number };

/** Enough digits to tell one phone from another; fewer never match anybody. */
const MIN_PHONE_DIGITS = 7;
/** The last nine digits: "+1 555 010 0300" and "555.010.0300", or "+33 6 12 34 56 78" and "06 12 34 56 78", are one phone. */
const PHONE_KEY_DIGITS = 9;

/** How phones are compared: by their digits only, ignoring a country code or trunk 0 in front. */
export function phoneDigits(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-PHONE_KEY_DIGITS) : undefined;
}

/** A row becomes a person, a reason it cannot, or nothing at all (an empty line of a spreadsheet). */
export function checkRow(cells: string[], columns: ColumnPlan, line: number): CheckedRow {
  const values: Partial<Record<ImportField, string>> = {};
  columns.fields.forEach((field, index) => {
    const cell = (cells[index] ?? '').trim();
    if (field !== null && cell !== '' && values[field] === undefined) values[field] = cell;
  });
  if (cells.every((cell) => cell.trim() === '')) return { kind: 'blank', line };
  try {
    const written = values.name ?? [values.first, values.last].filter(Boolean).join(' ');
    const name = cleanName(written);
    const person: ImportedPerson = { line, name, nameKey: nameKey(name) };
    if (values.email !== undefined) person.email = cleanEmail(values.email);
    if (values.rung !== undefined) person.rung = parseRung(values.rung);
    for (const field of ['phone', 'neighborhood', 'organization', 'notes'] as const) {
      if (values[field] !== undefined) person[field] = cleanText(values[field]!, field);
    }
    if (person.phone !== undefined) person.phoneDigits = phoneDigits(person.phone);
    return { kind: 'person', person };
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'bad', line, reason: refusal(error.code, error.params) };
    throw error;
  }
}

/** A person already in the database, as the import needs to see them. */
export interface KnownPerson {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  rung: string;
}

/** How the plan asks the store about people; in a dry run over no database, nobody is known. */
export interface PersonLookup {
  byEmail(email: string): Promise<KnownPerson | undefined>;
  byPhoneDigits(digits: string): Promise<KnownPerson | undefined>;
  /** Everyone with this name key (more than one means the name alone cannot say who). */
  byNameKey(key: string): Promise<KnownPerson[]>;
}

export type ContactField = 'email' | 'phone' | 'neighborhood' | 'organization' | 'notes';
const CONTACT_FIELDS: ContactField[] = ['email', 'phone', 'neighborhood', 'organization', 'notes'];

/** One person the import will add or change, with every row of the file that spoke of them. */
export interface ImportTarget {
  existing?: KnownPerson;
  name: string;
  nameKey: string;
  details: Record<ContactField, string | null>;
  rung: Rung | null;
  lines: number[];
}

export type RowAction = 'add' | 'update' | 'skip';

export interface RowOutcome {
  line: number;
  action: RowAction;
  target: ImportTarget;
  /** How the row was matched to someone known: by email, phone or name; absent for a new person. */
  matchedBy?: 'email' | 'phone' | 'name';
  changed: string[];
}

export interface ImportPlan {
  rows: RowOutcome[];
  bad: BadRow[];
  targets: ImportTarget[];
  added: number;
  updated: number;
  skipped: number;
}

/**
 * Decides, row by row, who each row is: someone known (by email, then phone, then exact name) whose details it
 * fills in or overwrites, someone an earlier row of the same file already spoke of (merged), or a new person.
 * Notes are added to what is known, never written over.
 */
export async function planImport(rows: CheckedRow[], lookup: PersonLookup): Promise<ImportPlan> {
  const plan: ImportPlan = { rows: [], bad: [], targets: [], added: 0, updated: 0, skipped: 0 };
  const byEmail = new Map<string, ImportTarget>();
  const byPhone = new Map<string, ImportTarget>();
  const byName = new Map<string, ImportTarget[]>();
  const byId = new Map<number, ImportTarget>();
  const remember = (target: ImportTarget): void => {
    if (target.details.email) byEmail.set(target.details.email.toLowerCase(), target);
    const digits = target.details.phone ? phoneDigits(target.details.phone) : undefined;
    if (digits) byPhone.set(digits, target);
    const sameKey = byName.get(target.nameKey) ?? [];
    if (!sameKey.includes(target)) byName.set(target.nameKey, [...sameKey, target]);
    if (target.existing) byId.set(target.existing.id, target);
  };
  const targetFor = (known: KnownPerson): ImportTarget => {
    const seen = byId.get(known.id);
    if (seen) return seen;
    const target: ImportTarget = {
      existing: known, name: known.name, nameKey: nameKey(known.name),
      details: { email: known.email, phone: known.phone, neighborhood: known.neighborhood, organization: known.organization, notes: known.notes },
      rung: known.rung as Rung, lines: [],
    };
    plan.targets.push(target);
    return target;
  };

  for (const row of rows) {
    if (row.kind === 'blank') continue;
    if (row.kind === 'bad') {
      plan.bad.push({ line: row.line, reason: row.reason });
      continue;
    }
    const person = row.person;
    let target: ImportTarget | undefined;
    let matchedBy: RowOutcome['matchedBy'];
    const email = person.email?.toLowerCase();
    if (email !== undefined) {
      target = byEmail.get(email);
      const known = target ? undefined : await lookup.byEmail(email);
      if (known) target = targetFor(known);
      if (target) matchedBy = 'email';
    }
    if (!target && person.phoneDigits !== undefined) {
      target = byPhone.get(person.phoneDigits);
      const known = target ? undefined : await lookup.byPhoneDigits(person.phoneDigits);
      if (known) target = targetFor(known);
      if (target) matchedBy = 'phone';
    }
    if (!target) {
      target = byName.get(person.nameKey)?.find((candidate) => sameName(candidate.name, person.name));
      if (!target) {
        const known = (await lookup.byNameKey(person.nameKey)).filter((candidate) => sameName(candidate.name, person.name));
        if (known.length > 1) {
          plan.bad.push({ line: person.line, reason: refusal('import.name-shared', { name: person.name, ids: known.map((k) => k.id) }) });
          continue;
        }
        if (known.length === 1) target = targetFor(known[0]!);
      }
      if (target) matchedBy = 'name';
    }

    if (!target) {
      target = {
        name: person.name, nameKey: person.nameKey, rung: person.rung ?? null, lines: [person.line],
        details: { email: person.email ?? null, phone: person.phone ?? null, neighborhood: person.neighborhood ?? null, organization: person.organization ?? null, notes: person.notes ?? null },
      };
      plan.targets.push(target);
      remember(target);
      plan.rows.push({ line: person.line, action: 'add', target, changed: [] });
      plan.added++;
      continue;
    }

    const changed = mergeInto(target, person);
    target.lines.push(person.line);
    remember(target);
    const action: RowAction = changed.length > 0 ? 'update' : 'skip';
    plan.rows.push({ line: person.line, action, target, matchedBy, changed });
    if (action === 'update') plan.updated++;
    else plan.skipped++;
  }
  return plan;
}

function mergeInto(target: ImportTarget, person: ImportedPerson): string[] {
  const changed: string[] = [];
  for (const field of CONTACT_FIELDS) {
    const given = person[field];
    if (given === undefined) continue;
    const current = target.details[field];
    if (field === 'notes') {
      if (current !== null && current.includes(given)) continue;
      target.details.notes = current === null ? given : `${current}\n${given}`;
    } else {
      if (current === given || (field === 'email' && current?.toLowerCase() === given.toLowerCase())) continue;
      if (field === 'phone' && current !== null && phoneDigits(current) !== undefined && phoneDigits(current) === person.phoneDigits) continue;
      target.details[field] = given;
    }
    changed.push(field);
  }
  if (person.rung !== undefined && person.rung !== target.rung) {
    target.rung = person.rung;
    changed.push('rung');
  }
  return changed;
}
