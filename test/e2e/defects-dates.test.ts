import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { mentionsTime } from '../../src/meeting/debrief.js';
import { parseWhen } from '../../src/support/dates.js';
import { ROOT, sandbox, type RunResult, type Sandbox } from './helpers.js';
import { openSizedTerminal, type SizedTerminal } from './defects-terminal.js';
import { awayFromMidnight, dayAt, isoAt } from './relative-dates.js';

const UTC = { TZ: 'UTC' };

interface Shown {
  meetings: { asks: { id: number; dueAt: string | null; result: string | null }[]; followups: { dueAt: string }[] }[];
}
interface Item {
  id: string;
  due: string;
}

let box: Sandbox;
let open: SizedTerminal[] = [];

beforeAll(() => awayFromMidnight(), 200_000);
beforeEach(() => {
  box = sandbox();
});
afterEach(() => {
  open.forEach((terminal) => terminal.kill());
  open = [];
  box.cleanup();
});

function ok(args: string[]): RunResult {
  const result = box.run(args, { env: UTC });
  expect(result.code, `oneonone ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

function json<T>(args: string[]): T {
  return JSON.parse(ok([...args, '--json']).stdout) as T;
}

function terminal(args: string[]): SizedTerminal {
  const t = openSizedTerminal(box, args, { cols: 120, rows: 40 }, UTC);
  open.push(t);
  return t;
}

describe('a due date given as a day, without a time of day', () => {
  test('log --ask-due tomorrow is due at 9:00 tomorrow, not at the time it was typed, in log, show and followups', () => {
    const logged = json<{ asks: { dueAt: string }[]; followups: { dueAt: string }[] }>(['log', 'Ana Ruiz', '--ask', 'come to the tenant meeting', '--ask-due', 'tomorrow', '--outcome', 'yes', '--followup', 'tomorrow']);
    expect(logged.asks[0]!.dueAt).toBe(isoAt(1, '09:00'));
    expect(logged.followups[0]!.dueAt).toBe(isoAt(1, '09:00'));
    const shown = json<Shown>(['show', 'Ana Ruiz']).meetings[0]!;
    expect(shown.asks[0]!.dueAt).toBe(isoAt(1, '09:00'));
    expect(shown.followups[0]!.dueAt).toBe(isoAt(1, '09:00'));
    const items = json<Item[]>(['followups', '--all']);
    expect(items.find((item) => item.id === 'A1')).toMatchObject({ due: isoAt(1, '09:00') });
    expect(items.find((item) => item.id === 'F1')).toMatchObject({ due: isoAt(1, '09:00') });
    expect(ok(['followups', '--all']).stdout).toMatch(/tomorrow 09:00/);
  });

  test('a day written as a date is due at 9:00 too, and a time that was given is kept', () => {
    const logged = json<{ asks: { dueAt: string }[] }>(['log', 'Ben Ode', '--ask', 'sign', '--ask-due', dayAt(4).slice(0, 10), '--ask', 'call', '--ask-due', `${dayAt(4).slice(0, 10)} 18:30`]);
    expect(logged.asks.map((ask) => ask.dueAt)).toEqual([isoAt(4, '09:00'), isoAt(4, '18:30')]);
  });
});

/** The forms a line suggests: every "quoted" one. */
const quoted = (line: string) => [...line.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);

/** Types each suggested form at the date question, checks it is taken (the confirmation comes), then says no to it. */
async function tryEach(t: SizedTerminal, question: string, forms: string[]): Promise<void> {
  for (const form of forms) {
    t.mark();
    t.write(`${form}\r`);
    await t.waitFor(/(Right\? \[Y\/n\]|is not a date|in the past|Add a time of day)/);
    const said = t.text().split('\n').at(-1) ?? '';
    expect(said, `"${form}" at "${question}"`).toMatch(/^That is .* Right\? \[Y\/n\] $/);
    t.mark();
    t.write('n\r');
    await t.waitFor(question);
  }
}

/** Answers junk at the date question and reads the hint the refusal gives. */
async function hintAfterJunk(t: SizedTerminal): Promise<string[]> {
  t.mark();
  t.write('soonish\r');
  await t.waitFor(/is not a date I can read \(.*\)/);
  const refusal = t.text().split('\n').find((line) => line.includes('"soonish" is not a date I can read'))!;
  return quoted(refusal.slice(refusal.indexOf('(')));
}

describe('the date questions of start', { timeout: 90_000 }, () => {
  beforeEach(() => {
    const templates = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
    mkdirSync(templates, { recursive: true });
    copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(templates, 'quick.yaml'));
  });

  async function answer(t: SizedTerminal, question: string, keys: string): Promise<void> {
    await t.waitFor(question);
    t.mark();
    t.write(keys);
  }

  test('suggest only forms each question then takes: the ask\'s due date and the follow-up date', async () => {
    expect(box.run(['log', 'Dee Park'], { env: UTC }).code).toBe(0);
    const t = terminal(['start', 'Dee Park', '-t', 'quick', '-g', 'recruitment', '--plan-ask', 'come', '--plain']);
    await answer(t, 'Start the first phase now?', '\r');
    for (const phase of [1, 2, 3]) await answer(t, `Phase ${phase} of 3`, 'n');
    await answer(t, 'The ask:', 'come to the tenant meeting\r');
    await t.waitFor('By when?');
    const asked = t.text().split('\n').findLast((line) => line.startsWith('By when?'))!;
    const askForms = [...quoted(asked), ...(await hintAfterJunk(t))];
    expect(askForms.length).toBeGreaterThanOrEqual(4);
    await tryEach(t, 'By when?', askForms);
    t.mark();
    t.write(`${askForms[0]}\r`);
    await answer(t, 'Right?', '\r');
    await answer(t, 'What might stop them?', '\r');
    await answer(t, 'What did they say', '1\r');
    for (const question of ['values did you hear', 'self-interests', 'Which issues', 'What skills', 'What is their capacity', 'Agitation:', 'The story you shared', 'on the ladder', 'Leadership potential', 'stand on the campaign', 'Which building, worksite', 'connect you to anyone', 'Which of these did you do']) {
      await answer(t, question, '\r');
    }
    await t.waitFor('When will you follow up');
    const followUpForms = await hintAfterJunk(t);
    expect(followUpForms.length).toBeGreaterThanOrEqual(3);
    await tryEach(t, 'When will you follow up', followUpForms);
    t.mark();
    t.write('-\r');
    await answer(t, 'differently next time', '\r');
    await t.waitFor('Notes kept');
    expect(await t.exit()).toBe(0);
  });

  test('and the same forms pass the ask\'s own check, whatever today is', () => {
    for (const now of [new Date(), new Date(2027, 1, 2, 18, 30), new Date(2026, 11, 31, 23, 30)]) {
      try {
        parseWhen('soonish', { now, future: true, field: "ask's due date" });
      } catch (error) {
        for (const form of quoted(String((error as { hint?: string }).hint))) {
          expect(parseWhen(form, { now, future: true }).getTime(), form).toBeGreaterThan(now.getTime());
          expect(mentionsTime(form), form).toBe(true);
        }
      }
    }
  });
});

describe('snooze C… says which way the reminder moved', () => {
  beforeEach(() => {
    // A leader met today: the next 1:1 is due in 14 days.
    ok(['log', 'Ana Ruiz', '--rung', 'leader']);
  });

  const cadenceDue = () => json<Item[]>(['followups', '--all']).find((item) => item.id === 'C1')!.due.slice(0, 10);

  test('later, earlier (even when the cadence sets the day), or not at all', () => {
    const later = ok(['snooze', 'C1', dayAt(30, '09:00')]).stderr;
    expect(later).toMatch(/^Moved C1 later: the next 1:1 with Ana Ruiz is due \w{3} \d+ \w{3} \d{4} \(it was \w{3} \d+ \w{3} \d{4}\)\.\n$/);
    expect(cadenceDue()).toBe(dayAt(30).slice(0, 10));

    const earlier = ok(['snooze', 'C1', dayAt(5, '09:00')]).stderr;
    expect(earlier).not.toContain('stays due');
    expect(earlier).toMatch(/^Moved C1 earlier: the next 1:1 with Ana Ruiz is due /);
    expect(earlier).toContain('14 days after you last met them');
    expect(cadenceDue()).toBe(dayAt(14).slice(0, 10));

    const same = ok(['snooze', 'C1', dayAt(3, '09:00')]).stderr;
    expect(same).toMatch(/^C1 stays due on \w{3} \d+ \w{3} \d{4}: that is 14 days after you last met Ana Ruiz, later than /);
    expect(cadenceDue()).toBe(dayAt(14).slice(0, 10));

    const laterAgain = ok(['snooze', 'C1', dayAt(20, '09:00')]).stderr;
    expect(laterAgain).toMatch(/^Moved C1 later: /);
    expect(cadenceDue()).toBe(dayAt(20).slice(0, 10));
  });
});

describe('done A… --broken after --kept (and the other way round)', () => {
  beforeEach(() => {
    ok(['log', 'Ana Ruiz', '--ask', 'come to the tenant meeting', '--outcome', 'yes']);
    ok(['done', 'A1', '--kept']);
  });

  const result = () => json<Shown>(['show', 'Ana Ruiz']).meetings[0]!.asks[0]!.result;
  const counts = () => json<{ asks: { kept: number; broken: number } }>(['stats']).asks;

  test('without a terminal, refuses and names the flag that changes it; the result stays', () => {
    const again = box.run(['done', 'A1', '--broken'], { env: UTC });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('oneonone: A1 was already recorded as kept on ');
    expect(again.stderr).toContain('hint: to change it to broken: oneonone done A1 --broken --change');
    expect(again.stdout).toBe('');
    expect(result()).toBe('kept');
    expect(counts()).toMatchObject({ kept: 1, broken: 0 });
  });

  test('the same result again changes nothing and says so', () => {
    const again = box.run(['done', 'A1', '--kept'], { env: UTC });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/A1 was already recorded as kept on .*; nothing to change/);
  });

  test('in a terminal, asks first: no keeps it, yes changes it, and the counts follow', { timeout: 30_000 }, async () => {
    const declined = terminal(['done', 'A1', '--broken']);
    await declined.waitFor('Change it to broken?');
    declined.write('n\r');
    expect(await declined.exit()).toBe(1);
    expect(declined.text()).toContain('A1 stays recorded as kept');
    expect(result()).toBe('kept');

    const accepted = terminal(['done', 'A1', '--broken']);
    await accepted.waitFor(/A1 was recorded as kept on .*\. Change it to broken\?/);
    accepted.write('y\r');
    expect(await accepted.exit()).toBe(0);
    expect(accepted.text()).toContain('Changed A1: Ana Ruiz did not keep "come to the tenant meeting" (it was recorded as kept).');
    expect(result()).toBe('broken');
    expect(counts()).toMatchObject({ kept: 0, broken: 1 });
    const leader = json<{ name: string; asksKept: number; asksBroken: number }[]>(['leaders']).find((row) => row.name === 'Ana Ruiz');
    expect(leader).toMatchObject({ asksKept: 0, asksBroken: 1 });
  });

  test('with --change, changes it without asking, both ways (run in-process: the flag is cli.ts\'s to declare)', async () => {
    const { runDone } = await import('../../src/commands/followups-actions.js');
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (said.push(String(text)), true));
    try {
      await runDone('A1', { broken: true, change: true }, { db: box.db, color: false });
      expect(result()).toBe('broken');
      await runDone('a1', { kept: true, change: true }, { db: box.db, color: false });
      expect(result()).toBe('kept');
    } finally {
      spy.mockRestore();
    }
    expect(said.join('')).toContain('Changed A1: Ana Ruiz did not keep "come to the tenant meeting" (it was recorded as kept).');
    expect(said.join('')).toContain('Changed A1: Ana Ruiz kept "come to the tenant meeting" (it was recorded as broken).');
    expect(counts()).toMatchObject({ kept: 1, broken: 0 });
    // The refusal is a code, worded where it is reported (messages/errors.ts): --change goes with --kept or --broken.
    await expect(runDone('A1', { change: true }, { db: box.db, color: false })).rejects.toMatchObject({ code: 'done.change-alone', params: { item: 'A1' } });
  });

  test.runIf(sandboxHasChange())('with --change on the command line, changes it without asking', () => {
    expect(ok(['done', 'A1', '--broken', '--change']).stderr).toContain('Changed A1');
    expect(result()).toBe('broken');
  });
});

/** Whether cli.ts declares `done --change` yet (it is another engineer's file). */
function sandboxHasChange(): boolean {
  const probe = sandbox();
  try {
    return probe.run(['done', '--help']).stdout.includes('--change');
  } finally {
    probe.cleanup();
  }
}
