import { describe, expect, it } from 'vitest';
import {
  changesOf, checkRow, coarser, isPostalCode, planColumns, planImport, type CheckedRow, type KnownPerson, type PersonLookup,
} from '../../../src/people/import.js';
import { neutraliseFormula, unguardFormula } from '../../../src/support/csv-safety.js';
import { badWords } from '../../../src/ui/import.js';

const known = (person: Partial<KnownPerson> & { id: number; name: string }): KnownPerson => ({
  email: null, phone: null, neighborhood: null, organization: null, notes: null, rung: 'contact', potential: null, assessment: 0, units: [], language: null, interpreter: false,
  referredBy: null, referredByName: null, ...person,
});

function lookupOf(people: KnownPerson[]): PersonLookup {
  return {
    byEmail: async (email) => people.find((person) => person.email?.toLowerCase() === email.toLowerCase()),
    byPhoneDigits: async (digits) => people.find((person) => person.phone?.replace(/\D/g, '').endsWith(digits)),
    byNameKey: async (key) => people.filter((person) => person.name.toLowerCase() === key),
  };
}

const rowsOf = (headers: string[], lines: string[][]): CheckedRow[] => {
  const columns = planColumns(headers, []);
  return lines.map((cells, index) => checkRow(cells, columns, index + 2));
};

describe('import: which column, when several fill one field', () => {
  it('takes the first non-empty: a cell phone before a home phone before a work phone, whatever their order', () => {
    const headers = ['FirstName', 'LastName', 'WorkPhone', 'HomePhone', 'CellPhone', 'WorkEmail', 'PersonalEmail'];
    const [both, homeOnly, workOnly] = rowsOf(headers, [
      ['Eli', 'Ford', '555 010 0001', '555 010 0002', '555 010 0003', 'eli@work.example.org', 'eli@example.org'],
      ['Fay', 'Garza', '555 010 0001', '555 010 0002', '', '', ''],
      ['Gus', 'Hale', '555 010 0001', '', '', 'gus@work.example.org', ''],
    ]);
    expect(both).toMatchObject({ person: { phone: '555 010 0003', email: 'eli@example.org' } });
    expect(homeOnly).toMatchObject({ person: { phone: '555 010 0002' } });
    expect(workOnly).toMatchObject({ person: { phone: '555 010 0001', email: 'gus@work.example.org' } });
  });

  it('a neighborhood before an address before a city before a zip code, and says which it took', () => {
    const headers = ['name', 'primary_zip', 'primary_city', 'primary_address1', 'neighborhood'];
    const rows = rowsOf(headers, [['A', '62701', 'Springfield', '12 Elm St', 'Eastside'], ['B', '62701', 'Springfield', '', ''], ['C', '62701', '', '', '']]);
    expect(rows.map((row) => (row.kind === 'person' ? [row.person.neighborhood, row.person.neighborhoodPlace] : row))).toEqual([
      ['Eastside', 'area'], ['Springfield', 'city'], ['62701', 'postal'],
    ]);
  });

  it('a postal code typed in a neighborhood column is still only a postal code', () => {
    const [row] = rowsOf(['name', 'neighborhood'], [['A', 'SW1A 1AA']]);
    expect(row).toMatchObject({ person: { neighborhoodPlace: 'postal' } });
  });

  it('keeps every notes column (notes, tags), joined', () => {
    const [row] = rowsOf(['name', 'notes', 'tag_list'], [['A', 'likes mornings', 'tenant, volunteer']]);
    expect(row).toMatchObject({ person: { notes: 'likes mornings\ntenant, volunteer' } });
  });

  it('knows which details the file has a column for but the row leaves empty', () => {
    const [row] = rowsOf(['name', 'email', 'phone', 'zip'], [['A', 'a@example.org', '', '']]);
    expect(row).toMatchObject({ person: { emptied: ['phone', 'neighborhood'] } });
  });

  it('takes the export\'s formula guard off every cell, and reads "Name (#3)" as a referrer with its id', () => {
    const [row] = rowsOf(['id', 'name', 'phone', 'organization', 'referred_by'], [['9', "'=Ana", "'+1 555 010 0100", "''=quoted", 'Dee Evans (#3)']]);
    expect(row).toMatchObject({ person: { name: '=Ana', phone: '+1 555 010 0100', organization: "'=quoted", referredBy: { name: 'Dee Evans', fileId: '3' }, fileId: '9' } });
  });
});

describe('the formula guard reads back what was written', () => {
  it.each(['=1+1', '+1 555', '-', '@home', "'=already", "''+twice", "'plain", 'plain', "it's"])('%j', (text) => {
    expect(unguardFormula(neutraliseFormula(text))).toBe(text);
  });
});

describe('import: what counts as coarser', () => {
  it.each(['02139', '02139-4307', '75011', 'SW1A 1AA', 'K1A 0B1', '1012 AB'])('%j is a postal code', (text) => expect(isPostalCode(text)).toBe(true));
  it.each(['Eastside', 'Ward 5', '12 Elm St', 'Springfield', '2nd Ave'])('%j is not', (text) => expect(isPostalCode(text)).toBe(false));

  it('a zip code or a city over a neighborhood is coarser; anything over a zip code is not; an address is not', () => {
    expect(coarser('postal', 'Eastside')).toBe(true);
    expect(coarser('city', 'Eastside')).toBe(true);
    expect(coarser('address', 'Eastside')).toBe(false);
    expect(coarser('area', '02139')).toBe(false);
    expect(coarser('city', '02139')).toBe(false);
    expect(coarser('postal', '02140')).toBe(false);
  });
});

describe('import: keeping what the organizer wrote', () => {
  const ana = known({ id: 1, name: 'Ana Ruiz', email: 'ana@example.org', neighborhood: 'Eastside', organization: 'Tenants United', rung: 'leader', potential: 4 });
  const headers = ['name', 'email', 'zip', 'organization', 'rung', 'potential'];
  const old = rowsOf(headers, [['Ana Ruiz', 'ana@example.org', '02139', '', 'contact', '2']]);

  it('by default: no rung down, no zip over a neighborhood, no empty cell over a value, no other potential', async () => {
    const plan = await planImport(old, lookupOf([ana]));
    const target = plan.targets[0]!;
    expect(changesOf(target)).toEqual([]);
    expect(target.kept.map(({ field, why }) => [field, why])).toEqual([['neighborhood', 'coarser'], ['rung', 'lower'], ['potential', 'judgment']]);
    expect(plan).toMatchObject({ added: 0, updated: 0, skipped: 1 });
  });

  it('--demote takes the rung only; --overwrite the zip, the empty organization and the potential', async () => {
    expect(changesOf((await planImport(old, lookupOf([ana]), { demote: true })).targets[0]!)).toEqual([{ field: 'rung', old: 'leader', new: 'contact' }]);
    expect(changesOf((await planImport(old, lookupOf([ana]), { overwrite: true })).targets[0]!)).toEqual([
      { field: 'neighborhood', old: 'Eastside', new: '02139' },
      { field: 'organization', old: 'Tenants United', new: null },
      { field: 'potential', old: 4, new: 2 },
    ]);
  });

  it('fills in what was not known, without any flag', async () => {
    const bare = known({ id: 1, name: 'Ana Ruiz', email: 'ana@example.org' });
    expect(changesOf((await planImport(old, lookupOf([bare]))).targets[0]!)).toEqual([
      { field: 'neighborhood', old: null, new: '02139' },
      { field: 'potential', old: null, new: 2 },
    ]);
  });

  it('within one file, the highest rung of a person\'s rows wins, and a later zip does not undo an earlier neighborhood', async () => {
    const rows = rowsOf(['name', 'email', 'neighborhood', 'rung'], [['Bo Chen', 'bo@example.org', 'Northside', 'volunteer'], ['Bo Chen', 'bo@example.org', '60601', 'contact']]);
    const plan = await planImport(rows, lookupOf([]));
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]).toMatchObject({ rung: 'volunteer', details: { neighborhood: 'Northside' } });
  });
});

describe('import: a name alone never joins two people', () => {
  const headers = ['name', 'email', 'phone'];

  it('a known person with another email or phone is kept apart, and the reason recorded', async () => {
    const ana = known({ id: 1, name: 'Ana Ruiz', email: 'ana@example.org', phone: '555 010 0100' });
    const plan = await planImport(rowsOf(headers, [['Ana Ruiz', 'a.ruiz@example.org', '555 010 0999']]), lookupOf([ana]));
    expect(plan.targets).toHaveLength(1);
    expect(plan.targets[0]!.existing).toBeUndefined();
    expect(plan.targets[0]!.apartFrom).toEqual([{ id: 1, because: ['email', 'phone'] }]);
  });

  it('a name with nothing that disagrees joins the one person of that name', async () => {
    const ana = known({ id: 1, name: 'Ana Ruiz', email: 'ana@example.org' });
    const plan = await planImport(rowsOf(headers, [['Ana Ruiz', '', '555 010 0100']]), lookupOf([ana]));
    expect(plan.rows[0]).toMatchObject({ action: 'update', matchedBy: 'name', changed: ['phone'] });
  });

  it('a phone shared with someone of another email is not theirs', async () => {
    const ana = known({ id: 1, name: 'Ana Ruiz', email: 'ana@example.org', phone: '555 010 0100' });
    const plan = await planImport(rowsOf(headers, [['Luis Ruiz', 'luis@example.org', '555 010 0100']]), lookupOf([ana]));
    expect(plan).toMatchObject({ added: 1, updated: 0 });
  });

  it('a name that fits a known person and a row of the file is ambiguous, with both named', async () => {
    const ana = known({ id: 1, name: 'Ana Ruiz', email: 'ana@example.org' });
    const plan = await planImport(rowsOf(headers, [['Ana Ruiz', 'other@example.org', ''], ['Ana Ruiz', '', '']]), lookupOf([ana]));
    expect(plan.bad.map(badWords)).toEqual([
      { line: 3, reason: '"Ana Ruiz" could be any of 2 people (#1, line 2 of the file); add an email or phone to say which' },
    ]);
  });
});

describe('import: referrals', () => {
  it('a referrer further down the file, by its id when the name is shared', async () => {
    const rows = rowsOf(['id', 'name', 'email', 'referred_by'], [
      ['5', 'Eli Ford', '', 'Dee Evans (#4)'],
      ['3', 'Dee Evans', 'dee@example.org', ''],
      ['4', 'Dee Evans', 'dee@school.example.org', ''],
    ]);
    const plan = await planImport(rows, lookupOf([]));
    expect(plan.targets[0]!.referrer?.target).toBe(plan.targets[2]);
  });

  it('a referrer nobody has the name of is left out and said so; someone\'s known referrer is kept without --overwrite', async () => {
    const ana = known({ id: 1, name: 'Ana Ruiz' });
    const bo = known({ id: 2, name: 'Bo Chen', referredBy: 1, referredByName: 'Ana Ruiz' });
    const cy = known({ id: 3, name: 'Cy Dee' });
    const rows = rowsOf(['name', 'referred_by'], [['Bo Chen', 'Cy Dee'], ['Eli Ford', 'Zed Who']]);
    const plan = await planImport(rows, lookupOf([ana, bo, cy]));
    expect(plan.targets.map((target) => target.kept.map(({ field, why }) => [field, why]))).toEqual([[['referredBy', 'judgment']], [['referredBy', 'referrer-unknown']]]);
    const over = await planImport(rows, lookupOf([ana, bo, cy]), { overwrite: true });
    expect(changesOf(over.targets[0]!)).toEqual([{ field: 'referredBy', old: { id: 1, name: 'Ana Ruiz' }, new: { id: 3, name: 'Cy Dee' } }]);
  });
});
