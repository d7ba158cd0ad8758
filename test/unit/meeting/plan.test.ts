import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planPhases } from '../../../src/meeting/plan.js';
import { parseTemplate, type Template } from '../../../src/meeting/template.js';
import { UserError } from '../../../src/support/errors.js';
import { refusalText } from '../support/refusal.js';

function builtIn(name: string): Template {
  const file = fileURLToPath(new URL(`../../../templates/${name}.yaml`, import.meta.url));
  return parseTemplate(readFileSync(file, 'utf8'), file, 'built-in');
}

/** A template whose phases have the given minutes, for checking the arithmetic. */
function withPhaseMinutes(minutes: number[]): Template {
  const phases = minutes
    .map((m, i) => `  - { key: p${i}, title: Phase ${i}, minutes: ${m}, purpose: Test. }`)
    .join('\n');
  return parseTemplate(`name: arithmetic\ntitle: Arithmetic\nphases:\n${phases}\n`, 'arithmetic.yaml', 'user');
}

const seconds = (template: Template, minutes?: number) =>
  planPhases(template, minutes).map((phase) => phase.plannedSeconds);

describe('planPhases', () => {
  it('plans the agenda at its default 60 minutes', () => {
    expect(seconds(builtIn('agenda'))).toEqual([300, 1500, 900, 600, 300]);
  });

  it('halves every agenda phase for a 30-minute meeting', () => {
    expect(seconds(builtIn('agenda'), 30)).toEqual([150, 750, 450, 300, 150]);
  });

  it('carries each phase across with its position, talk share, questions and note tags', () => {
    const agenda = builtIn('agenda');
    const plan = planPhases(agenda, 30);
    expect(plan.map((phase) => phase.position)).toEqual([1, 2, 3, 4, 5]);
    plan.forEach((phase, index) => {
      const source = agenda.phases[index]!;
      expect(phase).toMatchObject({
        key: source.key,
        title: source.title,
        maxTalkShare: source.maxTalkShare,
        purpose: source.purpose,
        tips: source.tips,
        questions: source.questions,
        noteTags: source.noteTags,
      });
    });
  });

  it('adds up to exactly the meeting length in whole seconds at awkward lengths', () => {
    for (const name of ['agenda', 'reunion-uno-a-uno', 'seis-pasos', 'six-steps']) {
      const template = builtIn(name);
      for (const minutes of [1, 7, 13.3, 29, 31, 44.5, 59, 61, 97, 240]) {
        const planned = seconds(template, minutes);
        expect(planned.reduce((sum, s) => sum + s, 0), `${name} at ${minutes} min`).toBe(Math.round(minutes * 60));
        for (const s of planned) expect(Number.isInteger(s) && s >= 1).toBe(true);
      }
    }
  });

  it('keeps every phase within a second of its exact share', () => {
    const template = builtIn('six-steps');
    const total = template.phases.reduce((sum, phase) => sum + phase.minutes, 0);
    const planned = seconds(template, 37);
    planned.forEach((s, index) => {
      const exact = ((template.phases[index]?.minutes ?? 0) / total) * 37 * 60;
      expect(Math.abs(s - exact)).toBeLessThan(1);
    });
  });

  it('plans phases of a tenth of a minute as six seconds each', () => {
    expect(seconds(withPhaseMinutes([0.1, 0.1, 0.1]))).toEqual([6, 6, 6]);
  });

  it('gives the leftover second to the largest remainder, earlier phase first on a tie', () => {
    // exact shares 9, 4.5, 4.5 of 18 seconds
    expect(seconds(withPhaseMinutes([2, 1, 1]), 0.3)).toEqual([9, 5, 4]);
    // exact shares 6.67, 13.33 of 20 seconds
    expect(seconds(withPhaseMinutes([1, 2]), 20 / 60)).toEqual([7, 13]);
  });

  it('gives a very short phase at least one second and takes it from the long one', () => {
    expect(seconds(withPhaseMinutes([0.001, 10]), 1)).toEqual([1, 59]);
  });

  it.each([0, -5, 241, Number.NaN, Number.POSITIVE_INFINITY])('refuses a meeting of %s minutes', (minutes) => {
    expect(() => planPhases(builtIn('agenda'), minutes)).toThrow(UserError);
    expect(refusalText(() => planPhases(builtIn('agenda'), minutes)).message).toMatch(/at most 240 minutes/);
  });

  it('refuses a meeting too short to give every phase a second', () => {
    expect(refusalText(() => planPhases(builtIn('agenda'), 0.05)).message).toMatch(/too short for the 5 phases of 'agenda'/);
  });
});
