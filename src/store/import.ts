import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import type { KnownPerson } from '../people/import.js';
import type { PeopleStore } from './people.js';


export interface ImportDetails {
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
}

const COLUMNS = `id, name, email, phone, neighborhood, organization, notes, rung`;

/** Finding people a spreadsheet row may mean, and writing what it says about them. */
export class ImportStore {
  private readonly byEmailStatement: Statement<[string], KnownPerson>;
  private readonly byNameKeyStatement: Statement<[string], KnownPerson>;
  private readonly byIdStatement: Statement<[number], KnownPerson>;
  private readonly phones: Statement<[], { id: number; phone: string }>;
  private readonly updateStatement: Statement;
  private phoneIndex?: Map<string, number>;

  constructor(db: Db, private readonly people: PeopleStore) {
    this.byEmailStatement = db.prepare(`SELECT ${COLUMNS} FROM people WHERE lower(email) = lower(?) ORDER BY id LIMIT 1`);
    this.byNameKeyStatement = db.prepare(`SELECT ${COLUMNS} FROM people WHERE name_key = ? ORDER BY id`);
    this.byIdStatement = db.prepare(`SELECT ${COLUMNS} FROM people WHERE id = ?`);
    this.phones = db.prepare(`SELECT id, phone FROM people WHERE phone IS NOT NULL ORDER BY id`);
    this.updateStatement = db.prepare(`
      UPDATE people SET email = @email, phone = @phone, neighborhood = @neighborhood, organization = @organization,
                        notes = @notes, updated_at = @now
      WHERE id = @id`);
  }

  byEmail(email: string): KnownPerson | undefined {
    return this.byEmailStatement.get(email);
  }

  /** Phones are stored as typed ("(555) 010-0100", "+1 555 0100"), so they are compared by their digits, read once. */
  byPhoneDigits(digits: string, digitsOf: (phone: string) => string | undefined): KnownPerson | undefined {
    if (!this.phoneIndex) {
      this.phoneIndex = new Map();
      for (const { id, phone } of this.phones.iterate()) {
        const key = digitsOf(phone);
        if (key !== undefined && !this.phoneIndex.has(key)) this.phoneIndex.set(key, id);
      }
    }
    const id = this.phoneIndex.get(digits);
    return id === undefined ? undefined : this.byIdStatement.get(id);
  }

  byNameKey(key: string): KnownPerson[] {
    return this.byNameKeyStatement.all(key);
  }

  /** A new person from the file, standing on their first rung with that step in their history (as every new person). */
  add(person: { name: string; nameKey: string; rung: string | null } & ImportDetails, now: string): number {
    return this.people.add({ ...person, rung: person.rung ?? undefined, source: 'import' }, now);
  }

  update(id: number, details: ImportDetails, now: string): void {
    this.updateStatement.run({ ...details, id, now });
  }

  moveToRung(id: number, rung: string, reason: string, now: string): void {
    this.people.moveToRung(id, rung, { reason, meetingId: null, at: now });
  }
}
