import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');

interface PersonOut {
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
}

function people(box: Sandbox): PersonOut[] {
  return box.sql<PersonOut>(`SELECT name, email, phone, neighborhood, organization, notes FROM people ORDER BY id`);
}

describe('import reads the exports of the tools organizers use', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  const importFixture = (name: string): PersonOut[] => {
    const result = box.run(['import', join(FIXTURES, name)]);
    expect(result.code, result.stderr).toBe(0);
    return people(box);
  };

  it('Action Network: first_name, last_name, email, can2_phone, and the city or else the zip code', () => {
    expect(importFixture('action-network.csv')).toEqual([
      { name: 'Ana Ruiz', email: 'ana@example.org', phone: '(555) 010-0100', neighborhood: '02139', organization: null, notes: null },
      { name: 'Bo Chen', email: 'bo@example.org', phone: null, neighborhood: 'Cambridge', organization: null, notes: null },
    ]);
  });

  it('NationBuilder: phone_number or else mobile_number, primary_address1, employer, and tag_list kept in the notes', () => {
    expect(importFixture('nationbuilder.csv')).toEqual([
      { name: 'Carla Díaz', email: 'carla@example.org', phone: '555 010 0300', neighborhood: '12 Elm St', organization: 'Lincoln Elementary', notes: 'tenant, volunteer' },
      { name: 'Dee Evans', email: 'dee@example.org', phone: '555 010 0400', neighborhood: 'Springfield', organization: null, notes: null },
    ]);
  });

  it('VAN/EveryAction (a tab-separated export): the cell phone before the home phone, the personal email before the work one', () => {
    const result = box.run(['import', join(FIXTURES, 'van.txt')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Ignoring columns "VANID", "MiddleName", "State"');
    expect(people(box)).toEqual([
      { name: 'Eli Ford', email: 'eli@work.example.org', phone: '555 010 0555', neighborhood: '4 Oak Ave', organization: 'St. Anne', notes: null },
      { name: 'Fay Garza', email: 'fay@example.org', phone: '555 010 0600', neighborhood: '62565', organization: null, notes: null },
    ]);
  });

  it('Mobilize attendees: First name, Last name, Email, Phone, Zip code', () => {
    expect(importFixture('mobilize.csv')).toEqual([
      { name: 'Gus Hale', email: 'gus@example.org', phone: '555-010-0700', neighborhood: '60601', organization: null, notes: null },
      { name: 'Ida Ito', email: 'ida@example.org', phone: null, neighborhood: '60602', organization: null, notes: null },
    ]);
  });

  it('a Google Forms sign-in sheet: Timestamp, Email Address, Name, Phone number', () => {
    expect(importFixture('google-forms.csv')).toEqual([
      { name: 'Jo Kim', email: 'jo@example.org', phone: '555 010 0800', neighborhood: 'Northside', organization: null, notes: null },
      { name: 'Kay Lee', email: 'kay@example.org', phone: null, neighborhood: 'Eastside', organization: null, notes: null },
    ]);
  });
});

describe('import reads separators and encodings as spreadsheets write them', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  const importBytes = (bytes: Buffer | string, args: string[] = []) => {
    const file = join(box.dir, 'sheet.csv');
    writeFileSync(file, bytes);
    return box.run(['import', file, ...args]);
  };

  it('finds the ";" of a European spreadsheet without --delimiter', () => {
    const result = importBytes('Nom;Courriel;Téléphone\r\n"Zoé, la grande";zoe@example.org;06 12 34 56 78\r\n', ['--map', 'Nom=name', '--map', 'courriel=email', '--map', 'Téléphone=phone']);
    expect(result.code, result.stderr).toBe(0);
    expect(people(box)).toEqual([{ name: 'Zoé, la grande', email: 'zoe@example.org', phone: '06 12 34 56 78', neighborhood: null, organization: null, notes: null }]);
  });

  it('finds a tab separator without --delimiter', () => {
    const result = importBytes('Name\tEmail\tPhone\nAna Ruiz\tana@example.org\t555 010 0100\n');
    expect(result.code, result.stderr).toBe(0);
    expect(people(box)[0]).toMatchObject({ name: 'Ana Ruiz', email: 'ana@example.org', phone: '555 010 0100' });
  });

  it('reads a Windows-1252 file (Excel\'s "CSV" on Windows), curly quotes and euro sign included, and says so', () => {
    // "Zoé Müller", a note with “quotes” and 5 €: bytes as Excel on Windows writes them.
    const text = 'Name,Notes\r\nZo\xe9 M\xfcller,\x93rent\x94 up 5 \x80\r\n';
    const result = importBytes(Buffer.from(text, 'latin1'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('as Windows-1252');
    expect(people(box)).toEqual([{ name: 'Zoé Müller', email: null, phone: null, neighborhood: null, organization: null, notes: '“rent” up 5 €' }]);
  });

  it('reads UTF-16 with its byte-order mark, little- and big-endian', () => {
    const text = 'Name,Email\r\nZoé Müller,zoe@example.org\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(importBytes(le).code).toBe(0);
    const be = Buffer.from(le);
    be.swap16();
    const again = importBytes(be, ['--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, skipped: 1 });
    expect(people(box)).toEqual([{ name: 'Zoé Müller', email: 'zoe@example.org', phone: null, neighborhood: null, organization: null, notes: null }]);
  });

  it('reads UTF-16 without a byte-order mark too (a NUL beside every ASCII letter)', () => {
    const result = importBytes(Buffer.from('Name,Email\r\nZoé Müller,zoe@example.org\r\n', 'utf16le'));
    expect(result.code, result.stderr).toBe(0);
    expect(people(box)).toEqual([{ name: 'Zoé Müller', email: 'zoe@example.org', phone: null, neighborhood: null, organization: null, notes: null }]);
  });

  it('reads UTF-8 with or without a byte-order mark, as before', () => {
    expect(importBytes('\uFEFFName\nZoé Müller\n').code).toBe(0);
    expect(importBytes('Name\nÀngel Pérez\n').code).toBe(0);
    expect(people(box).map((person) => person.name)).toEqual(['Zoé Müller', 'Àngel Pérez']);
  });
});
