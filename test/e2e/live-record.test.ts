/**
 * The live record under concurrent use, driven in real pseudo-terminals: one terminal per meeting, a draft thrown
 * away and brought back, a meeting dated by the moment it begins.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { answer, openTerminal, type Terminal } from './terminal.js';

interface Shown {
  meetings: { id: number; status: string; heldAt: string; createdAt: string; currentPhase: number | null; notes: { text: string }[] }[];
}

const CTRL_C = '\u0003';
let box: Sandbox;
const terminals: Terminal[] = [];

beforeEach(() => {
  box = sandbox();
  const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(templates, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
});

afterEach(() => {
  for (const t of terminals.splice(0)) t.kill('SIGKILL');
  box.cleanup();
});

function start(args: string[]): Terminal {
  const t = openTerminal(box, ['start', ...args]);
  terminals.push(t);
  return t;
}

const shown = (who: string) => box.json<Shown>(['show', who, '--json']);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A draft prepared and left before its first phase: what an organizer does the evening before. */
async function prepareDraft(name: string): Promise<number> {
  expect(box.run(['log', name]).code).toBe(0);
  const t = start([name, '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'come on thursday']);
  await answer(t, 'Start the first phase now?', CTRL_C);
  expect((await t.exit()).exitCode).toBe(130);
  return shown(name).meetings.find((m) => m.status === 'draft')!.id;
}

describe('one meeting, one terminal', () => {
  test('a second resume of a running draft is refused with one line; once the first is killed, it resumes', async () => {
    const id = await prepareDraft('Ana Ruiz');
    const first = start(['--resume', String(id)]);
    await first.waitFor('Phase 1 of 3: Listen');
    const second = start(['--resume', String(id)]);
    expect((await second.exit()).exitCode).toBe(1);
    const said = second.text();
    expect(said).toMatch(new RegExp(`oneonone: meeting M${id} with Ana Ruiz is running in another terminal \\(process ${first.pid}\\)`));
    expect(said).not.toMatch(/\n\s+at /);
    first.write('a');
    first.write('works nights\r');
    await first.waitFor('What kind of note is it?');
    first.write('c');
    await first.waitFor('Noted (capacity): works nights');
    await pause(300);
    first.kill('SIGKILL');
    await first.exit();

    const third = start(['--resume', String(id)]);
    await third.waitFor(`Resuming meeting M${id} with Ana Ruiz at phase 1`);
    await third.waitFor('Phase 1 of 3: Listen');
    expect(shown('Ana Ruiz').meetings.find((m) => m.id === id)!.notes.map((n) => n.text)).toEqual(['works nights']);
  });

  test('start --discard throws a draft away without a terminal, says how to bring it back, and undo does', async () => {
    const id = await prepareDraft('Bo Li');
    const result = box.run(['start', '--discard', String(id)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^Discarded draft M${id} with Bo Li, prepared .*Bring it back with: oneonone undo`));
    expect(shown('Bo Li').meetings.map((m) => m.status)).toEqual(['complete']);
    expect(box.run(['start', '--discard', String(id)]).stderr).toContain(`there is no unfinished meeting M${id}`);
    expect(box.run(['undo']).code).toBe(0);
    expect(shown('Bo Li').meetings.map((m) => [m.id, m.status])).toContainEqual([id, 'draft']);
  });

  test('start --discard refuses a draft that is running in another terminal', async () => {
    const id = await prepareDraft('Cy Dee');
    const live = start(['--resume', String(id)]);
    await live.waitFor('Phase 1 of 3: Listen');
    const result = box.run(['start', '--discard', String(id)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^oneonone: meeting M\d+ with Cy Dee is running in another terminal/);
    expect(shown('Cy Dee').meetings.some((m) => m.id === id && m.status === 'draft')).toBe(true);
  });

  test('a meeting prepared ahead is dated when its first phase begins, not when it was prepared', async () => {
    const id = await prepareDraft('Dee Fox');
    const prepared = shown('Dee Fox').meetings.find((m) => m.id === id)!;
    await pause(1500);
    const t = start(['--resume', String(id)]);
    await t.waitFor('Phase 1 of 3: Listen');
    await pause(300);
    const begun = shown('Dee Fox').meetings.find((m) => m.id === id)!;
    expect(Date.parse(begun.heldAt) - Date.parse(prepared.createdAt)).toBeGreaterThanOrEqual(1400);
    expect(Date.parse(prepared.heldAt)).toBeLessThan(Date.parse(begun.heldAt));
  });

  test('restore during a live meeting is refused with one line, and the meeting goes on and is saved', async () => {
    const id = await prepareDraft('Eve Gold');
    const backup = join(box.dir, 'before.db');
    expect(box.run(['backup', backup]).code).toBe(0);
    const live = start(['--resume', String(id)]);
    await live.waitFor('Phase 1 of 3: Listen');
    const refused = box.run(['restore', backup, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^oneonone: the meeting with Eve Gold \\(#${id}\\) is running in another terminal \\(process ${live.pid}\\); a restore now would lose it\nhint: `));
    live.write('a');
    live.write('her landlord\r');
    await live.waitFor('What kind of note is it?');
    live.write('i');
    await live.waitFor('Noted (');
    live.write(CTRL_C);
    expect((await live.exit()).exitCode).toBe(130);
    expect(shown('Eve Gold').meetings.find((m) => m.id === id)!.notes.map((n) => n.text)).toEqual(['her landlord']);
    expect(box.run(['restore', backup, '--yes']).code).toBe(0);
  });

  test('forget of a person whose meeting is live in another terminal is refused; the meeting goes on', async () => {
    const id = await prepareDraft('Flo Hart');
    const live = start(['--resume', String(id)]);
    await live.waitFor('Phase 1 of 3: Listen');
    const refused = box.run(['forget', 'Flo Hart', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^oneonone: Flo Hart's meeting \(#\d+\) is running in another terminal \(process \d+\); not forgetting them now\nhint: /);
    live.write('a');
    live.write('night shifts\r');
    await live.waitFor('What kind of note is it?');
    live.write('c');
    await live.waitFor('Noted (capacity)');
    live.write(CTRL_C);
    expect((await live.exit()).exitCode).toBe(130);
    expect(shown('Flo Hart').meetings.find((m) => m.id === id)!.notes.map((n) => n.text)).toEqual(['night shifts']);
    expect(box.run(['forget', 'Flo Hart', '--yes']).code).toBe(0);
  });

  test('start refuses an unknown --template before asking a single question', async () => {
    expect(box.run(['log', 'Gus Ito']).code).toBe(0);
    const t = start(['Gus Ito', '--template', 'no-such-guide', '--minutes', '30']);
    expect((await t.exit()).exitCode).toBe(1);
    expect(t.text()).toMatch(/oneonone: .*no-such-guide/);
    expect(t.text()).not.toContain('What is this meeting for?');
  });

  test('start with a name two people share asks who it is, and offers a new person', async () => {
    expect(box.run(['log', 'Ana Ruiz', '--email', 'ana@example.org']).code).toBe(0);
    expect(box.run(['log', 'Ana Ruiz', '--email', 'other@example.org', '--new']).code).toBe(0);
    const t = start(['Ana Ruiz', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'x']);
    const asked = await t.waitFor('could be 2 people. Who is it?');
    expect(asked).toContain('#1 Ana Ruiz: ana@example.org');
    expect(asked).toContain('#2 Ana Ruiz: other@example.org');
    t.write('\u001b[B\r');
    await t.waitFor('Start the first phase now?');
    t.write(CTRL_C);
    await t.exit();
    const drafts = box.json<{ meetings: { status: string }[] }>(['show', '#2', '--json']).meetings.filter((m) => m.status === 'draft');
    expect(drafts).toHaveLength(1);
  });

  test("start's picker offers a new person even when the name typed is someone known's, and keeps the two apart", async () => {
    expect(box.run(['log', 'Ana Ruiz', '--email', 'ana@example.org']).code).toBe(0);
    const t = start(['-t', 'quick', '-g', 'recruitment', '--plan-ask', 'x']);
    await t.waitFor('Who are you meeting?');
    t.write('Ana Ruiz');
    await t.waitFor('Add "Ana Ruiz" as a new person');
    t.write('\u001b[B\r');
    await answer(t, 'Ana Ruiz is new. How did you get their name?', '\u001b[B\u001b[B\r');
    await answer(t, 'How did you get their name?', 'door knocking\r');
    await answer(t, 'Start the first phase now?', CTRL_C);
    await t.exit();
    const everyone = box.json<{ id: number; name: string; meetings: number }[]>(['people', '--json']);
    expect(everyone.map((p) => [p.id, p.name, p.meetings])).toEqual([[1, 'Ana Ruiz', 1], [2, 'Ana Ruiz', 0]]);
    expect(box.json<{ person: { email: string | null } }>(['show', '#1', '--json']).person.email).toBe('ana@example.org');
  });
});
