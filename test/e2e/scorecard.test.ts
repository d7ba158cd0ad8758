import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { HEARD_QUESTIONS, REFLECTION, answer, openTerminal } from './terminal.js';

/** The scorecard of a meeting logged afterwards, kept with it, and `review`: the built binary on a real file. */
let box: Sandbox;
let guides: string;

beforeEach(() => {
  box = sandbox();
  guides = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(guides, { recursive: true });
});
afterEach(() => box.cleanup());

interface Card {
  lines: { item: string; met: boolean }[];
}

const logged = (args: string[]) => {
  const result = box.run(['log', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};

/** The quick test guide, keeping only these items on its scorecard. */
function guideKeeping(items: string[]): void {
  const quick = readFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), 'utf8');
  writeFileSync(join(guides, 'quick.yaml'), quick.replace('phases:', `scorecard: [${items.join(', ')}]\nphases:`));
}

describe('the scorecard of a logged meeting', () => {
  test('scores what was given: each item kept or missed in words, with a tip for what was missed', () => {
    const out = logged([
      'Ana Ruiz', '--value', 'her kids', '--agitation', 'the heat is off again', '--ask', 'come to the tenant meeting', '--ask-due', 'next thursday 7pm',
      '--outcome', 'no', '--ask', 'sign the petition', '--outcome', 'yes', '--referral', 'Joan Baez', '--did', 'purpose, barriers',
    ]);
    expect(out).toContain('Scorecard: 7 of 11');
    expect(out).toContain('✓ Kept: said why you were meeting and how you got their name; heard a value; agitated; made a specific ask with a day and a time; asked what might stand in the way; met a no with a smaller ask; asked who else you should talk to.');
    expect(out).toContain('✗ No self-interest noted. Tip: Ask what is at stake for them');
    expect(out).toContain('✗ No follow-up set');
    expect(out, 'a logged meeting was not timed').not.toMatch(/talked more than|at a stretch/);
    const [meeting] = box.json<{ meetings: { scorecard: Card; checklist: string[] }[] }>(['show', 'Ana Ruiz', '--json']).meetings;
    expect(meeting!.checklist).toEqual(['purpose', 'barriers', 'referral']);
    expect(meeting!.scorecard.lines.filter((l) => !l.met).map((l) => l.item)).toEqual(['interest', 'their-story', 'your-story', 'follow-up']);
    expect(box.run(['show', 'Ana Ruiz']).stdout).toMatch(/M1 .* · scorecard 7 of 11/);
  });

  test('barriers and pivot are left off when there was no ask, and --did refuses what it does not know', () => {
    const card = box.json<{ scorecard: Card }>(['log', 'Bo Chen', '--value', 'fairness', '--json']).scorecard;
    expect(card.lines.map((l) => l.item)).toEqual(['purpose', 'interest', 'value', 'their-story', 'your-story', 'agitation', 'specific-ask', 'referral', 'follow-up']);
    const typo = box.run(['log', 'Bo Chen', '--did', 'purpose,referal']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^oneonone: --did: "referal" is not one of purpose, their-story, barriers, referral\n/);
    expect(typo.stderr).not.toMatch(/at .*\.js/);
    expect(box.json<{ meetings: unknown[] }>(['show', 'Bo Chen', '--json']).meetings, 'nothing half written').toHaveLength(1);
  });
});

describe('the scorecard of a meeting held with start', () => {
  test('in plain mode: the checklist is numbered, the reflection asked last, the card in the summary', async () => {
    guideKeeping(['purpose', 'their-story', 'referral', 'value', 'follow-up', 'talk-share']);
    const t = openTerminal(box, ['start', 'Ana Ruiz', '-t', 'quick', '-g', 'recruitment', '--plain']);
    try {
      await answer(t, 'How did you get their name?', '2\r');
      await answer(t, 'Which event?', 'house meeting\r');
      await answer(t, 'The ask you plan to make', '\r');
      await answer(t, 'Start the first phase now?', '\r');
      for (let phase = 1; phase <= 3; phase++) await answer(t, `Phase ${phase} of 3`, 'n\r');
      await answer(t, 'The ask:', '-\r');
      for (const question of HEARD_QUESTIONS.slice(0, -1)) await answer(t, question, '\r');
      const checklist = await t.waitFor('Numbers to tick');
      expect(checklist).toContain('1. Said why I was meeting and how I got their name\r\n  2. Heard their story (what shaped them)\r\n  3. Asked who else I should talk to');
      await answer(t, 'Numbers to tick', '4\r');
      await answer(t, 'Type numbers from 1 to 3', '1 3\r');
      await answer(t, 'When will you follow up', '-\r');
      await answer(t, REFLECTION, 'let her talk first\r');
      const summary = await t.waitFor('oneonone review M1');
      expect((await t.exit()).exitCode).toBe(0);
      expect(summary).toContain('Scorecard: 2 of 5');
      expect(summary).toMatch(/✓ Kept: said why you were meeting and how you got their name; asked who else you should talk to\.\s+✗ No value noted\. Tip: .*\s+✗ Their story was not heard\. Tip: .*\s+✗ No follow-up set/);
      expect(summary, 'nothing was timed: the talk share does not apply').not.toContain('talked more than');
    } finally {
      t.kill('SIGKILL');
    }
    expect(box.json<{ checklist: string[]; reflection: string }>(['review', '--json'])).toMatchObject({ checklist: ['purpose', 'referral'], reflection: 'let her talk first' });
  });
});

describe('review', () => {
  test('shows the latest meeting, or the one asked for, with the reflection; --add adds to it', () => {
    logged(['Ana Ruiz', '--value', 'her kids', '--reflection', 'I talked over her story']);
    logged(['Bo Chen', '--story', 'why I organize', '--followup', 'in 3 days 6pm']);
    const latest = box.run(['review']);
    expect(latest.code).toBe(0);
    expect(latest.stdout).toMatch(/^M2 with Bo Chen, .*: 2 of 9/);
    expect(latest.stdout).toContain('No reflection yet. Add one: oneonone review M2 --add');
    const added = box.run(['review', 'M1', '--add', 'ask about childcare first']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toBe('Added to your reflection on M1.\n');
    expect(added.stdout).toContain('What you would do differently\n    I talked over her story\n    ask about childcare first');
    const json = box.json<{ meetingId: number; score: { met: number; of: number }; reflection: string }>(['review', '1', '--json']);
    expect(json).toMatchObject({ meetingId: 1, score: { met: 1, of: 9 }, reflection: 'I talked over her story\nask about childcare first' });
    expect(box.run(['undo']).code).toBe(0);
    expect(box.json<{ reflection: string }>(['review', 'M1', '--json']).reflection, 'undo takes back what was added').toBe('I talked over her story');
  });

  test('a meeting that is not one, not there or not over is refused in one line', () => {
    expect(box.run(['review']).stderr).toMatch(/^oneonone: there is no meeting to review yet\nhint: /);
    logged(['Ana Ruiz', '--value', 'her kids']);
    const wrong = box.run(['review', 'A1']);
    expect([wrong.code, wrong.stderr.split('\n')[0]]).toEqual([2, 'oneonone: "A1" is not a meeting: give it as M12']);
    const missing = box.run(['review', 'M9']);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([1, 'oneonone: there is no meeting M9']);
  });

  test('shows the scorecard as it was kept, after the guide\'s rules change', () => {
    guideKeeping(['value', 'agitation', 'follow-up']);
    logged(['Ana Ruiz', '--template', 'quick', '--value', 'her kids']);
    const before = box.run(['review', 'M1']).stdout;
    expect(before).toContain('Scorecard: 1 of 3');
    guideKeeping(['value']);
    const after = logged(['Bo Chen', '--template', 'quick', '--value', 'fairness']);
    expect(after, 'the new rule scores new meetings').toContain('Scorecard: 1 of 1');
    expect(box.run(['review', 'M1']).stdout, 'and leaves the kept one as it was').toBe(before);
  });

  test('a meeting from before scorecards says so', () => {
    logged(['Ana Ruiz', '--value', 'her kids']);
    box.sql('UPDATE meetings SET scorecard = NULL WHERE id = 1');
    expect(box.run(['review', 'M1']).stdout).toContain('No scorecard: this meeting was recorded before scorecards were kept.');
    expect(box.run(['show', 'Ana Ruiz']).stdout).not.toContain('scorecard');
  });
});
