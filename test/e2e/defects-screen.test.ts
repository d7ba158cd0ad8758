import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { openSizedTerminal, settled, type SizedTerminal } from './defects-terminal.js';
import { stripAnsi } from './terminal.js';

const DOWN = '\u001b[B';
const NARROW = { cols: 40, rows: 24 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let box: Sandbox;
let open: SizedTerminal[] = [];

beforeEach(() => {
  box = sandbox();
  const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(templates, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
});
afterEach(() => {
  open.forEach((terminal) => terminal.kill());
  open = [];
  box.cleanup();
});

function narrow(args: string[]): SizedTerminal {
  const terminal = openSizedTerminal(box, args, NARROW);
  open.push(terminal);
  return terminal;
}

const copiesOf = (rows: string[], text: string) => rows.filter((row) => row.includes(text)).length;

/** Watches the screen for a few seconds of ticking clock: it must be redrawn in place, never pushed down. */
async function expectRedrawnInPlace(t: SizedTerminal, heading: string): Promise<void> {
  const before = await settled(t, 1200);
  await pause(3200);
  const after = await settled(t);
  expect(copiesOf(after, heading), after.join('\n')).toBe(1);
  expect(after.length, after.join('\n')).toBe(before.length);
}

describe('the live phase on a 40-column terminal', { timeout: 60_000 }, () => {
  test('redraws in place every second, also with the help open and while a long note is typed', async () => {
    const t = narrow(['start', 'Ana Ruiz', '-t', 'agenda', '-m', '30', '-g', 'recruitment', '--plan-ask', 'come to the tenant meeting']);
    // inquirer breaks a question at the last column, so each wait looks for a few words of it.
    await t.waitFor('Ana Ruiz is new');
    t.write(`${DOWN}\r`);
    await t.waitFor('Which event?');
    t.write('tenant assembly\r');
    await t.waitFor('Start the');
    t.write('\r');
    const heading = 'Phase 1 of 5';
    await t.waitFor(heading);
    await expectRedrawnInPlace(t, heading);

    t.write('t');
    await t.waitFor('Talking now: you');
    t.write('?');
    await t.waitFor('pause both');
    await expectRedrawnInPlace(t, heading);

    t.write('?a');
    await t.waitFor('Note:');
    t.write('she has lived here for eleven years and organised the first rent strike in the building');
    await t.waitFor('building');
    await expectRedrawnInPlace(t, heading);
  });
});

const BOX = /[│┌┐└┘├┤┬┴┼─]/;

/** The text of each column of the table, top to bottom, without spaces (a word may be broken at a hyphen). */
function columnTexts(lines: string[]): string[] {
  const columns: string[] = [];
  for (const line of lines.filter((row) => row.includes('│'))) {
    line.split('│').slice(1, -1).forEach((cell, index) => (columns[index] = (columns[index] ?? '') + cell.replace(/\s+/g, '')));
  }
  return columns;
}

/** What each command printed, line by line, as wide as the terminal shows it. */
function printedLines(t: SizedTerminal): string[] {
  return stripAnsi(t.raw()).split(/\r?\n/).map((line) => line.replace(/\r/g, ''));
}

describe('tables on a 40-column terminal', { timeout: 60_000 }, () => {
  beforeEach(() => {
    const logged = [
      ['log', 'Ana Ruiz', '--rung', 'leader', '--potential', '5', '--ask', 'bring two neighbours from the third floor to the tenant meeting', '--ask-due', 'in 3 days at 7pm', '--outcome', 'yes',
        '--followup', 'in 2 days at 10am', '--followup-note', 'call her about the repairs petition and the childcare rota'],
      ['log', 'Bartholomew Featherstonehaugh-Wilkinson', '--rung', 'volunteer', '--followup', 'in 4 days at 9am'],
    ];
    for (const args of logged) expect(box.run(args).code, args.join(' ')).toBe(0);
  });

  test.each([
    [['followups', '--all'], ['F1', 'repairs petition', 'childcare rota', 'Featherstonehaugh-Wilkinson']],
    [['people'], ['Ana Ruiz', 'leader', 'Featherstonehaugh-Wilkinson']],
    [['leaders'], ['Ana Ruiz', 'Featherstonehaugh-Wilkinson']],
    [['followups', '--cadence'], ['leader', 'every 14 days']],
    [['templates'], ['agenda', 'quick']],
  ])('%s fits in 40 columns and still shows everything', async (args, shown) => {
    const t = narrow(args);
    expect(await t.exit()).toBe(0);
    const lines = printedLines(t);
    // The table's lines; a sentence under it (a long path, say) is the terminal's to wrap.
    const tooWide = lines.filter((line) => BOX.test(line) && [...line].length > NARROW.cols);
    expect(tooWide, lines.join('\n')).toEqual([]);
    // A cell wrapped over several rows is read back down its column, the way a person reads it.
    const columns = columnTexts(lines);
    for (const text of shown) expect(columns.some((column) => column.includes(text.replace(/\s+/g, ''))), `${text} in\n${lines.join('\n')}`).toBe(true);
  });
});

describe('stats on a 40-column terminal', { timeout: 30_000 }, () => {
  test('draws every bar short enough to fit, with its words beside or under it', async () => {
    for (const args of [['log', 'Ana Ruiz', '--rung', 'leader', '--ask', 'come', '--outcome', 'yes'], ['log', 'Ben Ode', '--date', '3 days ago']]) {
      expect(box.run(args).code).toBe(0);
    }
    const t = narrow(['stats']);
    expect(await t.exit()).toBe(0);
    const bars = printedLines(t).filter((line) => line.includes('█'));
    expect(bars.length).toBeGreaterThan(3);
    expect(bars.filter((line) => [...line].length > NARROW.cols), bars.join('\n')).toEqual([]);
    expect(t.text()).toContain('100% of asks made');
  });
});

/** Answers a plain question once it is on screen; later waits look only at what came after. */
async function answer(t: SizedTerminal, question: string, keys: string): Promise<void> {
  await t.waitFor(question);
  t.mark();
  t.write(keys);
}

describe('start in plain mode, through the whole debrief', { timeout: 60_000 }, () => {
  test.each([
    ['--plain', ['--plain'], {}],
    ['TERM=dumb', [], { TERM: 'dumb' }],
  ])('%s prints no Node warning, however many questions it asks', async (_how, flags, env) => {
    const t = openSizedTerminal(box, ['start', 'Ana Ruiz', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'come', ...flags], { cols: 100, rows: 40 }, env);
    open.push(t);
    await answer(t, 'How did you get their name?', '2\r');
    await answer(t, 'Which event?', 'assembly\r');
    await answer(t, 'Start the first phase now?', '\r');
    for (const phase of [1, 2, 3]) await answer(t, `Phase ${phase} of 3`, 'n');
    await answer(t, 'The ask:', 'come to the tenant meeting\r');
    await answer(t, 'By when?', 'in 3 days at 7pm\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'What might stop them?', 'childcare\r');
    await answer(t, 'How will you help', 'a kids corner\r');
    await answer(t, 'What did they say', '1\r');
    const questions = ['values did you hear', 'self-interests', 'Which issues', 'What skills', 'What is their capacity', 'Agitation:', 'The story you shared', 'on the ladder', 'Leadership potential', 'stand on the campaign', 'Which building, worksite', 'connect you to anyone', 'Which of these did you do'];
    for (const question of questions) await answer(t, question, '\r');
    await answer(t, 'When will you follow up', '-\r');
    await answer(t, 'differently next time', '\r');
    await t.waitFor('Notes kept');
    expect(await t.exit()).toBe(0);
    expect(t.text()).not.toContain('MaxListenersExceededWarning');
    expect(t.text()).not.toMatch(/\(node:\d+\)/);
  });
});
