/**
 * What every contract test needs: a fresh temp folder and a fresh location per test, stores opened through
 * the public `openStore` and closed after the test, and small builders for the rows the contract takes.
 * Nothing here knows which engine it runs against.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { nameKey } from '../../src/people/names.js';
import {
  openStore, type NewMeeting, type NewMeetingPhase, type NewPerson, type ExportTable, type OpenMode, type Store,
} from '../../src/store/index.js';
import type { Engine, EngineSession } from './engines.js';

export interface Harness {
  /** This test's own empty temp folder. */
  readonly dir: string;
  readonly session: EngineSession;
  /** This test's location (the same one for the whole test; nothing exists there at the start). */
  location(): Promise<string>;
  /** Opens a store at this test's location (or `at`); closed after the test. */
  open(mode?: OpenMode, at?: string): Promise<Store>;
  /** A write store at this test's location, opened once per test. */
  store(): Promise<Store>;
}

/** Registers the hooks of one engine's describe block and hands back the per-test harness. */
export function useEngine(engine: Engine): Harness {
  let session: EngineSession | undefined;
  let dir: string | undefined;
  let location: string | undefined;
  let main: Store | undefined;
  const opened: Store[] = [];

  beforeAll(async () => {
    session = await engine.setup();
  });
  afterAll(async () => {
    await session?.teardown();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `oneonone-contract-${engine.name}-`));
    location = undefined;
    main = undefined;
  });
  afterEach(async () => {
    for (const store of opened.splice(0).reverse()) {
      try {
        await store.close();
      } catch {
        // a test may have closed it already
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const harness: Harness = {
    get dir() {
      if (!dir) throw new Error('no test is running');
      return dir;
    },
    get session() {
      if (!session) throw new Error('the engine is not set up');
      return session;
    },
    async location() {
      return (location ??= await harness.session.location(harness.dir));
    },
    async open(mode = 'write', at) {
      const store = await openStore(at ?? (await harness.location()), { mode });
      opened.push(store);
      return store;
    },
    async store() {
      return (main ??= await harness.open('write'));
    },
  };
  return harness;
}

// ── fixed moments ──────────────────────────────────────────────────────────

export const T0 = '2026-11-01T09:00:00.000Z';
export const T1 = '2026-11-24T18:30:00.000Z';
export const T2 = '2026-11-25T10:15:30.250Z';
export const T3 = '2026-11-26T08:00:00.999Z';
export const T4 = '2026-12-01T12:00:00.001Z';

/** `iso` moved by whole days (and optional milliseconds), as toISOString writes it. */
export function plusDays(iso: string, days: number, ms = 0): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000 + ms).toISOString();
}

// ── builders ───────────────────────────────────────────────────────────────

export function person(name: string, more: Omit<NewPerson, 'name' | 'nameKey'> = {}): NewPerson {
  return { name, nameKey: nameKey(name), ...more };
}

export const PHASES: NewMeetingPhase[] = [
  { position: 1, key: 'rapport', title: 'Rapport', plannedSeconds: 300, maxTalkShare: 0.3 },
  { position: 2, key: 'story', title: 'Their story', plannedSeconds: 900, maxTalkShare: 0.2 },
  { position: 3, key: 'ask', title: 'The ask', plannedSeconds: 300, maxTalkShare: 0.5 },
];

export function meeting(personId: number, heldAt: string, more: Partial<Omit<NewMeeting, 'personId' | 'heldAt'>> = {}): NewMeeting {
  return { personId, heldAt, goal: 'recruitment', template: 'standard', plannedMinutes: 30, status: 'complete', phases: [], ...more };
}

/** Adds one person in a write of their own. */
export async function addPerson(store: Store, name: string, now = T0, more: Omit<NewPerson, 'name' | 'nameKey'> = {}): Promise<number> {
  return store.write((tx) => tx.people.add(person(name, more), now));
}

/** Adds a complete meeting (no phases) in a write of its own. */
export async function addMeeting(store: Store, personId: number, heldAt: string, more: Partial<Omit<NewMeeting, 'personId' | 'heldAt'>> = {}): Promise<number> {
  return store.write((tx) => tx.meetings.add(meeting(personId, heldAt, more), heldAt));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A promise and the function that settles it, to hold a write open until the test lets it go. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The columns of each export table, in order: what `export` writes as the CSV header. */
export const EXPORT_COLUMNS: Record<ExportTable, string[]> = {
  people: [
    'id', 'name', 'rung', 'potential', 'assessment', 'email', 'phone', 'neighborhood', 'organization', 'language', 'interpreter', 'units', 'notes',
    'source', 'referred_by', 'meetings', 'last_met', 'added',
  ],
  meetings: [
    'id', 'person', 'date', 'goal', 'template', 'status', 'planned_minutes', 'actual_minutes', 'organizer_talk_share', 'asks', 'outcomes',
    'rung_after', 'agitation', 'values', 'interests', 'motivations', 'issues', 'skills', 'capacity', 'stories_shared', 'lead_ins', 'other_notes',
  ],
  asks: ['id', 'person', 'meeting_id', 'meeting_date', 'ask', 'due', 'outcome', 'result', 'barriers', 'support', 'checked', 'created'],
  followups: ['id', 'person', 'meeting_id', 'followup', 'due', 'done', 'created', '_ask', '_ask_outcome'],
  notes: ['id', 'person', 'meeting_id', 'meeting_date', 'tag', 'note', 'phase', 'created'],
  touches: ['id', 'person_id', 'person', 'by', 'note', 'date', 'recorded'],
  relationships: ['id', 'person_id', 'person', 'kind', 'other_id', 'other', 'note', 'since', 'ended'],
  units: ['id', 'name', 'kind', 'size', 'people', 'added'],
};

/** Every row of an export table, the batches joined. */
export async function exportRows(store: Store, table: ExportTable): Promise<{ columns: string[]; batches: unknown[][][] }> {
  const { columns, batches } = await store.exports.rows(table);
  const all: unknown[][][] = [];
  for await (const batch of batches) all.push(batch);
  return { columns, batches: all };
}

export const byId = <T extends { id: number }>(rows: T[]): T[] => [...rows].sort((a, b) => a.id - b.id);
export const byRung = <T extends { rung: string }>(rows: T[]): T[] => [...rows].sort((a, b) => (a.rung < b.rung ? -1 : a.rung > b.rung ? 1 : 0));

/** Phone digits, as import compares them. */
export const digitsOf = (phone: string): string | undefined => {
  const digits = phone.replace(/\D/g, '');
  return digits === '' ? undefined : digits;
};
