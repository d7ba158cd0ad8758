import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchWords } from '../../../../src/commands/search.js';
import type { SearchHit, SearchQuery } from '../../../../src/store/search.js';
import { openDatabase } from '../../../../src/store/sqlite/db.js';
import { SqliteStore } from '../../../../src/store/sqlite/engine.js';
import { matchExpression, RANK, RANK_RANGE } from '../../../../src/store/sqlite/search.js';
import { SEARCH_INDEX } from '../../../../src/store/sqlite/search-schema.js';

const NOW = '2026-11-20T18:00:00.000Z';

let dir: string;
let store: SqliteStore | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oneonone-search-'));
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function open(path = join(dir, 'one.db')): SqliteStore {
  store = new SqliteStore(openDatabase(path), path, true);
  return store;
}

async function person(s: SqliteStore, name: string, details: { neighborhood?: string; email?: string; organization?: string; notes?: string } = {}): Promise<number> {
  return s.write((tx) => tx.people.add({ name, nameKey: name.toLowerCase(), ...details }, NOW));
}

async function meeting(s: SqliteStore, personId: number, heldAt: string, agitation: string | null = null): Promise<number> {
  return s.write((tx) =>
    tx.meetings.add({ personId, heldAt, goal: 'recruitment', template: 'agenda', plannedMinutes: 30, status: 'complete', agitation, phases: [] }, heldAt),
  );
}

async function note(s: SqliteStore, personId: number, tag: string, text: string, meetingId: number | null = null): Promise<number> {
  return s.write((tx) => tx.meetings.addNote(personId, meetingId, tag, text, null, NOW));
}

function find(s: SqliteStore, typed: string, options: Partial<SearchQuery> = {}): Promise<SearchHit[]> {
  return s.search.find({ words: searchWords([typed]), limit: 50, ...options }).then((page) => page.hits);
}

const texts = (hits: SearchHit[]) => hits.map((hit) => hit.fields.map((field) => field.parts.map((part) => part.text).join('')).join(' | '));

/** FTS5's own check of the external-content index against the records (rank 1: compare with the content). */
function indexMatchesTables(db: Database.Database): void {
  db.prepare(`INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}, rank) VALUES ('integrity-check', 1)`).run();
}

describe('the full-text index', () => {
  it('stays exact through every kind of write, including the cascade of a forget (FTS5 integrity-check against the tables)', async () => {
    const s = open();
    const ana = await person(s, 'Ana Ruiz', { neighborhood: 'Eastside', email: 'ana@example.org' });
    const ben = await person(s, 'Ben Ode');
    const first = await meeting(s, ana, '2026-11-01T18:00:00.000Z', 'pays rent for a home that makes her sick');
    const dropped = await note(s, ana, 'issue', 'rent went up', first);
    await note(s, ben, 'value', 'family first');
    const ask = await s.write((tx) => tx.commitments.addAsk(ana, first, { text: 'come to the tenant meeting', barriers: 'no childcare' }, NOW));
    const followUp = await s.write((tx) => tx.commitments.addFollowUp(ana, first, { text: null, askId: ask, dueAt: '2026-12-01T18:00:00.000Z' }, NOW));
    await s.write(async (tx) => {
      await tx.commitments.updateAsk(ask, { barriers: 'works nights', support: 'a ride' });
      await tx.commitments.setFollowUpText(first, followUp, 'call about the ride');
      await tx.meetings.setAgitation(first, null, NOW);
      await tx.meetings.dropNote(first, dropped);
      await tx.people.updateDetails(ana, { neighborhood: 'Riverside', organization: 'Maple Tenants' }, NOW);
    });
    indexMatchesTables(s.db);
    expect(texts(await find(s, 'riverside'))).toEqual(['Riverside']);
    expect(await find(s, 'eastside')).toEqual([]);
    expect(await find(s, 'childcare')).toEqual([]);
    expect(texts(await find(s, 'nights'))).toEqual(['come to the tenant meeting | works nights']);
    expect(texts(await find(s, 'ride'))).toEqual(expect.arrayContaining(['call about the ride', 'come to the tenant meeting | a ride']));
    expect(await find(s, 'sick')).toEqual([]);
    expect(await find(s, 'went')).toEqual([]);

    await s.write((tx) => tx.people.forget(ana));
    indexMatchesTables(s.db);
    expect(await find(s, 'ride')).toEqual([]);
    expect(await find(s, 'ana')).toEqual([]);
    expect(texts(await find(s, 'family'))).toEqual(['family first']);
  });

  it('is caught by that check when a write goes around it (the check can fail)', async () => {
    const s = open();
    const ana = await person(s, 'Ana Ruiz');
    s.db.exec('DROP TRIGGER search_notes_insert');
    await note(s, ana, 'issue', 'rent went up');
    expect(() => indexMatchesTables(s.db)).toThrow();
  });

  it('follows a note whose text is changed by any writer, in the same transaction', async () => {
    const s = open();
    const ana = await person(s, 'Ana Ruiz');
    const id = await note(s, ana, 'issue', 'the rent is too high');
    s.db.prepare('UPDATE notes SET text = ? WHERE id = ?').run('the heating is broken', id);
    expect(await find(s, 'rent')).toEqual([]);
    expect(texts(await find(s, 'heating'))).toEqual(['the heating is broken']);
    await expect(
      s.write(async (tx) => {
        await tx.meetings.addNote(ana, null, 'issue', 'mould in the bathroom', null, NOW);
        throw new Error('the write fails after the note');
      }),
    ).rejects.toThrow('the write fails');
    expect(await find(s, 'mould')).toEqual([]);
    indexMatchesTables(s.db);
  });

  it('is made for the rows a database already had when it is upgraded (the backfill of 007)', async () => {
    const path = join(dir, 'old.db');
    copyFileSync(new URL('../../../fixtures/schema-v1.db', import.meta.url), path);
    const s = open(path);
    const repairs = await find(s, 'repairs');
    expect(repairs.map((hit) => [hit.kind, hit.personName, hit.tag])).toEqual([['note', 'Ana Ruiz', 'interest']]);
    expect((await find(s, 'zoe')).map((hit) => [hit.kind, hit.personName])).toEqual([['person', 'Zoë Okafor']]);
    indexMatchesTables(s.db);
  });
});

describe('finding', () => {
  it('ranks with the index alone: names, dates and records are read only for the rows shown', () => {
    const s = open();
    const plan = (sql: string, values: object) =>
      (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ match: '"x"', limit: 20, ...values }) as { detail: string }[]).map((row) => row.detail).join('\n');
    // FTS5 alone, read newest first (idxNum 192: descending), then the bounded sort; no table of records is touched.
    const ranked = plan(RANK, {});
    expect(ranked).toBe('CO-ROUTINE (subquery-1)\nSCAN search_index VIRTUAL TABLE INDEX 192:M1\nSCAN (subquery-1)\nUSE TEMP B-TREE FOR ORDER BY');
    // The tag's range is handed to FTS5 (>< : both bounds), not filtered row by row afterwards.
    expect(plan(RANK_RANGE, { low: 1, high: 2 })).toMatch(/SCAN search_index VIRTUAL TABLE INDEX 192:M1></);
  });
});

describe('forgetting', () => {
  /** A person whose words are nowhere else, with words in every indexed place. */
  async function secretPerson(s: SqliteStore): Promise<{ id: number; secrets: string[] }> {
    const secrets = ['Quibbleton', 'zarnowiecka', 'vrillmoss', 'plorfish', 'skeebat', 'gruntwhistle', 'snarfwidget'];
    const id = await person(s, 'Ottoline Quibbleton', { neighborhood: 'Zarnowiecka Heights', email: 'vrillmoss@example.org' });
    const met = await meeting(s, id, '2026-11-01T18:00:00.000Z', 'plorfish landlords everywhere');
    await note(s, id, 'issue', 'skeebat in the basement', met);
    await s.write(async (tx) => {
      const ask = await tx.commitments.addAsk(id, met, { text: 'come to the gruntwhistle', barriers: 'snarfwidget shifts' }, NOW);
      await tx.commitments.addFollowUp(id, met, { text: 'call about the skeebat', askId: ask, dueAt: '2026-12-01T18:00:00.000Z' }, NOW);
    });
    return { id, secrets };
  }

  /** Many other people, so the index has pages of terms around the forgotten ones. */
  async function crowd(s: SqliteStore): Promise<void> {
    await s.write(async (tx) => {
      for (let i = 0; i < 300; i++) {
        const id = await tx.people.add({ name: `Person ${i}`, nameKey: `person ${i}`, neighborhood: `Block ${i % 17}` }, NOW);
        await tx.meetings.addNote(id, null, 'issue', `rent strike ${i} skeeb${i} zarn${i} plorf${i}`, null, NOW);
      }
    });
  }

  const bytes = (path: string) => readFileSync(path).toString('latin1').toLowerCase();

  it('leaves none of their words in the index or anywhere in the file after forget and the scrub', async () => {
    const path = join(dir, 'forget.db');
    const s = open(path);
    await crowd(s);
    const { id, secrets } = await secretPerson(s);
    await crowd(s);
    expect((await find(s, 'skeebat')).length).toBe(2);
    await s.write((tx) => tx.people.forget(id));
    expect(await find(s, 'skeebat')).toEqual([]);
    expect(await s.scrub()).toBe(true);
    const file = bytes(path);
    expect(secrets.filter((secret) => file.includes(secret.toLowerCase()))).toEqual([]);
    expect((await find(s, 'rent strike')).length).toBe(50);
    indexMatchesTables(s.db);
  });

  it('would leave them in the index without FTS5 secure-delete and the merge before the scrub (the check above can fail)', async () => {
    const path = join(dir, 'insecure.db');
    const s = open(path);
    s.db.prepare(`INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}, rank) VALUES ('secure-delete', 0)`).run();
    await crowd(s);
    const { id, secrets } = await secretPerson(s);
    await crowd(s);
    await s.write((tx) => tx.people.forget(id));
    // The scrub as it was before it merged the index (a plain VACUUM): the merge alone also rewrites the words away.
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.db.exec('VACUUM');
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = bytes(path);
    expect(secrets.filter((secret) => file.includes(secret.toLowerCase())).length).toBeGreaterThan(0);
  });
});
