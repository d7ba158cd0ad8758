/**
 * Search, on every engine: which records a query finds, how a hit is told and ranked. The SQLite index's own checks
 * (integrity against the tables, the upgrade's backfill, reading only the shown rows) are in test/unit/store/sqlite.
 */
import { describe, expect, it } from 'vitest';
import { searchWords } from '../../src/commands/search.js';
import type { SearchHit, SearchQuery, Store } from '../../src/store/index.js';
import { matchExpression } from '../../src/store/sqlite/search.js';
import { ENGINES } from './engines.js';
import { useEngine } from './harness.js';

const NOW = '2026-11-20T18:00:00.000Z';

async function person(s: Store, name: string, details: { neighborhood?: string; email?: string; organization?: string; notes?: string } = {}): Promise<number> {
  return s.write((tx) => tx.people.add({ name, nameKey: name.toLowerCase(), ...details }, NOW));
}

async function meeting(s: Store, personId: number, heldAt: string, agitation: string | null = null): Promise<number> {
  return s.write((tx) =>
    tx.meetings.add({ personId, heldAt, goal: 'recruitment', template: 'agenda', plannedMinutes: 30, status: 'complete', agitation, phases: [] }, heldAt),
  );
}

async function note(s: Store, personId: number, tag: string, text: string, meetingId: number | null = null): Promise<number> {
  return s.write((tx) => tx.meetings.addNote(personId, meetingId, tag, text, null, NOW));
}

function find(s: Store, typed: string, options: Partial<SearchQuery> = {}): Promise<SearchHit[]> {
  return s.search.find({ words: searchWords([typed]), limit: 50, ...options }).then((page) => page.hits);
}

const texts = (hits: SearchHit[]) => hits.map((hit) => hit.fields.map((field) => field.parts.map((part) => part.text).join('')).join(' | '));

describe.each(ENGINES)('search ($name)', (engine) => {
  const h = useEngine(engine);

  it('needs every word in the same record, each whole unless it ends in *', async () => {
    const s = await h.store();
    const ana = await person(s, 'Ana Ruiz');
    await note(s, ana, 'issue', 'the rent strike');
    await note(s, ana, 'issue', 'rent went up');
    await note(s, ana, 'skill', 'good at organizing');
    expect(texts(await find(s, 'rent strike'))).toEqual(['the rent strike']);
    expect(texts(await find(s, 'strike rent'))).toEqual(['the rent strike']);
    expect(await find(s, 'organi')).toEqual([]);
    expect(texts(await find(s, 'organi*'))).toEqual(['good at organizing']);
    expect(await find(s, 'ren')).toEqual([]);
  });

  it('folds case and accents both ways: "jose nunez" finds José Núñez and "JOSÉ" finds Jose', async () => {
    const s = await h.store();
    await person(s, 'José Núñez');
    await person(s, 'Jose Smith');
    const hits = await find(s, 'jose nunez');
    expect(hits.map((hit) => hit.personName)).toEqual(['José Núñez']);
    expect(hits[0]!.fields[0]!.parts).toEqual([{ text: 'José', match: true }, { text: ' ', match: false }, { text: 'Núñez', match: true }]);
    expect((await find(s, 'JOSÉ')).map((hit) => hit.personName).sort()).toEqual(['Jose Smith', 'José Núñez']);
  });

  it('reads quotes, brackets and FTS5 operators in the words as words, never as query syntax', async () => {
    const s = await h.store();
    const ana = await person(s, 'Ana Ruiz');
    await note(s, ana, 'note', 'she said "NOT NEAR the school" (twice)');
    await note(s, ana, 'note', 'text: the landlord OR the agent');
    for (const typed of ['"', '"not', 'near(', 'NOT', 'OR', 'AND', '(twice)', 'text:', 'tag:issue', '^she', 'school"*', '{text}', '-', 'a"b']) {
      await expect(find(s, typed), typed).resolves.toBeDefined();
    }
    expect(texts(await find(s, 'NOT'))).toEqual(['she said "NOT NEAR the school" (twice)']);
    expect(texts(await find(s, '"school"'))).toEqual(['she said "NOT NEAR the school" (twice)']);
    expect(texts(await find(s, 'OR'))).toEqual(['text: the landlord OR the agent']);
    expect(texts(await find(s, 'text:'))).toEqual(['text: the landlord OR the agent']);
    expect(await find(s, 'tag:issue')).toEqual([]);
    expect(matchExpression([{ text: 'o"brien', prefix: true }, { text: 'NOT', prefix: false }])).toBe('"o""brien" * AND "NOT"');
  });

  it("finds every word anywhere in one record's fields, but never a word across the end of one field and the next", async () => {
    const s = await h.store();
    const ana = await person(s, 'Ana Ruiz', { neighborhood: 'Eastside', organization: 'Maple Tenants' });
    await s.write((tx) => tx.commitments.addAsk(ana, null, { text: 'bring a friend to lead', barriers: 'in the evenings she works' }, NOW));
    expect((await find(s, 'eastside maple')).map((hit) => [hit.kind, hit.fields.map((field) => field.name)])).toEqual([['person', ['neighborhood', 'organization']]]);
    expect(texts(await find(s, 'lead evenings'))).toEqual(['bring a friend to lead | in the evenings she works']);
    expect(await find(s, 'lead-in')).toEqual([]);
    expect(await find(s, 'ruiz-eastside')).toEqual([]);
    expect(await find(s, '\uE000')).toEqual([]);
  });

  it('with a tag, finds only notes with that tag, and a note\'s tag is never matched as a word', async () => {
    const s = await h.store();
    const ana = await person(s, 'Ana Ruiz', { notes: 'rent issue organizer' });
    const ben = await person(s, 'Ben Ode');
    const met = await meeting(s, ben, '2026-11-02T18:00:00.000Z', 'rent eats half his pay');
    await note(s, ana, 'issue', 'rent went up', null);
    await note(s, ben, 'value', 'fair rent', met);
    await note(s, ben, 'lead-in', 'mentioned the rent strike', met);
    expect((await find(s, 'rent', { tag: 'issue' })).map((hit) => [hit.personName, hit.tag])).toEqual([['Ana Ruiz', 'issue']]);
    expect((await find(s, 'rent', { tag: 'lead-in' })).map((hit) => [hit.personName, hit.tag])).toEqual([['Ben Ode', 'lead-in']]);
    expect(await find(s, 'rent', { tag: 'story' })).toEqual([]);
    expect((await find(s, 'issue')).map((hit) => hit.kind)).toEqual(['person']);
    expect((await find(s, 'rent')).map((hit) => hit.kind).sort()).toEqual(['agitation', 'note', 'note', 'note', 'person']);
  });

  it('tells each hit by its own record: who, when (the meeting, else when written), the kind and its words', async () => {
    const s = await h.store();
    const ana = await person(s, 'Ana Ruiz');
    const ben = await person(s, 'Ben Ode');
    const met = await meeting(s, ben, '2026-10-05T17:00:00.000Z');
    await note(s, ana, 'issue', 'rent went up');
    await note(s, ben, 'value', 'the rent should be fair', met);
    await note(s, ana, 'story', 'my rent strike');
    const hits = await find(s, 'rent');
    expect(hits.map((hit) => [hit.personName, hit.tag, hit.at, texts([hit])[0]]).sort()).toEqual([
      ['Ana Ruiz', 'issue', NOW, 'rent went up'],
      ['Ana Ruiz', 'story', NOW, 'my rent strike'],
      ['Ben Ode', 'value', '2026-10-05T17:00:00.000Z', 'the rent should be fair'],
    ]);
    expect(hits.find((hit) => hit.tag === 'value')!.meetingId).toBe(met);
  });

  it('ranks by bm25: the word said more, in fewer words, first; a tie goes to the newest', async () => {
    const s = await h.store();
    const ana = await person(s, 'Ana Ruiz');
    await note(s, ana, 'note', 'talked about the weather, the bus, her job, the school and also the rent for a while');
    await note(s, ana, 'issue', 'rent, rent, rent');
    await note(s, ana, 'note', 'the rent went up');
    await note(s, ana, 'note', 'the rent went up');
    const hits = await find(s, 'rent');
    expect(texts(hits)).toEqual(['rent, rent, rent', 'the rent went up', 'the rent went up', 'talked about the weather, the bus, her job, the school and also the rent for a while']);
    expect(hits[1]!.id).toBeGreaterThan(hits[2]!.id);
  });

  it('cuts a long field around the match and says when there are more hits than shown', async () => {
    const s = await h.store();
    const ana = await person(s, 'Ana Ruiz');
    const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    await note(s, ana, 'note', `${filler} the rent ${filler}`);
    for (let i = 0; i < 3; i++) await note(s, ana, 'issue', `rent ${i}`);
    const [long] = await find(s, 'rent', { tag: 'note' });
    const shown = texts([long!])[0]!;
    expect(shown).toContain('the rent');
    expect(shown.startsWith('…') && shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThan(300);
    const page = await s.search.find({ words: searchWords(['rent']), limit: 2 });
    expect([page.hits.length, page.more]).toEqual([2, true]);
    expect((await s.search.find({ words: searchWords(['rent']), limit: 4 })).more).toBe(false);
  });
});
