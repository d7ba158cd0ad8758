import { describe, expect, it } from 'vitest';
import { checkRow, headerKey, parseMapping, phoneDigits, planColumns, planImport, type KnownPerson, type PersonLookup } from '../../../src/people/import.js';

const nobody: PersonLookup = { byEmail: () => undefined, byPhoneDigits: () => undefined, byNameKey: () => [] };

describe('import headers', () => {
  it('headers are compared without case, spaces, underscores, punctuation or accents', () => {
    expect(headerKey(' E-Mail ')).toBe('email');
    expect(headerKey('First_Name')).toBe('firstname');
    expect(headerKey('Téléphone')).toBe('telephone');
  });

  it('recognises common headers, keeps the first column for a field and lists the rest as ignored', () => {
    const plan = planColumns(['Given name', 'Surname', 'Cell', 'Phone', 'Organisation', 'Shirt size'], []);
    expect(plan.fields).toEqual(['first', 'last', 'phone', null, 'organization', null]);
    expect(plan.ignored).toEqual(['Phone', 'Shirt size']);
  });

  it('--map wins over a recognised header', () => {
    expect(planColumns(['Name', 'Nickname'], [parseMapping('nickname=name')]).fields).toEqual([null, 'name']);
  });

  it('a file without a name column is refused', () => {
    expect(() => planColumns(['Email', 'Phone'], [])).toThrow(/no name column/);
  });

  it('an unknown --map field is a usage error (exit 2)', () => {
    expect(() => parseMapping('Parish=church')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('import rows', () => {
  const columns = planColumns(['name', 'email', 'phone', 'rung', 'notes'], []);

  it('phones are compared by their last nine digits', () => {
    expect(phoneDigits('+1 (555) 010-0300')).toBe(phoneDigits('555.010.0300'));
    expect(phoneDigits('12-34')).toBeUndefined();
  });

  it('a row without a name, with a bad email or a bad rung is bad; an empty row is blank', () => {
    expect(checkRow(['', 'a@b.org', '', '', ''], columns, 4)).toEqual({ kind: 'bad', line: 4, reason: 'the name is empty' });
    expect(checkRow(['Ana', 'nope', '', '', ''], columns, 5)).toMatchObject({ kind: 'bad', reason: '"nope" is not an email address' });
    expect(checkRow(['Ana', '', '', '9', ''], columns, 6)).toMatchObject({ kind: 'bad', reason: '"9" is not a rung on the ladder' });
    expect(checkRow([' ', '', '', '', ''], columns, 7)).toEqual({ kind: 'blank', line: 7 });
  });

  it('rows of one file that share an email, a phone or a name become one person', () => {
    const rows = [
      checkRow(['Ana Ruiz', 'ana@example.org', '', '', ''], columns, 2),
      checkRow(['Ana R.', 'ANA@example.org', '555 010 0100', '', ''], columns, 3),
      checkRow(['Someone', '', '+1 555 010 0100', 'leader', ''], columns, 4),
      checkRow(['ANA RUIZ', '', '', '', 'likes mornings'], columns, 5),
      checkRow(['ana ruiz', '', '', '', 'likes mornings'], columns, 6),
    ];
    const plan = planImport(rows, nobody);
    expect(plan.rows.map((row) => [row.line, row.action, row.matchedBy ?? null, row.changed])).toEqual([
      [2, 'add', null, []], [3, 'update', 'email', ['phone']], [4, 'update', 'phone', ['rung']], [5, 'update', 'name', ['notes']], [6, 'skip', 'name', []],
    ]);
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]).toMatchObject({ name: 'Ana Ruiz', rung: 'leader', details: { email: 'ana@example.org', phone: '555 010 0100', notes: 'likes mornings' } });
  });

  it('someone known is matched by email before phone before name, and a shared name with no other clue is bad', () => {
    const ana: KnownPerson = { id: 7, name: 'Ana Ruiz', email: 'ana@example.org', phone: null, neighborhood: null, organization: null, notes: 'old note', rung: 'contact' };
    const twins: KnownPerson[] = [{ ...ana, id: 8, name: 'Bo Chen', email: null }, { ...ana, id: 9, name: 'Bo Chen', email: null }];
    const lookup: PersonLookup = {
      byEmail: (email) => (email === 'ana@example.org' ? ana : undefined),
      byPhoneDigits: () => undefined,
      byNameKey: (key) => (key === 'bo chen' ? twins : []),
    };
    const plan = planImport([checkRow(['Ana', 'Ana@Example.org', '', '', 'new note'], columns, 2), checkRow(['Bo Chen', '', '', '', ''], columns, 3)], lookup);
    expect(plan.rows[0]).toMatchObject({ action: 'update', matchedBy: 'email', changed: ['notes'] });
    expect(plan.rows[0]!.target.details.notes).toBe('old note\nnew note');
    expect(plan.bad).toEqual([{ line: 3, reason: '2 people are called "Bo Chen" (#8, #9); add an email or phone to say which' }]);
  });
});
