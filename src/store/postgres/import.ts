import type { KnownContact } from '../../people/import.js';
import type { ImportLookup } from '../contract.js';
import type { Query } from './client.js';

const COLUMNS = `id, name, email, phone, neighborhood, organization, notes, rung`;
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** SQLite's lower() folds ASCII only; the lower() test is there for the index, the translate() one for the same answer. */
const ASCII_LOWER = (x: string) => `translate(${x}, '${UPPER}', '${UPPER.toLowerCase()}')`;

/**
 * What the phone index was read under: this transaction (now() is its start) and the rows it has written to people
 * so far. A statement outside a transaction is a transaction of its own, so there the phones are read every time.
 */
const PHONE_STATE = `
  SELECT now()::text || ':' || coalesce((SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables
                                          WHERE relid = 'people'::regclass), 0) AS state
  WHERE current_setting('track_counts')::boolean`;

/** Finding the people a spreadsheet row may mean. */
export class PgImportLookup implements ImportLookup {
  private phoneIndex?: { state: string | undefined; ids: Map<string, number> };

  constructor(private readonly q: Query) {}

  async byEmail(email: string): Promise<KnownContact | undefined> {
    return this.q.row<KnownContact>(
      `SELECT ${COLUMNS} FROM people WHERE lower(email) = lower($1) AND ${ASCII_LOWER('email')} = ${ASCII_LOWER('$1')} ORDER BY id LIMIT 1`,
      [email],
    );
  }

  /**
   * Phones are stored as typed ("(555) 010-0100", "+1 555 0100"), so they are compared by their digits: read once
   * in a transaction, and again only after it wrote to people (an import plans every row before it writes any).
   */
  async byPhoneDigits(digits: string, digitsOf: (phone: string) => string | undefined): Promise<KnownContact | undefined> {
    const state = (await this.q.row<{ state: string }>(PHONE_STATE))?.state;
    if (state === undefined || this.phoneIndex?.state !== state) this.phoneIndex = { state, ids: await this.phones(digitsOf) };
    const id = this.phoneIndex.ids.get(digits);
    return id === undefined ? undefined : this.q.row<KnownContact>(`SELECT ${COLUMNS} FROM people WHERE id = $1`, [id]);
  }

  async byNameKey(key: string): Promise<KnownContact[]> {
    return this.q.rows<KnownContact>(`SELECT ${COLUMNS} FROM people WHERE name_key = $1 ORDER BY id`, [key]);
  }

  private async phones(digitsOf: (phone: string) => string | undefined): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const { id, phone } of await this.q.rows<{ id: number; phone: string }>(`SELECT id, phone FROM people WHERE phone IS NOT NULL ORDER BY id`)) {
      const key = digitsOf(phone);
      if (key !== undefined && !ids.has(key)) ids.set(key, id);
    }
    return ids;
  }
}
