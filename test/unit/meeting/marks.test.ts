import { describe, expect, test } from 'vitest';
import { startPhaseClock } from '../../../src/meeting/clock.js';
import { openPhase, phaseStep, type PhaseEvent, type PhaseMessage, type PhaseState, type PhaseStep } from '../../../src/meeting/phase.js';
import { phaseProgressRecord, resumePoint } from '../../../src/meeting/resume.js';
import { summarizeMeeting, type PhaseRun } from '../../../src/meeting/summary.js';
import { parseTemplate } from '../../../src/meeting/template.js';
import { planPhases } from '../../../src/meeting/plan.js';
import { reflectingVerdict, startTalkClock, talkTotals } from '../../../src/meeting/talk.js';
import { keyHelp, phaseWords, reflectingWords } from '../../../src/messages/meeting.js';

const setup = (marks: boolean) => ({
  clock: startPhaseClock(300, 0), talk: startTalkClock(0), maxTalkShare: 0.2, meetingTalkBefore: { organizerMs: 0, otherMs: 0 }, marks,
});
const key = (char: string): PhaseEvent => ({ kind: 'key', char });

function run(state: PhaseState, ...events: [PhaseEvent, number][]): PhaseStep {
  let step: PhaseStep = { state, effects: [] };
  for (const [event, now] of events) step = phaseStep(step.state, event, now);
  return step;
}
const said = (step: PhaseStep): PhaseMessage[] => step.effects.flatMap((effect) => (effect.kind === 'say' ? [effect.message] : []));

describe('q and r on the live screen', () => {
  test('where the guide counts them, q counts an open question and r a reflection, and say so', () => {
    const step = run(openPhase(setup(true), 0).state, [key('q'), 1000], [key('r'), 2000], [key('R'), 3000], [key('q'), 4000]);
    expect(step.state.talk.marks).toEqual({ questions: 2, reflections: 2 });
    expect(said(run(step.state, [key('r'), 5000]))).toEqual([{ code: 'marked', mark: 'reflection', count: 3 }]);
    expect(phaseWords({ code: 'marked', mark: 'question', count: 4 })).toBe('Open question counted (4 in this phase).');
  });

  test('never touch the clocks: who is talking, the talk totals and the phase time go on as they were', () => {
    const opened = openPhase(setup(true), 0).state;
    const talking = run(opened, [key('t'), 10_000]).state;
    const marked = run(talking, [key('q'), 20_000], [key('r'), 25_000]).state;
    expect(marked.talk.speaker).toBe('organizer');
    expect(talkTotals(marked.talk, 40_000)).toEqual(talkTotals(talking.talk, 40_000));
    expect(marked.clock).toEqual(talking.clock);
  });

  test('where the guide does not count them, q and r are not keys, and nothing is counted', () => {
    const step = run(openPhase(setup(false), 0).state, [key('q'), 1000]);
    expect(step.state.talk.marks).toBeNull();
    expect(said(step)).toEqual([{ code: 'not-a-key', char: 'q' }]);
  });

  test('are on the key line and in the help only where they count', () => {
    expect(keyHelp(true)).toContain('q open question');
    expect(keyHelp(true)).toContain('r reflection');
    expect(keyHelp(false).join(' ')).not.toMatch(/open question|reflection/);
    const help = (marks: boolean) => said(run(openPhase(setup(marks), 0).state, [key('?'), 1000])).map((message) => phaseWords(message)).join('\n');
    expect(help(true)).toContain('q      you asked an open question');
    expect(help(false)).not.toContain('open question (counted');
  });

  test('are saved with the phase and a resumed phase goes on counting from them', () => {
    const step = run(openPhase(setup(true), 0).state, [key('q'), 1000], [key('r'), 2000], [key('r'), 3000]);
    const saved = phaseProgressRecord(step.state.clock, step.state.talk, 4000);
    expect(saved).toMatchObject({ openQuestions: 1, reflections: 2 });
    const point = resumePoint([{ position: 1, plannedSeconds: 300, ...saved }], 1);
    const resumed = openPhase({ ...setup(true), talk: startTalkClock(10_000, point.talk) }, 10_000).state;
    expect(run(resumed, [key('q'), 11_000]).state.talk.marks).toEqual({ questions: 2, reflections: 2 });
    expect(phaseProgressRecord(openPhase(setup(false), 0).state.clock, openPhase(setup(false), 0).state.talk, 1000)).toMatchObject({ openQuestions: null, reflections: null });
  });
});

describe('reflections to questions, against MITI', () => {
  test('2:1 and more is good, 1:1 fair, fewer reflections than questions below', () => {
    expect(reflectingVerdict({ questions: 3, reflections: 6 })).toBe('good');
    expect(reflectingVerdict({ questions: 3, reflections: 5 })).toBe('fair');
    expect(reflectingVerdict({ questions: 4, reflections: 4 })).toBe('fair');
    expect(reflectingVerdict({ questions: 4, reflections: 3 })).toBe('below');
    expect(reflectingVerdict({ questions: 0, reflections: 2 })).toBe('good');
    expect(reflectingVerdict({ questions: 0, reflections: 0 })).toBe('none');
  });

  const phase = (openQuestions: number | null, reflections: number | null): PhaseRun => ({
    position: 1, title: 'Listen', plannedSeconds: 300, extraSeconds: 0, actualSeconds: 300, organizerTalkSeconds: 60, otherTalkSeconds: 240, maxTalkShare: 0.2,
    openQuestions, reflections,
  });

  test('the summary adds up the phases that counted, and words the ratio', () => {
    const outcome = summarizeMeeting([phase(2, 3), phase(null, null), phase(2, 2)]);
    expect(outcome.marks).toEqual({ questions: 4, reflections: 5 });
    expect(outcome.reflecting).toBe('fair');
    expect(reflectingWords(outcome.marks, outcome.reflecting)).toBe(
      'Reflections to questions: 5 to 4 (1.3 to 1), fair; reflect back more of what you hear. (Motivational interviewing counts 1 to 1 as fair, 2 to 1 as good.)',
    );
  });

  test('a meeting whose guide did not count them says nothing of it', () => {
    const outcome = summarizeMeeting([phase(null, null)]);
    expect(outcome.marks).toBeNull();
    expect(reflectingWords(outcome.marks, outcome.reflecting)).toBeUndefined();
    expect(reflectingWords({ questions: 0, reflections: 0 }, 'none')).toBe('Reflections to questions: none marked (q and r on the live screen).');
  });
});

describe('a guide that counts them', () => {
  const guide = (extra: string) => `name: coached\ntitle: Coached\n${extra}phases:\n  - key: listen\n    title: Listen\n    minutes: 10\n    purpose: Hear them.\n`;

  test('says countQuestions: true, and every phase it plans counts them', () => {
    const template = parseTemplate(guide('countQuestions: true\n'), 'coached.yaml', 'user');
    expect(template.marks).toBe(true);
    expect(planPhases(template).every((phase) => phase.marks)).toBe(true);
    expect(parseTemplate(guide(''), 'coached.yaml', 'user').marks).toBe(false);
  });

  test('refuses anything but true or false, at the field', () => {
    expect(() => parseTemplate(guide('countQuestions: yes please\n'), 'coached.yaml', 'user')).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ path: 'countQuestions', problem: { kind: 'not-yes-no', got: { written: '"yes please"' } } }) }),
    );
  });
});
