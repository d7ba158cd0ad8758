/** The import's part of the store contract (owned with the import feature; re-exported by contract.ts). */
import type { ContactField, KnownContact } from '../people/import.js';

/** What an import row says about someone: every field, a missing one as null. */
export type ImportDetails = Record<ContactField, string | null>;

export interface ImportLookup {
  byEmail(email: string): Promise<KnownContact | undefined>;
  /** Phones are stored as typed, so they are compared by their digits. */
  byPhoneDigits(digits: string, digitsOf: (phone: string) => string | undefined): Promise<KnownContact | undefined>;
  byNameKey(key: string): Promise<KnownContact[]>;
}
