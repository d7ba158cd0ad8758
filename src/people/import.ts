import { unguardFormula } from '../support/csv-safety.js';
import { DomainError, refusal, type Refusal } from '../support/errors.js';
import { NOT_ASSESSED, parseAssessment } from './assessment.js';
import { parseRung, rungLevel, type Rung } from './ladder.js';
import { cleanName, nameKey, sameName } from './names.js';
import { cleanEmail, cleanText, parsePotential } from './text.js';
import { readLanguage, readYesNo } from './language.js';
import type { Language } from '../support/language.js';

/** What a spreadsheet column can be read as. */
export const IMPORT_FIELDS = [
  'name', 'first', 'last', 'email', 'phone', 'neighborhood', 'organization', 'notes', 'rung', 'potential', 'referred_by', 'assessment', 'units',
  'language', 'interpreter',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * What a column that fills the neighborhood holds, finest first: a neighborhood (or area, ward), a street address,
 * a city, a zip or postal code. A coarser one never replaces a finer one the organizer wrote (see `coarser`).
 */
export type Place = 'area' | 'address' | 'city' | 'postal';

interface HeaderSpec {
  field: ImportField;
  /** Where several columns fill one field, the lowest rank is tried first (then the order of the columns). */
  rank: number;
  place?: Place;
}

/**
 * Headers as people and tools write them, compared by `headerKey` (no case, spaces, underscores or punctuation).
 * Besides plain sign-in sheets: Action Network (first_name, last_name, email, zip_code, can2_phone, can2_user_address,
 * can2_user_city), NationBuilder (phone_number, mobile_number, work_phone_number, email1…, primary_address1,
 * primary_city, primary_zip, employer, tag_list), VAN/EveryAction (FirstName, LastName, HomePhone, CellPhone,
 * WorkPhone, PersonalEmail, WorkEmail, OtherEmail, Address, City, Zip5, Employer), Mobilize (First name, Last name,
 * Email, Phone, Zip code; given_name, family_name, email_address, phone_number, postal_code in its API and warehouse
 * tables), a Google Forms sheet (Email Address, Name, Phone number), and oneonone's own export (rung, potential,
 * referred_by, assessment, units, language, interpreter). Spanish sheets too, as organizers and Spanish Excel or Google Forms write them
 * (Nombre, Apellido(s), Correo electrónico, Teléfono, Celular, Barrio, Colonia, Dirección, Código postal…); accents
 * and case do not count.
 */
const HEADER_GROUPS: [ImportField, number, Place | undefined, string[]][] = [
  ['name', 0, undefined, ['name', 'fullname', 'contact', 'contactname', 'person', 'yourname', 'attendee', 'attendeename',
    'nombre', 'nombres', 'nombrecompleto', 'nombreyapellido', 'nombreyapellidos', 'contacto', 'persona', 'tunombre', 'asistente']],
  ['first', 0, undefined, ['first', 'firstname', 'given', 'givenname', 'forename', 'fname', 'usergivenname', 'primernombre', 'nombrepila', 'nombredepila']],
  ['last', 0, undefined, ['last', 'lastname', 'family', 'familyname', 'surname', 'lname', 'userfamilyname', 'apellido', 'apellidos', 'primerapellido']],
  ['email', 0, undefined, ['email', 'emailaddress', 'mail', 'email1', 'personalemail', 'primaryemail', 'youremail', 'useremailaddress',
    'correo', 'correoelectronico', 'tucorreo', 'tucorreoelectronico', 'direcciondecorreo', 'direcciondecorreoelectronico']],
  ['email', 1, undefined, ['email2', 'email3', 'email4', 'otheremail', 'homeemail', 'alternateemail']],
  ['email', 2, undefined, ['workemail', 'workemailaddress', 'correodeltrabajo', 'correodetrabajo']],
  ['phone', 0, undefined, [
    'phone', 'phonenumber', 'mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone', 'cellnumber', 'telephone', 'tel',
    'can2phone', 'primaryphone', 'yourphonenumber', 'userphonenumber',
    'telefono', 'numerodetelefono', 'celular', 'numerodecelular', 'movil', 'telefonocelular', 'telefonomovil', 'whatsapp', 'tutelefono',
  ]],
  ['phone', 1, undefined, ['homephone', 'homephonenumber', 'landline', 'otherphone', 'phone2', 'telefonodecasa', 'telefonocasa', 'telefonofijo', 'otrotelefono']],
  ['phone', 2, undefined, ['workphone', 'workphonenumber', 'officephone', 'telefonodeltrabajo', 'telefonodetrabajo', 'telefonotrabajo']],
  ['neighborhood', 0, 'area', ['neighborhood', 'neighbourhood', 'area', 'ward', 'barrio', 'colonia', 'vecindario', 'zona']],
  ['neighborhood', 1, 'address', ['address', 'streetaddress', 'address1', 'homeaddress', 'primaryaddress1', 'can2useraddress', 'direccion', 'domicilio', 'calle', 'tudireccion']],
  ['neighborhood', 2, 'city', ['city', 'town', 'primarycity', 'can2usercity', 'usercity', 'ciudad', 'municipio', 'pueblo']],
  ['neighborhood', 3, 'postal', ['zip', 'zipcode', 'zip5', 'postcode', 'postalcode', 'primaryzip', 'userpostalcode', 'codigopostal', 'cp', 'zonapostal']],
  ['organization', 0, undefined, ['organization', 'organisation', 'org', 'employer', 'school', 'congregation', 'workplace', 'company',
    'organizacion', 'empleador', 'escuela', 'congregacion', 'iglesia', 'parroquia', 'lugardetrabajo', 'trabajo', 'empresa', 'compania']],
  ['notes', 0, undefined, ['notes', 'note', 'comments', 'comment', 'taglist', 'tags', 'notas', 'nota', 'comentarios', 'comentario', 'observaciones', 'etiquetas']],
  ['rung', 0, undefined, ['rung', 'level', 'peldano', 'nivel', 'escalon']],
  ['potential', 0, undefined, ['potential', 'leadershippotential', 'potencial', 'potencialdeliderazgo']],
  ['referred_by', 0, undefined, ['referredby', 'recruitedby', 'referidopor', 'referidapor', 'invitadopor', 'invitadapor', 'recomendadopor', 'recomendadapor']],
  ['assessment', 0, undefined, ['assessment', 'assessed', 'supportlevel', 'campaignassessment', 'evaluacion', 'evaluaciondecampana', 'niveldeapoyo']],
  // Not "unit" (an apartment's number in address columns) nor "shift" (an event's time slot in Mobilize).
  ['units', 0, undefined, ['units', 'building', 'worksite', 'unidades', 'edificio', 'centrodetrabajo']],
  ['language', 0, undefined, ['language', 'preferredlanguage', 'languagepreferred', 'idioma', 'idiomapreferido', 'lengua', 'lenguapreferida']],
  ['interpreter', 0, undefined, ['interpreter', 'needsinterpreter', 'interpreterneeded', 'interprete', 'necesitainterprete', 'requiereinterprete']],
];

const KNOWN_HEADERS = new Map<string, HeaderSpec>(
  HEADER_GROUPS.flatMap(([field, rank, place, keys]) => keys.map((key): [string, HeaderSpec] => [key, place ? { field, rank, place } : { field, rank }])),
);

/** A Spanish sheet's "Nombre(s)" is the whole name alone, and the given names beside an "Apellido(s)" column. */
const GIVEN_BESIDE_SURNAME = new Set(['nombre', 'nombres']);

function givenNameBesideSurname(keys: string[], fields: (ImportField | null)[], mapped: Set<number>): void {
  if (!fields.includes('last') || fields.includes('first')) return;
  const given = keys.findIndex((key, index) => GIVEN_BESIDE_SURNAME.has(key) && !mapped.has(index));
  if (given >= 0) fields[given] = 'first';
}

/** The `id` column of oneonone's own export: it only tells which of two people with one name referred someone. */
const FILE_ID_HEADER = 'id';

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
  const field = at < 0 ? '' : text.slice(at + 1).trim().toLowerCase().replace(/-/g, '_');
  if (header === '' || field === '') throw new DomainError('import.map-not-pair', { mapping: text });
  if (!isImportField(field)) throw new DomainError('import.map-unknown-field', { mapping: text, field });
  return { header, field };
}

export interface ColumnPlan {
  /** For each column of the file, the field it fills, or null when it is ignored. */
  fields: (ImportField | null)[];
  /** For each column, its rank among the columns of its field: a row takes the first non-empty, lowest rank first. */
  ranks: number[];
  /** For each column that fills the neighborhood, what kind of place it holds. */
  places: (Place | null)[];
  /** The column holding the file's own ids (oneonone's export), if any. */
  idColumn: number | null;
  /** The columns in the order a row reads them: by rank, then as they stand in the file. */
  order: number[];
  ignored: string[];
}

/**
 * Which column is which: --map first (tried before any other column for its field), then the headers oneonone
 * recognises. Several columns may fill one field (a home, a cell and a work phone): a row takes the first
 * non-empty one, by rank and then in the order of the columns. Notes are the exception: every notes column is kept.
 */
export function planColumns(headers: string[], mappings: { header: string; field: ImportField }[]): ColumnPlan {
  const keys = headers.map(headerKey);
  const fields: (ImportField | null)[] = headers.map(() => null);
  const ranks: number[] = headers.map(() => 0);
  const places: (Place | null)[] = headers.map(() => null);
  for (const mapping of mappings) {
    const index = keys.indexOf(headerKey(mapping.header));
    if (index < 0) throw new DomainError('import.map-no-column', { header: mapping.header, field: mapping.field, columns: headers });
    fields[index] = mapping.field;
    ranks[index] = -1;
    places[index] = mapping.field === 'neighborhood' ? 'area' : null;
  }
  const mapped = new Set(fields.map((field, index) => (field === null ? -1 : index)));
  let idColumn: number | null = null;
  keys.forEach((key, index) => {
    if (mapped.has(index)) return;
    if (key === FILE_ID_HEADER && idColumn === null) {
      idColumn = index;
      return;
    }
    const spec = KNOWN_HEADERS.get(key);
    if (spec === undefined) return;
    fields[index] = spec.field;
    ranks[index] = spec.rank;
    places[index] = spec.place ?? null;
  });
  givenNameBesideSurname(keys, fields, mapped);
  const hasName = fields.some((field) => field === 'name' || field === 'first' || field === 'last');
  if (!hasName) throw new DomainError('import.no-name-column', { columns: headers });
  const ignored = headers.filter((header, index) => fields[index] === null && index !== idColumn && header.trim() !== '');
  const order = fields.map((_, index) => index).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
  return { fields, ranks, places, idColumn, order, ignored };
}

/** Who referred someone, as a cell says it: a name, and in oneonone's own export "Name (#12)" when the name is shared. */
export interface ReferrerCell {
  name: string;
  fileId?: string;
}

/** The details an import can write, each a text or nothing. */
export type ContactField = 'email' | 'phone' | 'neighborhood' | 'organization' | 'notes';
const CONTACT_FIELDS: ContactField[] = ['email', 'phone', 'neighborhood', 'organization', 'notes'];
/** The details an empty cell can clear, with --overwrite (notes are only ever added to). */
type ClearableField = Exclude<ContactField, 'notes'>;
const CLEARABLE_FIELDS: ClearableField[] = ['email', 'phone', 'neighborhood', 'organization'];

/** One person as a row of the file says, checked. */
export interface ImportedPerson {
  line: number;
  name: string;
  nameKey: string;
  email?: string;
  phone?: string;
  phoneDigits?: string;
  neighborhood?: string;
  /** What kind of place the neighborhood is: from its column, or a postal code when it is only one. */
  neighborhoodPlace?: Place;
  organization?: string;
  notes?: string;
  rung?: Rung;
  potential?: number;
  referredBy?: ReferrerCell;
  /** 1 strong supporter … 5 opposed; a 0 or an empty cell says nothing. */
  assessment?: number;
  /** The units the row puts them in ("Building 12; Night shift"): joined, never left, by an import. */
  units?: string[];
  /** The language they would rather meet in ("es", "Spanish", "Español"). */
  language?: Language;
  /** Whether a meeting needs an interpreter ("yes", "sí", "1"). */
  interpreter?: boolean;
  /** The row's id in the file (oneonone's own export), for referrals that name a shared name. */
  fileId?: string;
  /** Details the file has a column for but this row leaves empty: cleared only with --overwrite. */
  emptied: ClearableField[];
}

/** A row whose name fits several people, some of them only rows of this file (no id yet). */
export interface AmbiguousName {
  code: 'import.name-ambiguous';
  params: { name: string; ids: number[]; lines: number[] };
}

/** A cell of the language or interpreter column that says no language oneonone speaks, or neither yes nor no. */
export interface UnreadableCell {
  code: 'import.unreadable-cell';
  params: { field: 'language' | 'interpreter'; value: string };
}

/** A bad row's reason is a code and its values (a refusal), worded when it is shown. */
export interface BadRow {
  line: number;
  reason: Refusal | AmbiguousName | UnreadableCell;
}

export type CheckedRow =
  | { kind: 'person'; person: ImportedPerson }
  | { kind: 'bad'; line: number; reason: Refusal | UnreadableCell }
  | { kind: 'blank'; line: number };

/** Enough digits to tell one phone from another; fewer never match anybody. */
const MIN_PHONE_DIGITS = 7;
/** The last nine digits: "+1 555 010 0300" and "555.010.0300", or "+33 6 12 34 56 78" and "06 12 34 56 78", are one phone. */
const PHONE_KEY_DIGITS = 9;

/** How phones are compared: by their digits only, ignoring a country code or trunk 0 in front. */
export function phoneDigits(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-PHONE_KEY_DIGITS) : undefined;
}

/**
 * A zip or postal code and nothing else: US (02139, 02139-4307), most of Europe (75011, 1010), the UK (SW1A 1AA),
 * Canada (K1A 0B1), the Netherlands (1012 AB).
 */
export function isPostalCode(text: string): boolean {
  const value = text.trim();
  return /^\d{3,6}(-\d{3,4})?$/.test(value)
    || /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(value)
    || /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i.test(value)
    || /^\d{4} ?[A-Z]{2}$/i.test(value);
}

const PLACE_GRAIN: Record<Place, number> = { area: 0, address: 0, city: 1, postal: 2 };

/**
 * Whether a neighborhood from the file says less than the one known: a city or a zip code over a neighborhood or
 * an address, a zip code over a city. What is known is plain text, so its kind is guessed: a postal code, or else
 * a neighborhood (the finest). So a city never replaces a known value, unless it is only a zip code.
 */
export function coarser(given: Place, current: string): boolean {
  const known: Place = isPostalCode(current) ? 'postal' : 'area';
  return PLACE_GRAIN[given] > PLACE_GRAIN[known];
}

const REFERRER_WITH_ID = /^(.*\S)\s*\(#(\d+)\)$/;

/** A row becomes a person, a reason it cannot, or nothing at all (an empty line of a spreadsheet). */
export function checkRow(cells: string[], columns: ColumnPlan, line: number): CheckedRow {
  if (cells.every((cell) => cell.trim() === '')) return { kind: 'blank', line };
  const text = (index: number): string => unguardFormula((cells[index] ?? '').trim()).trim();
  const chosen: Partial<Record<ImportField, { value: string; index: number }>> = {};
  const notes: string[] = [];
  const present = new Set<ImportField>();
  for (const index of columns.order) {
    const field = columns.fields[index];
    if (field === null || field === undefined) continue;
    present.add(field);
    const value = text(index);
    if (value === '') continue;
    if (field === 'notes') notes.push(value);
    else chosen[field] ??= { value, index };
  }
  if (notes.length > 0) chosen.notes = { value: notes.join('\n'), index: -1 };
  try {
    const written = chosen.name?.value ?? [chosen.first?.value, chosen.last?.value].filter(Boolean).join(' ');
    const name = cleanName(written);
    const person: ImportedPerson = { line, name, nameKey: nameKey(name), emptied: [] };
    if (chosen.email) person.email = cleanEmail(chosen.email.value);
    if (chosen.rung) person.rung = parseRung(chosen.rung.value);
    if (chosen.potential) person.potential = parsePotential(chosen.potential.value);
    if (chosen.assessment) {
      const level = parseAssessment(chosen.assessment.value);
      if (level !== NOT_ASSESSED) person.assessment = level;
    }
    if (chosen.units) person.units = unitNames(chosen.units.value);
    const unreadable = readNeeds(person, chosen.language?.value, chosen.interpreter?.value);
    if (unreadable) return { kind: 'bad', line, reason: unreadable };
    for (const field of ['phone', 'neighborhood', 'organization', 'notes'] as const) {
      if (chosen[field]) person[field] = cleanText(chosen[field].value, field);
    }
    if (person.phone !== undefined) person.phoneDigits = phoneDigits(person.phone);
    if (person.neighborhood !== undefined) {
      const place = columns.places[chosen.neighborhood!.index] ?? 'area';
      person.neighborhoodPlace = isPostalCode(person.neighborhood) ? 'postal' : place;
    }
    if (chosen.referred_by) {
      const match = REFERRER_WITH_ID.exec(chosen.referred_by.value);
      person.referredBy = match ? { name: cleanName(match[1]!, 'referrer name'), fileId: match[2]! } : { name: cleanName(chosen.referred_by.value, 'referrer name') };
    }
    if (columns.idColumn !== null && text(columns.idColumn) !== '') person.fileId = text(columns.idColumn);
    person.emptied = CLEARABLE_FIELDS.filter((field) => present.has(field) && person[field] === undefined);
    return { kind: 'person', person };
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'bad', line, reason: refusal(error.code, error.params) };
    throw error;
  }
}

/** The language and interpreter cells, read into the person; the first cell that reads as neither, if one does. */
function readNeeds(person: ImportedPerson, language: string | undefined, interpreter: string | undefined): UnreadableCell | undefined {
  if (language !== undefined) {
    person.language = readLanguage(language);
    if (person.language === undefined) return { code: 'import.unreadable-cell', params: { field: 'language', value: language } };
  }
  if (interpreter !== undefined) {
    person.interpreter = readYesNo(interpreter);
    if (person.interpreter === undefined) return { code: 'import.unreadable-cell', params: { field: 'interpreter', value: interpreter } };
  }
  return undefined;
}

/** A person already in the database, as the store's import lookups find them. */
export interface KnownContact {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  rung: string;
}

/** A person already in the database, as the import needs to see them: with the organizer's judgments too. */
export interface KnownPerson extends KnownContact {
  potential: number | null;
  assessment: number;
  /** The names of the units they belong to. */
  units: string[];
  language: Language | null;
  interpreter: boolean;
  referredBy: number | null;
  /** The referrer's name, for the report. */
  referredByName: string | null;
}

/** How the plan asks the store about people; in a dry run over no database, nobody is known. */
export interface PersonLookup {
  byEmail(email: string): Promise<KnownPerson | undefined>;
  byPhoneDigits(digits: string): Promise<KnownPerson | undefined>;
  /** Everyone with this name key (more than one means the name alone cannot say who). */
  byNameKey(key: string): Promise<KnownPerson[]>;
}

/** Someone a referral points at: a person known (id), or one this import adds (target), or both. */
export interface PersonRef {
  name: string;
  id?: number;
  target?: ImportTarget;
}

/** A detail of a person the import reports on. */
export type PersonField = ContactField | 'rung' | 'potential' | 'referredBy' | 'assessment' | 'units' | 'language' | 'interpreter';
export type FieldValue = string | number | boolean | PersonRef | null;

export interface FieldChange {
  field: PersonField;
  old: FieldValue;
  new: FieldValue;
}

/**
 * Why a value the file gives was not taken: coarser than the one known (a zip code over a neighborhood), lower on
 * the ladder, a judgment of the organizer's (potential, referred by) that only --overwrite replaces, or a referrer
 * the import cannot find (nobody, or several people, with that name).
 */
export type KeptReason = 'coarser' | 'lower' | 'judgment' | 'referrer-unknown' | 'referrer-ambiguous';

export interface KeptValue {
  field: PersonField;
  kept: FieldValue;
  offered: FieldValue;
  why: KeptReason;
  line: number;
  /** For a coarser neighborhood: what the file's value is (a city, a postal code). */
  place?: Place;
}

/** Someone known or earlier in the file with the row's name, told apart by a different email or phone. */
export interface KeptApart {
  id?: number;
  line?: number;
  because: ('email' | 'phone')[];
}

/** One person the import will add or change, with every row of the file that spoke of them. */
export interface ImportTarget {
  existing?: KnownPerson;
  name: string;
  nameKey: string;
  details: Record<ContactField, string | null>;
  rung: Rung | null;
  potential: number | null;
  /** 0 while nobody has assessed them. */
  assessment: number;
  /** The units they belong to once imported: those known, then the file's new ones. */
  units: string[];
  language: Language | null;
  interpreter: boolean;
  referrer: PersonRef | null;
  lines: number[];
  /** How the first of its rows was matched to someone known or earlier in the file. */
  matchedBy?: 'email' | 'phone' | 'name';
  /** For a new person: the people of the same name they were kept apart from, and why. */
  apartFrom: KeptApart[];
  /** What the file offered and the import did not take. */
  kept: KeptValue[];
}

export type RowAction = 'add' | 'update' | 'skip';

export interface RowOutcome {
  line: number;
  action: RowAction;
  target: ImportTarget;
  /** How the row was matched to someone known or an earlier row: by email, phone or name; absent for a new person. */
  matchedBy?: 'email' | 'phone' | 'name';
  changed: PersonField[];
}

export interface ImportPlan {
  rows: RowOutcome[];
  bad: BadRow[];
  targets: ImportTarget[];
  /** People added, people known and changed, people known and left as they were. */
  added: number;
  updated: number;
  skipped: number;
}

/** --demote lets a rung go down; --overwrite lets an empty or coarser value, or another judgment, replace one known. */
export interface ImportRules {
  demote?: boolean;
  overwrite?: boolean;
}

type Candidate = ImportTarget | KnownPerson;

const isTarget = (candidate: Candidate): candidate is ImportTarget => 'details' in candidate;
const emailOf = (candidate: Candidate): string | null => (isTarget(candidate) ? candidate.details.email : candidate.email);
const phoneOf = (candidate: Candidate): string | null => (isTarget(candidate) ? candidate.details.phone : candidate.phone);

/** Where the row and someone of the same name both have an email (or phone) and they differ. */
function disagreements(candidate: Candidate, person: ImportedPerson): ('email' | 'phone')[] {
  const found: ('email' | 'phone')[] = [];
  const email = emailOf(candidate);
  if (person.email !== undefined && email !== null && email.toLowerCase() !== person.email.toLowerCase()) found.push('email');
  const phone = phoneOf(candidate);
  const digits = phone === null ? undefined : phoneDigits(phone);
  if (person.phoneDigits !== undefined && digits !== undefined && digits !== person.phoneDigits) found.push('phone');
  return found;
}

function originalReferrer(known: KnownPerson | undefined): PersonRef | null {
  return known?.referredBy ? { id: known.referredBy, name: known.referredByName ?? '' } : null;
}

export function sameRef(a: PersonRef | null, b: PersonRef | null): boolean {
  if (a === null || b === null) return a === b;
  return (a.id !== undefined && a.id === b.id) || (a.target !== undefined && a.target === b.target);
}

/**
 * Decides, row by row, who each row is, and what it changes:
 * - someone known or an earlier row, by email, else by phone (unless the emails differ), else by name — but a name
 *   alone never joins a row to someone whose email or phone differs from the row's: that is another person, added
 *   and reported as kept apart; a name several people share, with nothing to tell them apart, is a bad row;
 * - each detail is taken from the file, except that an empty cell, or a coarser neighborhood (a zip code over a
 *   neighborhood), never replaces one known without --overwrite; notes are added to, never written over;
 * - a rung only goes up without --demote; potential and referred-by fill in what is not known, and replace what is
 *   known only with --overwrite.
 */
/** `onRow` hears how many rows have been planned, for a progress line on a long sheet. */
export async function planImport(rows: CheckedRow[], lookup: PersonLookup, rules: ImportRules = {}, onRow?: (done: number) => void): Promise<ImportPlan> {
  const plan: ImportPlan = { rows: [], bad: [], targets: [], added: 0, updated: 0, skipped: 0 };
  const byEmail = new Map<string, ImportTarget>();
  const byPhone = new Map<string, ImportTarget>();
  const byName = new Map<string, ImportTarget[]>();
  const byId = new Map<number, ImportTarget>();
  const byFileId = new Map<string, ImportTarget>();
  const fileIdOf = new Map<ImportTarget, string>();
  const referrals: { person: ImportedPerson; target: ImportTarget; outcome: RowOutcome }[] = [];

  const remember = (target: ImportTarget, person: ImportedPerson): void => {
    if (target.details.email) byEmail.set(target.details.email.toLowerCase(), target);
    const digits = target.details.phone ? phoneDigits(target.details.phone) : undefined;
    if (digits) byPhone.set(digits, target);
    const sameKey = byName.get(target.nameKey) ?? [];
    if (!sameKey.includes(target)) byName.set(target.nameKey, [...sameKey, target]);
    if (target.existing) byId.set(target.existing.id, target);
    if (person.fileId !== undefined) {
      byFileId.set(person.fileId, target);
      if (!fileIdOf.has(target)) fileIdOf.set(target, person.fileId);
    }
  };
  // Two rows of oneonone's own export with different ids are two people, even of one name and with nothing else.
  const otherFileRow = (target: ImportTarget, person: ImportedPerson): boolean =>
    person.fileId !== undefined && fileIdOf.has(target) && fileIdOf.get(target) !== person.fileId;
  const targetFor = (candidate: Candidate): ImportTarget => {
    if (isTarget(candidate)) return candidate;
    const seen = byId.get(candidate.id);
    if (seen) return seen;
    const target: ImportTarget = {
      existing: candidate, name: candidate.name, nameKey: nameKey(candidate.name),
      details: { email: candidate.email, phone: candidate.phone, neighborhood: candidate.neighborhood, organization: candidate.organization, notes: candidate.notes },
      rung: candidate.rung as Rung, potential: candidate.potential, assessment: candidate.assessment, units: [...candidate.units],
      language: candidate.language, interpreter: candidate.interpreter, referrer: originalReferrer(candidate), lines: [], apartFrom: [], kept: [],
    };
    plan.targets.push(target);
    byId.set(candidate.id, target);
    return target;
  };

  for (const [index, row] of rows.entries()) {
    onRow?.(index);
    if (row.kind === 'blank') continue;
    if (row.kind === 'bad') {
      plan.bad.push({ line: row.line, reason: row.reason });
      continue;
    }
    const person = row.person;
    let found: Candidate | undefined;
    let matchedBy: RowOutcome['matchedBy'];
    const email = person.email?.toLowerCase();
    if (email !== undefined) {
      found = byEmail.get(email) ?? (await lookup.byEmail(email));
      if (found) matchedBy = 'email';
    }
    if (!found && person.phoneDigits !== undefined) {
      const byDigits = byPhone.get(person.phoneDigits) ?? (await lookup.byPhoneDigits(person.phoneDigits));
      // A shared phone (a household's landline) does not make two people with different emails one.
      if (byDigits && !disagreements(byDigits, person).includes('email')) {
        found = byDigits;
        matchedBy = 'phone';
      }
    }
    let apartFrom: KeptApart[] = [];
    if (!found) {
      const inFile = (byName.get(person.nameKey) ?? []).filter((target) => sameName(target.name, person.name) && !otherFileRow(target, person));
      const known = (await lookup.byNameKey(person.nameKey)).filter((candidate) => sameName(candidate.name, person.name) && !byId.has(candidate.id));
      const candidates: Candidate[] = [...inFile, ...known];
      const agreeing = candidates.filter((candidate) => disagreements(candidate, person).length === 0);
      // oneonone's own export read back: the row's id is the person's in the record it came from.
      const byItsId = person.fileId === undefined ? undefined : agreeing.find((candidate) => !isTarget(candidate) && String(candidate.id) === person.fileId);
      if (byItsId || (candidates.length === 1 && agreeing.length === 1)) {
        found = byItsId ?? agreeing[0];
        matchedBy = 'name';
      } else if (agreeing.length > 0) {
        const ids = candidates.flatMap((candidate) => (isTarget(candidate) ? (candidate.existing ? [candidate.existing.id] : []) : [candidate.id]));
        const lines = candidates.flatMap((candidate) => (isTarget(candidate) && !candidate.existing ? [candidate.lines[0]!] : []));
        plan.bad.push({
          line: person.line,
          reason: lines.length === 0
            ? refusal('import.name-shared', { name: person.name, ids })
            : { code: 'import.name-ambiguous', params: { name: person.name, ids, lines } },
        });
        continue;
      } else {
        apartFrom = candidates.map((candidate) => ({
          ...(isTarget(candidate) ? (candidate.existing ? { id: candidate.existing.id } : { line: candidate.lines[0]! }) : { id: candidate.id }),
          because: disagreements(candidate, person),
        }));
      }
    }

    if (!found) {
      const target: ImportTarget = {
        name: person.name, nameKey: person.nameKey, rung: person.rung ?? null, potential: person.potential ?? null,
        assessment: person.assessment ?? NOT_ASSESSED, units: person.units ?? [], referrer: null,
        language: person.language ?? null, interpreter: person.interpreter ?? false,
        lines: [person.line], apartFrom, kept: [],
        details: { email: person.email ?? null, phone: person.phone ?? null, neighborhood: person.neighborhood ?? null, organization: person.organization ?? null, notes: person.notes ?? null },
      };
      plan.targets.push(target);
      remember(target, person);
      const outcome: RowOutcome = { line: person.line, action: 'add', target, changed: [] };
      plan.rows.push(outcome);
      if (person.referredBy) referrals.push({ person, target, outcome });
      continue;
    }

    const target = targetFor(found);
    if (target.existing) target.matchedBy ??= matchedBy;
    const changed = mergeInto(target, person, rules);
    target.lines.push(person.line);
    remember(target, person);
    const outcome: RowOutcome = { line: person.line, action: changed.length > 0 ? 'update' : 'skip', target, matchedBy, changed };
    plan.rows.push(outcome);
    if (person.referredBy) referrals.push({ person, target, outcome });
  }

  // Referrals last: the referrer may be a row further down the file.
  for (const { person, target, outcome } of referrals) {
    const offered = person.referredBy!;
    const found = await findReferrer(offered, byFileId, byName, byId, lookup);
    if (found === 'unknown' || found === 'ambiguous') {
      keep(target, { field: 'referredBy', kept: target.referrer, offered: offered.name, why: found === 'unknown' ? 'referrer-unknown' : 'referrer-ambiguous', line: person.line });
      continue;
    }
    if (found.target === target || (found.id !== undefined && found.id === target.existing?.id)) continue;
    if (sameRef(found, target.referrer)) continue;
    const original = originalReferrer(target.existing);
    if (original !== null && sameRef(target.referrer, original) && !rules.overwrite) {
      keep(target, { field: 'referredBy', kept: target.referrer, offered: found, why: 'judgment', line: person.line });
      continue;
    }
    target.referrer = found;
    dropKept(target, 'referredBy');
    outcome.changed.push('referredBy');
    if (outcome.action === 'skip') outcome.action = 'update';
  }

  for (const target of plan.targets) {
    if (!target.existing) plan.added++;
    else if (changesOf(target).length > 0) plan.updated++;
    else plan.skipped++;
  }
  return plan;
}

async function findReferrer(
  offered: ReferrerCell, byFileId: Map<string, ImportTarget>, byName: Map<string, ImportTarget[]>, byId: Map<number, ImportTarget>, lookup: PersonLookup,
): Promise<PersonRef | 'unknown' | 'ambiguous'> {
  const refTo = (candidate: Candidate): PersonRef => (isTarget(candidate)
    ? { name: candidate.name, target: candidate, ...(candidate.existing ? { id: candidate.existing.id } : {}) }
    : { name: candidate.name, id: candidate.id });
  const inFile = offered.fileId === undefined ? undefined : byFileId.get(offered.fileId);
  if (inFile && sameName(inFile.name, offered.name)) return refTo(inFile);
  const key = nameKey(offered.name);
  const candidates: Candidate[] = [
    ...(byName.get(key) ?? []).filter((target) => sameName(target.name, offered.name)),
    ...(await lookup.byNameKey(key)).filter((known) => sameName(known.name, offered.name) && !byId.has(known.id)),
  ];
  if (offered.fileId !== undefined) {
    const id = Number(offered.fileId);
    const byItsId = candidates.find((candidate) => (isTarget(candidate) ? candidate.existing?.id === id : candidate.id === id));
    if (byItsId) return refTo(byItsId);
  }
  if (candidates.length === 1) return refTo(candidates[0]!);
  return candidates.length === 0 ? 'unknown' : 'ambiguous';
}

/** A kept value stands only until a later row of the file changes that field after all. */
function keep(target: ImportTarget, kept: KeptValue): void {
  dropKept(target, kept.field);
  target.kept.push(kept);
}

function dropKept(target: ImportTarget, field: PersonField): void {
  target.kept = target.kept.filter((kept) => kept.field !== field);
}

function mergeInto(target: ImportTarget, person: ImportedPerson, rules: ImportRules): PersonField[] {
  const changed: PersonField[] = [];
  const change = (field: PersonField): void => {
    dropKept(target, field);
    changed.push(field);
  };
  for (const field of CONTACT_FIELDS) {
    const given = person[field];
    const current = target.details[field];
    if (given === undefined) {
      if (field !== 'notes' && rules.overwrite && current !== null && person.emptied.includes(field)) {
        target.details[field] = null;
        change(field);
      }
      continue;
    }
    if (field === 'notes') {
      if (current !== null && current.includes(given)) continue;
      target.details.notes = current === null ? given : `${current}\n${given}`;
      change(field);
      continue;
    }
    if (current === given || (field === 'email' && current?.toLowerCase() === given.toLowerCase())) continue;
    if (field === 'phone' && current !== null && phoneDigits(current) !== undefined && phoneDigits(current) === person.phoneDigits) continue;
    if (field === 'neighborhood' && current !== null && !rules.overwrite && coarser(person.neighborhoodPlace ?? 'area', current)) {
      keep(target, { field, kept: current, offered: given, why: 'coarser', line: person.line, place: person.neighborhoodPlace ?? 'area' });
      continue;
    }
    target.details[field] = given;
    change(field);
  }
  if (person.rung !== undefined && person.rung !== target.rung) {
    if (target.rung !== null && rungLevel(person.rung) < rungLevel(target.rung) && !rules.demote) {
      keep(target, { field: 'rung', kept: target.rung, offered: person.rung, why: 'lower', line: person.line });
    } else {
      target.rung = person.rung;
      change('rung');
    }
  }
  if (person.potential !== undefined && person.potential !== target.potential) {
    const original = target.existing?.potential ?? null;
    if (target.potential !== null && target.potential === original && !rules.overwrite) {
      keep(target, { field: 'potential', kept: target.potential, offered: person.potential, why: 'judgment', line: person.line });
    } else {
      target.potential = person.potential;
      change('potential');
    }
  }
  if (person.assessment !== undefined && person.assessment !== target.assessment) {
    const original = target.existing?.assessment ?? NOT_ASSESSED;
    if (target.assessment !== NOT_ASSESSED && target.assessment === original && !rules.overwrite) {
      keep(target, { field: 'assessment', kept: target.assessment, offered: person.assessment, why: 'judgment', line: person.line });
    } else {
      target.assessment = person.assessment;
      change('assessment');
    }
  }
  // Like a contact detail: what the file says is taken, and an empty cell says nothing.
  if (person.language !== undefined && person.language !== target.language) {
    target.language = person.language;
    change('language');
  }
  if (person.interpreter !== undefined && person.interpreter !== target.interpreter) {
    target.interpreter = person.interpreter;
    change('interpreter');
  }
  const joined = (person.units ?? []).filter((unit) => !target.units.some((known) => nameKey(known) === nameKey(unit)));
  if (joined.length > 0) {
    target.units.push(...joined);
    change('units');
  }
  return changed;
}

/** Each detail as it was (nothing, for a new person) and as the import leaves it, in the order they are shown. */
export function changesOf(target: ImportTarget): FieldChange[] {
  const known = target.existing;
  const changes: FieldChange[] = [];
  for (const field of CONTACT_FIELDS) {
    const old = known ? known[field] : null;
    if (target.details[field] !== old) changes.push({ field, old, new: target.details[field] });
  }
  const oldRung = known?.rung ?? null;
  if (target.rung !== null && target.rung !== oldRung) changes.push({ field: 'rung', old: oldRung, new: target.rung });
  const oldPotential = known?.potential ?? null;
  if (target.potential !== oldPotential) changes.push({ field: 'potential', old: oldPotential, new: target.potential });
  const oldAssessment = known?.assessment ?? NOT_ASSESSED;
  if (target.assessment !== oldAssessment) changes.push({ field: 'assessment', old: oldAssessment || null, new: target.assessment });
  const oldLanguage = known?.language ?? null;
  if (target.language !== oldLanguage) changes.push({ field: 'language', old: oldLanguage, new: target.language });
  const oldInterpreter = known?.interpreter ?? false;
  if (target.interpreter !== oldInterpreter) changes.push({ field: 'interpreter', old: oldInterpreter, new: target.interpreter });
  const oldUnits = known?.units ?? [];
  if (target.units.length !== oldUnits.length) changes.push({ field: 'units', old: unitList(oldUnits), new: unitList(target.units) });
  const oldReferrer = originalReferrer(known);
  if (!sameRef(target.referrer, oldReferrer)) changes.push({ field: 'referredBy', old: oldReferrer, new: target.referrer });
  return changes;
}

/** The details to write for someone known, when any of them changed. */
export function detailsChanged(target: ImportTarget): boolean {
  return target.existing !== undefined && CONTACT_FIELDS.some((field) => target.details[field] !== target.existing![field]);
}

/** How a cell lists units: "Building 12; Night shift" (or with | between, as other sheets join several values). */
export const UNIT_SEPARATOR = '; ';

function unitNames(cell: string): string[] {
  const names: string[] = [];
  for (const part of cell.split(/[;|]/)) {
    if (part.trim() === '') continue;
    const name = cleanName(part, 'unit name');
    if (!names.some((known) => nameKey(known) === nameKey(name))) names.push(name);
  }
  return names;
}

function unitList(units: string[]): string | null {
  return units.length === 0 ? null : units.join(UNIT_SEPARATOR);
}
