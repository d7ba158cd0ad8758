/**
 * The other sheets `export` writes — contacts (touches), who knows whom (relationships), units — read back by
 * `import`. A sheet is known by its header row; people in it are named as the people sheet names them, with the
 * record's id beside the name (person_id, other_id), which tells apart two people of one name in the same record.
 */
import { unguardFormula } from '../support/csv-safety.js';
import { cleanName } from './names.js';
import { cleanText } from './text.js';

export const WEB_SHEETS = ['touches', 'relationships', 'units'] as const;
export type WebSheet = (typeof WEB_SHEETS)[number];

const key = (header: string): string => header.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** What each sheet's columns are called, as `export` writes them and as a person might. */
const COLUMNS = {
  touches: {
    person: ['person', 'name', 'persona', 'nombre'], personId: ['personid', 'personaid'], by: ['by', 'how', 'contact', 'por', 'como'],
    note: ['note', 'notes', 'nota', 'notas'], date: ['date', 'when', 'touchedat', 'fecha', 'cuando'],
  },
  relationships: {
    person: ['person', 'name', 'persona', 'nombre'], personId: ['personid', 'personaid'], kind: ['kind', 'as', 'relationship', 'tipo', 'relacion'],
    other: ['other', 'knows', 'otrapersona', 'conocea'], otherId: ['otherid', 'otrapersonaid'],
    note: ['note', 'notes', 'nota', 'notas'], since: ['since', 'date', 'desde', 'fecha'], ended: ['ended', 'endedat', 'termino'],
  },
  units: { name: ['name', 'unit', 'nombre', 'unidad'], kind: ['kind', 'type', 'tipo'], size: ['size', 'tamano'] },
} as const;

type ColumnsOf<S extends WebSheet> = keyof (typeof COLUMNS)[S];

/** The headers that tell the sheets apart, as `export --lang es` writes them (and a people sheet's, to rule it out). */
const SPANISH_SHEET_KEYS: Readonly<Record<string, string>> = {
  por: 'by', persona: 'person', personaid: 'personid', otrapersona: 'other', tipo: 'kind', tamano: 'size', nombre: 'name',
  correo: 'email', telefono: 'phone', peldano: 'rung',
};

/**
 * Which sheet a header row is: contacts have a person and a `by`, relationships a kind and an `other`, units a name,
 * a kind and a size but no person; anything else is a people sheet (undefined).
 */
export function webSheetOf(headers: string[]): WebSheet | undefined {
  // A Spanish header is read as the English one it stands for: the same rules then tell the sheets apart.
  const keys = new Set(headers.map((header) => SPANISH_SHEET_KEYS[key(header)] ?? key(header)));
  if (keys.has('by') && (keys.has('person') || keys.has('personid'))) return 'touches';
  if (keys.has('other') && keys.has('kind')) return 'relationships';
  if (keys.has('kind') && keys.has('size') && keys.has('name') && !['email', 'phone', 'rung', 'person'].some((k) => keys.has(k))) return 'units';
  return undefined;
}

/** For each field of the sheet, the column that holds it (the first whose header fits), or -1. */
export function webColumns<S extends WebSheet>(sheet: S, headers: string[]): Record<ColumnsOf<S>, number> {
  const keys = headers.map(key);
  const names = COLUMNS[sheet] as Record<ColumnsOf<S>, readonly string[]>;
  return Object.fromEntries(
    (Object.keys(names) as ColumnsOf<S>[]).map((field) => [field, keys.findIndex((k) => names[field].includes(k))]),
  ) as Record<ColumnsOf<S>, number>;
}

/** A cell as the organizer meant it: trimmed, a spreadsheet's formula guard taken off; empty is undefined. */
export function cellOf(cells: string[], column: number): string | undefined {
  if (column < 0) return undefined;
  const text = unguardFormula((cells[column] ?? '').trim()).trim();
  return text === '' ? undefined : text;
}

/** Someone a row names: the name, and the record's id where the sheet has one. */
export interface NamedPerson {
  name: string;
  id?: number;
}

export function namedPerson(name: string | undefined, id: string | undefined, what: string): NamedPerson | undefined {
  if (name === undefined) return undefined;
  const person: NamedPerson = { name: cleanName(name, what) };
  if (id !== undefined && /^\d+$/.test(id)) person.id = Number(id);
  return person;
}

export function noteOf(text: string | undefined): string | null {
  return text === undefined ? null : cleanText(text, 'note');
}
