import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';
import { runInPty } from './pty.js';
import { socketDir, teamServer, type TeamServer } from './team-server.js';

const PEOPLE = 3000;
const CLEAR = '\r\x1b[2K';

/** What was drawn after the last time the line was cleared: the command's own output, no progress left over. */
const afterLastClear = (screen: string): string => screen.slice(screen.lastIndexOf(CLEAR) + CLEAR.length);

describe('progress on long work', () => {
  let box: Sandbox;
  let sheet: string;

  beforeAll(() => {
    box = sandbox();
    sheet = join(box.dir, 'sign-in.csv');
    const rows = Array.from({ length: PEOPLE }, (_, i) => `Member ${i},member${i}@example.org,555-${String(i).padStart(4, '0')}`);
    writeFileSync(sheet, ['Name,Email,Phone', ...rows].join('\n'));
  });
  afterAll(() => box.cleanup());

  it('an import on a terminal shows its stages with counts, then clears the line before the report', async () => {
    const { code, screen } = await runInPty(['import', sheet, '--dry-run'], box.env, [], 60_000);
    expect(code, screen).toBe(0);
    expect(screen).toContain(`Checking rows: 0 of ${PEOPLE.toLocaleString('en-US')} (0%)`);
    expect(afterLastClear(screen)).not.toContain('Checking rows');
    expect(afterLastClear(screen)).toContain(`Would add ${PEOPLE}, change 0`);
  });

  it('an import into the record counts people as they are written', async () => {
    const { code, screen } = await runInPty(['import', sheet], box.env, [], 60_000);
    expect(code, screen).toBe(0);
    expect(screen).toContain(`Importing people: 0 of ${PEOPLE.toLocaleString('en-US')} (0%)`);
    expect(afterLastClear(screen)).not.toContain('Importing people');
    expect(box.json<unknown[]>(['people', '--json'])).toHaveLength(PEOPLE);
  });

  it('says nothing of progress in a pipe', () => {
    const other = sandbox();
    try {
      const result = other.run(['import', sheet]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/Checking rows|Importing people/);
      expect(result.stderr).not.toContain('\x1b');
    } finally {
      other.cleanup();
    }
  });

  it('where the terminal cannot redraw (TERM=dumb), writes plain lines instead', async () => {
    const { code, screen } = await runInPty(['export', 'people', '--out', join(box.dir, 'people.csv')], { ...box.env, TERM: 'dumb' }, [], 15_000, 'dumb');
    expect(code, screen).toBe(0);
    expect(screen).toContain(`Exporting people: 0 of ${PEOPLE.toLocaleString('en-US')} (0%)\r\n`);
    expect(screen).not.toContain('\x1b[2K');
  });

  it('a merge of many records says what it is doing while the one transaction runs', async () => {
    const notes = Array.from({ length: 1200 }, (_, i) => ['--note', `note ${i}`]).flat();
    expect(box.run(['log', 'Duplicate Person', '--new', ...notes]).code).toBe(0);
    expect(box.run(['log', 'Kept Person', '--new']).code).toBe(0);
    const { code, screen } = await runInPty(['merge', 'Duplicate Person', 'Kept Person'], box.env, []);
    expect(code, screen).toBe(0);
    expect(screen).toContain('Merging 1,201 records…');
    expect(afterLastClear(screen)).toContain('Merged Duplicate Person');
  });

  it('a small merge draws no line at all', async () => {
    expect(box.run(['log', 'Small Duplicate', '--new', '--note', 'one']).code).toBe(0);
    const { code, screen } = await runInPty(['merge', 'Small Duplicate', 'Kept Person'], box.env, []);
    expect(code, screen).toBe(0);
    expect(screen).not.toContain('Merging');
  });
});

describe.skipIf(!socketDir)('progress bringing a file into a team server', () => {
  let server: TeamServer;
  let file: Sandbox;

  beforeAll(async () => {
    server = await teamServer('progress_import_local', 'pr_');
    server.ok(undefined, ['team', 'init', 'Rosa Delgado']);
    file = sandbox();
    const sheet = join(file.dir, 'sheet.csv');
    writeFileSync(sheet, ['Name,Email', ...Array.from({ length: 250 }, (_, i) => `Neighbor ${i},n${i}@example.org`)].join('\n'));
    expect(file.run(['import', sheet]).code).toBe(0);
  }, 60_000);
  afterAll(() => {
    file?.cleanup();
    server?.cleanup();
  });

  it('counts the people brought in, then clears the line before the report', async () => {
    const { code, screen } = await runInPty(['team', 'import-local', file.db], { ...server.box.env, ONEONONE_DB: server.as() }, [], 60_000);
    expect(code, screen).toBe(0);
    expect(screen).toContain('Matching people…');
    expect(screen).toContain('Bringing in people: 0 of 250 (0%)');
    expect(afterLastClear(screen)).not.toContain('Bringing in people:');
  });
});
