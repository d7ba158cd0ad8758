import { cannotWrite, openDatabase, sqliteCode, type Db, type OpenOptions } from './db.js';
import { MeetingStore } from './meetings.js';
import { PeopleStore } from './people.js';

export type { Db } from './db.js';

/** One open database and its repositories, each made on first use so a command prepares only its own statements. */
export class Store {
  private peopleStore?: PeopleStore;
  private meetingStore?: MeetingStore;

  constructor(readonly db: Db, readonly path: string) {}

  get people(): PeopleStore {
    return (this.peopleStore ??= new PeopleStore(this.db));
  }

  get meetings(): MeetingStore {
    return (this.meetingStore ??= new MeetingStore(this.db));
  }

  /** All of it or none of it, taking the write lock up front so two terminals queue instead of failing. */
  write<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      throw isDiskProblem(error) ? cannotWrite(this.path, error) : error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  return new Store(openDatabase(path, options), path);
}

function isDiskProblem(error: unknown): boolean {
  return /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/.test(sqliteCode(error) ?? '');
}
