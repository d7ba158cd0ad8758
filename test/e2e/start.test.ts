import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ROOT, sandbox, type Sandbox } from './helpers.js';
import { HEARD_QUESTIONS, REFLECTION, answer, openTerminal, type Terminal } from './terminal.js';

/** What `show --json` prints, as far as these tests read it. */
interface ShownPhase {
  position: number;
  key: string;
  plannedSeconds: number;
  actualSeconds: number | null;
  organizerTalkSeconds: number | null;
  otherTalkSeconds: number | null;
}
interface Shown {
  person: { name: string; rung: string; potential: number | null; assessment: number; source: string | null; sourceDetail: string | null };
  meetings: {
    id: number;
    status: string;
    step: string | null;
    currentPhase: number | null;
    plannedAsk: string | null;
    agitation: string | null;
    phases: ShownPhase[];
    notes: { tag: string; text: string; phase: string | null }[];
    asks: { text: string; dueAt: string | null; barriers: string | null; support: string | null; outcome: string | null }[];
    followups: { text: string; dueAt: string }[];
  }[];
  referrals: { name: string }[];
  knows: { kind: string; other: { name: string } }[];
  places: { name: string; kind: string }[];
  rungHistory: { fromRung: string | null; toRung: string; meetingId: number | null }[];
}

const DOWN = '\u001b[B';
const UP = '\u001b[A';
const CTRL_C = '\u0003';

let box: Sandbox;
let terminal: Terminal | undefined;

beforeEach(() => {
  box = sandbox();
  const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(templates, { recursive: true });
  copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
});
afterEach(() => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
  box.cleanup();
});

function start(args: string[], env: NodeJS.ProcessEnv = {}): Terminal {
  terminal = openTerminal(box, ['start', ...args], env);
  return terminal;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function shown(name: string): Shown {
  return box.json<Shown>(['show', name, '--json']);
}

/** Ends the phases with n and answers every debrief question with Enter or "-". */
async function finishQuickly(t: Terminal, fromPhase: number, options: { quickNotes: boolean }): Promise<void> {
  for (let phase = fromPhase; phase <= 3; phase++) await answer(t, `Phase ${phase} of 3`, 'n');
  await answer(t, 'The ask:', '-\r');
  if (options.quickNotes) await answer(t, 'Your quick notes', '\r');
  const questions = [...HEARD_QUESTIONS, 'When will you follow up', REFLECTION];
  for (const question of questions) await answer(t, question, question === 'When will you follow up' ? '-\r' : '\r');
}

describe('oneonone start in a terminal', { timeout: 60_000 }, () => {
  test('runs a whole meeting: talk clock, a quick note, the ask with a natural-language date, the debrief, all kept', async () => {
    const t = start(['Ana Ruiz', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'come to the tenant meeting']);
    await answer(t, 'How did you get their name?', `${DOWN}\r`);
    await answer(t, 'Which event?', 'tenant assembly\r');
    await answer(t, 'Start the first phase now?', '\r');

    await t.waitFor('Phase 1 of 3: Listen');
    const talkFrom = Date.now();
    t.write('t');
    await t.waitFor('Talking now: you');
    await pause(2000);
    t.mark();
    t.write('t');
    const talkedMs = Date.now() - talkFrom;
    await t.waitFor('Talking now: them');
    await answer(t, 'Talking now: them', 'a');
    t.write('her kids safety');
    await answer(t, 'Note: her kids safety', '\r');
    await answer(t, 'What kind of note is it?', 'v');
    await answer(t, 'Noted (value): her kids safety', 'n');
    await answer(t, 'Phase 2 of 3: Share', 'n');
    await answer(t, 'Phase 3 of 3: Ask', 'n');

    await answer(t, 'The ask:', '\r');
    await answer(t, 'By when?', 'soon\r');
    await t.waitFor('is not a date I can read');
    t.mark();
    t.write('\u0015friday\r');
    await t.waitFor('Add a time of day too');
    t.mark();
    t.write('\u0015next friday 5pm\r');
    const confirmation = await t.waitFor('Right?');
    expect(confirmation).toMatch(/That is Fri \d+ \w+ \d{4}, 17:00\. Right\?/);
    t.mark();
    t.write('\r');
    await answer(t, 'What might stop them?', 'childcare\r');
    await answer(t, 'How will you help remove that?', 'we run a kids corner\r');
    await answer(t, 'What did they say', '\r');
    await answer(t, 'Your quick notes', '\r');
    await answer(t, 'What values did you hear?', 'fairness\r');
    await answer(t, 'Noted: her kids safety; fairness.', '\r');
    await answer(t, 'What self-interests', '\r');
    await answer(t, 'Which issues', 'repairs\r');
    await answer(t, 'Noted: repairs.', '\r');
    await answer(t, 'What skills', '\r');
    await answer(t, 'What is their capacity', '\r');
    await answer(t, 'Agitation:', 'she pays full rent for a broken home\r');
    await answer(t, 'The story you shared', '\r');
    await answer(t, 'on the ladder', `${DOWN}${DOWN}\r`);
    await answer(t, 'Leadership potential', `${UP}${UP}\r`);
    // The cursor starts on "not sure yet", below 5 opposed … 1 strong supporter: four up is 2.
    await answer(t, 'Where does Ana Ruiz stand on the campaign?', `${UP}${UP}${UP}${UP}\r`);
    await answer(t, 'Which building, worksite', 'Building 12\r');
    await answer(t, 'so far: Building 12', '\r');
    await answer(t, 'connect you to anyone', 'Joan Baez\r');
    // The cursor starts on "skip (not said)", the last of eight: seven up is "they work together".
    await answer(t, 'How does Ana Ruiz know Joan Baez?', `${UP.repeat(7)}\r`);
    await answer(t, 'so far: Joan Baez', '\r');
    await answer(t, 'Which of these did you do', ' \r');
    await answer(t, 'When will you follow up', '\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'Your next step', '\r');
    await answer(t, REFLECTION, 'ask about childcare sooner\r');
    const summary = await t.waitFor('oneonone review M1');
    expect(summary).toContain('Meeting M1 with Ana Ruiz — saved');
    expect(summary, 'ticked in the checklist').toMatch(/✓ Kept: said why you were meeting and how you got their name;/);
    expect(summary, 'a referral named is one asked for').toMatch(/✓ Kept: .*asked who else you should talk to/);
    expect(summary).toContain('✗ Their story was not heard. Tip: Ask what events or decisions shaped them');
    expect(summary).toMatch(/Scorecard: \d+ of 1[0-3]/);
    const review = box.run(['review']);
    expect(review.stdout, 'review shows the card as the summary did').toContain(summary.slice(summary.indexOf('Scorecard:'), summary.indexOf('See it again')).replaceAll('\r', '').trimEnd());
    expect(review.stdout).toContain('What you would do differently\n    ask about childcare sooner');
    expect(summary).toMatch(/this guide's phases allow 43% overall/);
    expect(summary).toContain('Rung: contact → participant');
    expect((await t.exit()).exitCode).toBe(0);

    const record = shown('Ana Ruiz');
    expect(record.person).toMatchObject({ rung: 'participant', potential: 4, assessment: 2, source: 'event', sourceDetail: 'tenant assembly' });
    const [meeting] = record.meetings;
    expect(meeting).toMatchObject({ status: 'complete', plannedAsk: 'come to the tenant meeting', agitation: 'she pays full rent for a broken home' });
    const listen = meeting!.phases[0]!;
    // Toggled on for about two seconds: the saved seconds are what was measured, rounded down, give or take one.
    expect(Math.abs(listen.organizerTalkSeconds! - Math.floor(talkedMs / 1000))).toBeLessThanOrEqual(1);
    expect(listen.organizerTalkSeconds).toBeGreaterThanOrEqual(1);
    expect(listen.actualSeconds).toBeGreaterThanOrEqual(listen.organizerTalkSeconds!);
    expect(meeting!.phases.map((phase) => phase.organizerTalkSeconds)).toEqual([listen.organizerTalkSeconds, 0, 0]);
    expect(meeting!.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tag: 'value', text: 'her kids safety', phase: 'listen' }),
        expect.objectContaining({ tag: 'value', text: 'fairness' }),
        expect.objectContaining({ tag: 'issue', text: 'repairs' }),
      ]),
    );
    const [ask] = meeting!.asks;
    expect(ask).toMatchObject({ text: 'come to the tenant meeting', barriers: 'childcare', support: 'we run a kids corner', outcome: 'yes' });
    const due = new Date(ask!.dueAt!);
    expect([due.getUTCDay(), due.getUTCHours(), due.getUTCMinutes()]).toEqual([5, 17, 0]);
    expect(meeting!.followups).toEqual([expect.objectContaining({ text: 'Remind Ana Ruiz about: come to the tenant meeting' })]);
    expect(record.referrals.map((referral) => referral.name)).toEqual(['Joan Baez']);
    expect(record.knows.map((r) => [r.kind, r.other.name])).toEqual([['coworker', 'Joan Baez']]);
    expect(record.places.map((p) => [p.name, p.kind])).toEqual([['Building 12', 'other']]);
    expect(record.rungHistory.at(-1)).toMatchObject({ fromRung: 'contact', toRung: 'participant', meetingId: meeting!.id });
  });

  test('after kill -9 mid-phase, --resume carries on in that phase with the note, the talk totals and the added minute', async () => {
    expect(box.run(['log', 'Ben Ortiz', '--value', 'clean streets', '--ask', 'sign the petition', '--outcome', 'yes']).code).toBe(0);
    const t = start(['Ben Ortiz', '-t', 'quick', '-g', 'maintenance', '--plan-ask', 'host a house meeting']);
    const card = await t.waitFor('Start the first phase now?');
    expect(card).toContain('value: clean streets');
    expect(card).toContain('Last ask: sign the petition — yes');
    t.mark();
    t.write('\r');
    await answer(t, 'Phase 1 of 3: Listen', 'a');
    t.write('works night shifts');
    await answer(t, 'Note: works night shifts', '\r');
    await answer(t, 'What kind of note is it?', 'c');
    await answer(t, 'Noted (capacity): works night shifts', 'n');
    await answer(t, 'Phase 2 of 3: Share', '+');
    await t.waitFor('of 01:06');
    t.write('t');
    await t.waitFor('Talking now: you');
    await pause(2200);
    t.kill('SIGKILL');
    await t.exit();

    const killed = shown('Ben Ortiz').meetings[0]!;
    expect(killed).toMatchObject({ status: 'draft', currentPhase: 2, step: 'phases' });
    expect(killed.notes).toEqual([expect.objectContaining({ tag: 'capacity', text: 'works night shifts', phase: 'listen' })]);
    const share = killed.phases[1]!;
    expect(share.organizerTalkSeconds).toBeGreaterThanOrEqual(1);

    const resumed = start(['--resume']);
    const resuming = await resumed.waitFor(/Resuming meeting M2 with Ben Ortiz at phase 2 \(01:0\d left\)\./);
    // 66 s for the phase (6 planned + the added minute), less the 2-3 s spent before the kill.
    expect(resuming).toMatch(/\(01:0[3-5] left\)/);
    const screen = await resumed.waitFor('Phase 2 of 3: Share');
    // The added minute is still there: 66 s planned for this phase now, minus what was spent.
    expect(screen).toMatch(/\d\d:\d\d of 01:06/);
    await finishQuickly(resumed, 2, { quickNotes: true });
    await resumed.waitFor('Notes kept');
    expect((await resumed.exit()).exitCode).toBe(0);

    const done = shown('Ben Ortiz').meetings[0]!;
    expect(done.status).toBe('complete');
    expect(done.notes).toEqual([expect.objectContaining({ tag: 'capacity', text: 'works night shifts' })]);
    expect(done.phases[1]!.organizerTalkSeconds).toBeGreaterThanOrEqual(share.organizerTalkSeconds!);
    expect(done.phases[1]!.actualSeconds).toBeGreaterThanOrEqual(share.actualSeconds!);
    expect(done.phases[0]).toEqual(killed.phases[0]);
  });

  test('Ctrl-C in a phase or in the debrief exits 130 with one line on how to resume, and keeps the draft', async () => {
    expect(box.run(['log', 'Cleo Diaz']).code).toBe(0);
    const early = start(['Cleo Diaz', '-t', 'quick', '-g', 'escalation', '--plan-ask', 'chair the meeting']);
    await answer(early, 'Start the first phase now?', CTRL_C);
    expect((await early.exit()).exitCode).toBe(130);
    expect(early.sinceMark()).toContain('saved as draft M2; carry on with: oneonone start --resume 2');

    const t = start(['--resume', '2']);
    await answer(t, 'Phase 1 of 3: Listen', 'n');
    await answer(t, 'Phase 2 of 3: Share', CTRL_C);
    expect((await t.exit()).exitCode).toBe(130);
    const said = t.sinceMark();
    expect(said).toContain('oneonone: stopped: the meeting with Cleo Diaz is saved as draft M2; carry on with: oneonone start --resume 2');
    expect(said).not.toMatch(/\n\s+at /);
    expect(shown('Cleo Diaz').meetings[0]).toMatchObject({ id: 2, status: 'draft', currentPhase: 2 });

    const again = start(['--resume', '2']);
    await again.waitFor(/Resuming meeting M2 with Cleo Diaz at phase 2 \(00:0[56] left\)\./);
    await answer(again, 'Phase 2 of 3: Share', 'n');
    await answer(again, 'Phase 3 of 3: Ask', 'n');
    await answer(again, 'The ask:', '\r');
    await answer(again, 'By when?', CTRL_C);
    expect((await again.exit()).exitCode).toBe(130);
    const draft = shown('Cleo Diaz').meetings[0]!;
    expect(draft).toMatchObject({ status: 'draft', step: 'ask-due' });
    expect(draft.asks).toEqual([expect.objectContaining({ text: 'chair the meeting', dueAt: null })]);

    const third = start(['--resume']);
    await third.waitFor('Resuming meeting M2 with Cleo Diaz at the debrief.');
    await third.waitFor('By when?');
  });

  test('--plain prints the time left as lines at the start, at half time and at zero, with no redraw', async () => {
    expect(box.run(['log', 'Dee Park']).code).toBe(0);
    const t = start(['Dee Park', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'x', '--plain']);
    await answer(t, 'Start the first phase now? [Y/n]', '\r');
    await t.waitFor('Phase 1 of 3: Listen. 00:06 planned.');
    await t.waitFor('Half time: 00:03 left in this phase.', 6000);
    await t.waitFor('Time is up for this phase; press n when you are ready.', 6000);
    t.mark();
    t.write('n');
    await answer(t, 'Phase 2 of 3: Share. 00:06 planned.', 'n');
    await answer(t, 'Phase 3 of 3: Ask', 'n');
    await t.waitFor('The ask:');
    expect(t.raw()).not.toContain('\u001b[');
    t.write(CTRL_C);
    expect((await t.exit()).exitCode).toBe(130);
    expect(t.text()).toContain('saved as draft M2');
  });
});

describe('the ask after a no', { timeout: 30_000 }, () => {
  test('says a no is fine and keeps the smaller ask made instead as a second ask, and the follow-up is about that one', async () => {
    expect(box.run(['log', 'Eva Lind']).code).toBe(0);
    const t = start(['Eva Lind', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'chair the tenant meeting']);
    await answer(t, 'Start the first phase now?', '\r');
    for (const phase of [1, 2, 3]) await answer(t, `Phase ${phase} of 3`, 'n');
    await answer(t, 'The ask:', '\r');
    await answer(t, 'By when?', '2099-03-02 18:00\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'What might stop them?', '\r');
    await answer(t, 'What did they say', `${DOWN}${DOWN}\r`);
    await t.waitFor('A no is normal and fine');
    await answer(t, 'What next?', '\r');
    await answer(t, 'The smaller ask', 'come to the tenant meeting\r');
    await answer(t, 'By when?', '2099-03-02 19:00\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'What might stop them?', '\r');
    await answer(t, 'What did they say', '\r');
    for (const question of HEARD_QUESTIONS) {
      await answer(t, question, '\r');
    }
    await answer(t, 'When will you follow up', '\r');
    await answer(t, 'Right?', '\r');
    await answer(t, 'Your next step', '\r');
    await answer(t, REFLECTION, '\r');
    await t.waitFor('Notes kept');
    expect((await t.exit()).exitCode).toBe(0);
    const meeting = shown('Eva Lind').meetings[0]!;
    expect(meeting.asks).toEqual([
      expect.objectContaining({ text: 'chair the tenant meeting', outcome: 'no' }),
      expect.objectContaining({ text: 'come to the tenant meeting', outcome: 'yes' }),
    ]);
    expect(meeting.followups).toEqual([expect.objectContaining({ text: 'Remind Eva Lind about: come to the tenant meeting' })]);
  });
});

describe('choosing the person', { timeout: 30_000 }, () => {
  test('finds someone met before by typing part of the name, whatever the accents and case, and shows their card', async () => {
    expect(box.run(['log', 'José Núñez', '--interest', 'a safe bus stop', '--followup', 'in 3 days', '--followup-note', 'call about the bus stop']).code).toBe(0);
    expect(box.run(['log', 'Joan Baez']).code).toBe(0);
    const t = start(['-t', 'quick']);
    await answer(t, 'Who are you meeting?', 'jose nu');
    await answer(t, /❯ José Núñez/, '\r');
    const card = await t.waitFor('What is this meeting for?');
    expect(card).toContain('José Núñez (#1) — contact');
    expect(card).toContain('self-interest: a safe bus stop');
    expect(card).toMatch(/Open follow-up F\d+: call about the bus stop/);
    t.write(CTRL_C);
    expect((await t.exit()).exitCode).toBe(130);
    expect(t.sinceMark()).toContain('oneonone: stopped before the meeting began; nothing of it was saved');
  });
});

describe('oneonone start without a terminal', () => {
  test('exits 1 at once and points to oneonone log', () => {
    const result = box.run(['start', 'Ana Ruiz']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('oneonone start needs a terminal');
    expect(result.stderr).toContain('oneonone log');
  });
});
