import { describe, expect, it } from 'vitest';
import { checkRow, headerKey, parseMapping, phoneDigits, planColumns, planImport, type CheckedRow, type KnownPerson, type PersonLookup } from '../../../src/people/import.js';
import { badWords } from '../../../src/ui/import.js';
import { refusalText } from '../support/refusal.js';

const nobody: PersonLookup = { byEmail: async () => undefined, byPhoneDigits: async () => undefined, byNameKey: async () => [] };

/** A checked row with a bad row's reason in English, as the organizer reads it. */
function worded(row: CheckedRow) {
  return row.kind === 'bad' ? { ...row, reason: badWords(row).reason } : row;
}

describe('import headers', () => {
  it('headers are compared without case, spaces, underscores, punctuation or accents', () => {
    expect(headerKey(' E-Mail ')).toBe('email');
    expect(headerKey('First_Name')).toBe('firstname');
    expect(headerKey('Téléphone')).toBe('telephone');
  });

  it('recognises common headers, reads several columns for one field, and lists the unknown ones as ignored', () => {
    const plan = planColumns(['Given name', 'Surname', 'Cell', 'Phone', 'Organisation', 'Shirt size'], []);
    expect(plan.fields).toEqual(['first', 'last', 'phone', 'phone', 'organization', null]);
    expect(plan.ignored).toEqual(['Shirt size']);
  });

  it('--map wins over a recognised header', () => {
    const plan = planColumns(['Name', 'Nickname'], [parseMapping('nickname=name')]);
    expect(plan.fields).toEqual(['name', 'name']);
    expect(worded(checkRow(['Ana Ruiz', 'Anita'], plan, 2))).toMatchObject({ kind: 'person', person: { name: 'Anita' } });
    expect(worded(checkRow(['Ana Ruiz', ''], plan, 3))).toMatchObject({ kind: 'person', person: { name: 'Ana Ruiz' } });
  });

  it('a file without a name column is refused', () => {
    expect(refusalText(() => planColumns(['Email', 'Phone'], [])).message).toMatch(/no name column/);
  });

  it('a --map that is not header=field, or names a column the file lacks, is a usage error (exit 2)', () => {
    expect(refusalText(() => parseMapping('Cell'))).toMatchObject({ message: '--map "Cell" is not header=field', exitCode: 2 });
    expect(refusalText(() => planColumns(['Name', 'Mobile'], [parseMapping('Cell=phone')]))).toEqual({
      message: '--map "Cell=phone": the file has no column "Cell"',
      hint: 'its columns are "Name", "Mobile"',
      exitCode: 2,
    });
  });

  it('an unknown --map field is a usage error (exit 2)', () => {
    expect(refusalText(() => parseMapping('Parish=church'))).toMatchObject({ exitCode: 2 });
  });
});

describe('import rows', () => {
  const columns = planColumns(['name', 'email', 'phone', 'rung', 'notes'], []);

  it('phones are compared by their last nine digits', () => {
    expect(phoneDigits('+1 (555) 010-0300')).toBe(phoneDigits('555.010.0300'));
    expect(phoneDigits('12-34')).toBeUndefined();
  });

  it('a row without a name, with a bad email or a bad rung is bad; an empty row is blank', () => {
    expect(worded(checkRow(['', 'a@b.org', '', '', ''], columns, 4))).toEqual({ kind: 'bad', line: 4, reason: 'the name is empty' });
    expect(worded(checkRow(['Ana', 'nope', '', '', ''], columns, 5))).toMatchObject({ kind: 'bad', reason: '"nope" is not an email address' });
    expect(worded(checkRow(['Ana', '', '', '9', ''], columns, 6))).toMatchObject({ kind: 'bad', reason: '"9" is not a rung on the ladder' });
    expect(checkRow([' ', '', '', '', ''], columns, 7)).toEqual({ kind: 'blank', line: 7 });
  });

  it('keeps a bad row\'s reason as a code with its values, not as a sentence', () => {
    expect(checkRow(['', 'a@b.org', '', '', ''], columns, 4)).toEqual({ kind: 'bad', line: 4, reason: { code: 'name.empty', params: { field: 'name' } } });
  });

  it('rows of one file that share an email, a phone or a name become one person', async () => {
    const rows = [
      checkRow(['Ana Ruiz', 'ana@example.org', '', '', ''], columns, 2),
      checkRow(['Ana R.', 'ANA@example.org', '555 010 0100', '', ''], columns, 3),
      checkRow(['Someone', '', '+1 555 010 0100', 'leader', ''], columns, 4),
      checkRow(['ANA RUIZ', '', '', '', 'likes mornings'], columns, 5),
      checkRow(['ana ruiz', '', '', '', 'likes mornings'], columns, 6),
    ];
    const plan = await planImport(rows, nobody);
    expect(plan.rows.map((row) => [row.line, row.action, row.matchedBy ?? null, row.changed])).toEqual([
      [2, 'add', null, []], [3, 'update', 'email', ['phone']], [4, 'update', 'phone', ['rung']], [5, 'update', 'name', ['notes']], [6, 'skip', 'name', []],
    ]);
    expect(plan).toMatchObject({ added: 1, updated: 0, skipped: 0 });
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]).toMatchObject({ name: 'Ana Ruiz', rung: 'leader', details: { email: 'ana@example.org', phone: '555 010 0100', notes: 'likes mornings' } });
  });

  it('someone known is matched by email before phone before name, and a shared name with no other clue is bad', async () => {
    const ana: KnownPerson = {
      id: 7, name: 'Ana Ruiz', email: 'ana@example.org', phone: null, neighborhood: null, organization: null, notes: 'old note', rung: 'contact',
      potential: null, assessment: 0, units: [], language: null, interpreter: false, referredBy: null, referredByName: null,
    };
    const twins: KnownPerson[] = [{ ...ana, id: 8, name: 'Bo Chen', email: null }, { ...ana, id: 9, name: 'Bo Chen', email: null }];
    const lookup: PersonLookup = {
      byEmail: async (email) => (email === 'ana@example.org' ? ana : undefined),
      byPhoneDigits: async () => undefined,
      byNameKey: async (key) => (key === 'bo chen' ? twins : []),
    };
    const plan = await planImport([checkRow(['Ana', 'Ana@Example.org', '', '', 'new note'], columns, 2), checkRow(['Bo Chen', '', '', '', ''], columns, 3)], lookup);
    expect(plan.rows[0]).toMatchObject({ action: 'update', matchedBy: 'email', changed: ['notes'] });
    expect(plan.rows[0]!.target.details.notes).toBe('old note\nnew note');
    expect(plan.bad.map(badWords)).toEqual([
      { line: 3, reason: '2 people are called "Bo Chen" (#8, #9); add an email or phone to say which' },
    ]);
  });
});

describe('import headers in Spanish', () => {
  it('"Nombre" alone is the whole name; beside "Apellido(s)" it is the given names', () => {
    expect(planColumns(['Nombre', 'Correo', 'Celular'], []).fields).toEqual(['name', 'email', 'phone']);
    expect(planColumns(['Nombre', 'Apellidos', 'Teléfono de casa'], []).fields).toEqual(['first', 'last', 'phone']);
    expect(planColumns(['Nombres', 'Apellido', 'Nombre de pila'], []).fields).toEqual(['name', 'last', 'first']);
  });

  it('--map still wins over a Spanish header', () => {
    expect(planColumns(['Nombre', 'Apellido'], [parseMapping('Nombre=name')]).fields).toEqual(['name', 'last']);
  });

  it('every field has a Spanish header, and no Spanish header is read as two fields', () => {
    const headers = ['Nombre completo', 'Correo electrónico', 'Teléfono', 'Barrio', 'Organización', 'Notas', 'Peldaño', 'Potencial', 'Referido por', 'Evaluación', 'Edificio'];
    expect(planColumns(headers, []).fields).toEqual(['name', 'email', 'phone', 'neighborhood', 'organization', 'notes', 'rung', 'potential', 'referred_by', 'assessment', 'units']);
  });
});
