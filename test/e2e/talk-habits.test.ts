import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { HEARD_QUESTIONS, REFLECTION, answer, openTerminal, type Terminal } from './terminal.js';

/** The longest stretch the organizer talked and the open questions and reflections they marked, in a real terminal with real waits. */
let box: Sandbox;
let terminal: Terminal | undefined;

beforeEach(() => {
  box = sandbox();
  const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(templates, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
  copyFileSync(join(ROOT, 'test/fixtures/templates/quick-coached.yaml'), join(templates, 'quick-coached.yaml'));
});
afterEach(() => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
  box.cleanup();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a meeting with someone new, met at an event, and answers the questions before the first phase. */
async function begin(person: string, guide: string, plain = false): Promise<Terminal> {
  const t = (terminal = openTerminal(box, ['start', person, '-t', guide, '-g', 'recruitment', ...(plain ? ['--plain'] : [])], {}));
  await answer(t, 'How did you get their name?', plain ? '2\r' : '\u001b[B\r');
  await answer(t, 'Which event?', 'house meeting\r');
  await answer(t, 'The ask you plan to make', '\r');
  await answer(t, 'Start the first phase now?', '\r');
  return t;
}

/** Skips the ask and every debrief question; the summary as printed, once the meeting is saved. */
async function finish(t: Terminal): Promise<string> {
  await answer(t, 'The ask:', '-\r');
  for (const question of [...HEARD_QUESTIONS, 'When will you follow up', REFLECTION]) await answer(t, question, question === 'When will you follow up' ? '-\r' : '\r');
  const summary = await t.waitFor('Notes kept');
  expect((await t.exit()).exitCode).toBe(0);
  return summary;
}

/** Presses t, waits `ms` while the organizer talks, presses t again: the stretch as the test's own clock saw it. */
async function talkFor(t: Terminal, ms: number): Promise<number> {
  t.mark();
  const from = Date.now();
  t.write('t');
  await t.waitFor('Talking now: you');
  await pause(ms);
  t.mark();
  t.write('t');
  const measured = Date.now() - from;
  await t.waitFor('Talking now: them');
  return measured;
}

describe('the longest monologue', { timeout: 60_000 }, () => {
  test('is the longest stretch of any phase, stored per phase, and named in the summary and in show', async () => {
    const t = await begin('Ana Ruiz', 'quick');
    await t.waitFor('Phase 1 of 3: Listen');
    const first = await talkFor(t, 1000);
    await pause(300);
    const second = await talkFor(t, 2500);
    await answer(t, 'Talking now: them', 'n');
    await t.waitFor('Phase 2 of 3: Share');
    const third = await talkFor(t, 1200);
    t.write('n');
    await answer(t, 'Phase 3 of 3: Ask', 'n');
    const summary = await finish(t);

    // Whole seconds, rounded down, as the clock saves them; the key's trip through the terminal adds a little.
    const secondsOf = (ms: number) => Math.floor(ms / 1000);
    const longest = secondsOf(second);
    expect(summary).toMatch(new RegExp(`Longest you talked at a stretch: 00:0[${longest - 1}${longest}], in 1\\. Listen \\(that phase allows 01:30\\)`));
    const record = box.json<{ meetings: { phases: { position: number; longestMonologueSeconds: number | null }[] }[] }>(['show', 'Ana Ruiz', '--json']);
    const [one, two, three] = record.meetings[0]!.phases.map((phase) => phase.longestMonologueSeconds);
    expect(one).toBeGreaterThanOrEqual(secondsOf(second) - 1);
    expect(one).toBeLessThanOrEqual(secondsOf(second));
    expect(one).toBeGreaterThan(secondsOf(first));
    expect(two).toBeGreaterThanOrEqual(secondsOf(third) - 1);
    expect(two).toBeLessThanOrEqual(secondsOf(third));
    expect(three).toBe(0);
    expect(box.run(['show', 'Ana Ruiz']).stdout).toContain(`at most 00:0${one} at a stretch`);
  });

  test('a meeting logged afterwards has none measured, and says nothing of it', () => {
    expect(box.run(['log', 'Ben Ortiz', '--minutes', '30']).code).toBe(0);
    const record = box.json<{ meetings: { phases: { longestMonologueSeconds: number | null }[] }[] }>(['show', 'Ben Ortiz', '--json']);
    expect(record.meetings[0]!.phases.every((phase) => phase.longestMonologueSeconds === null)).toBe(true);
    expect(box.run(['show', 'Ben Ortiz']).stdout).not.toContain('at a stretch');
  });

  test('q and r, where the guide counts them, are on the key line, leave the clocks alone, and give the ratio in the summary', async () => {
    const t = await begin('Bea Kim', 'quick-coached');
    const screen = await t.waitFor('Phase 1 of 3: Listen');
    expect(screen + (await t.waitFor('r reflection'))).toContain('q open question');
    await answer(t, 'Marked in this phase: 0 open questions, 0 reflections.', 'q');
    await answer(t, 'Marked in this phase: 1 open question, 0 reflections.', 'r');
    await answer(t, 'Marked in this phase: 1 open question, 1 reflection.', 'r');
    await answer(t, 'Marked in this phase: 1 open question, 2 reflections.', 'q');
    await answer(t, 'Marked in this phase: 2 open questions, 2 reflections.', 'n');
    await answer(t, 'Phase 2 of 3: Share', 'r');
    await answer(t, 'Marked in this phase: 0 open questions, 1 reflection.', 'n');
    await answer(t, 'Phase 3 of 3: Ask', 'n');
    const summary = await finish(t);
    expect(summary).toContain('Reflections to questions: 3 to 2 (1.5 to 1), fair; reflect back more of what you hear.');
    const record = box.json<{ meetings: { phases: { openQuestions: number | null; reflections: number | null }[] }[] }>(['show', 'Bea Kim', '--json']);
    expect(record.meetings[0]!.phases.map(({ openQuestions, reflections }) => [openQuestions, reflections])).toEqual([[2, 2], [0, 1], [0, 0]]);
  });

  test('where the guide does not count them, q is not a key and nothing is stored', async () => {
    const t = await begin('Cy Dunn', 'quick');
    const screen = await t.waitFor('Phase 1 of 3: Listen');
    expect(screen).not.toContain('q open question');
    t.write('q');
    await answer(t, 'Phase 1 of 3: Listen', 'n');
    await answer(t, 'Phase 2 of 3: Share', 'n');
    await answer(t, 'Phase 3 of 3: Ask', 'n');
    const summary = await finish(t);
    expect(summary).not.toContain('Reflections to questions');
    const record = box.json<{ meetings: { phases: { openQuestions: number | null }[] }[] }>(['show', 'Cy Dunn', '--json']);
    expect(record.meetings[0]!.phases.every((phase) => phase.openQuestions === null)).toBe(true);
  });

  test('the count-questions setting turns them on with any guide', async () => {
    expect(box.run(['config', 'set', 'count-questions', 'yes']).code).toBe(0);
    const t = await begin('Ed Fox', 'quick');
    await t.waitFor('q open question');
    t.write('q');
    await t.waitFor('Marked in this phase: 1 open question');
    await answer(t, 'Phase 1 of 3: Listen', 'n');
    await answer(t, 'Phase 2 of 3: Share', 'n');
    await answer(t, 'Phase 3 of 3: Ask', 'n');
    await finish(t);
    const record = box.json<{ meetings: { phases: { openQuestions: number | null }[] }[] }>(['show', 'Ed Fox', '--json']);
    expect(record.meetings[0]!.phases[0]!.openQuestions).toBe(1);
  });

  test('in plain mode, q and r are on the keys line and each says what it counted', async () => {
    const t = await begin('Di Eng', 'quick-coached', true);
    await t.waitFor('q open question; r reflection');
    await answer(t, 'q open question; r reflection', 'q');
    await answer(t, 'Open question counted (1 in this phase).', 'r');
    await t.waitFor('Reflection counted (1 in this phase).');
    t.kill('SIGKILL');
  });
});
