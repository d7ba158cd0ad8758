import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseTemplate, totalMinutes, type Template } from '../../../src/meeting/template.js';
import { NOTE_TAGS } from '../../../src/meeting/tags.js';
import { refusalText as refusal } from '../support/refusal.js';

function readTemplate(relative: string): Template {
  const file = fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
  return parseTemplate(readFileSync(file, 'utf8'), file, 'built-in');
}

/** A small valid template as plain data, so each case can break exactly one thing. */
function validTemplate(): Record<string, any> {
  return {
    name: 'bad',
    title: 'A template with one thing wrong',
    phases: [
      { key: 'listen', title: 'Listen', minutes: 10, purpose: 'Hear them out.' },
      { key: 'share', title: 'Share', minutes: 5, purpose: 'Tell your story.', maxTalkShare: 0.6 },
      { key: 'ask', title: 'Ask', minutes: 5, purpose: 'Make one ask.', noteTags: ['capacity'] },
    ],
  };
}

function parseChanged(change: (t: Record<string, any>) => void): Template {
  const data = validTemplate();
  change(data);
  return parseTemplate(stringify(data), '/home/someone/.config/oneonone/templates/bad.yaml', 'user');
}

describe('the built-in guides', () => {
  it('agenda runs five parts over 60 minutes and is also meant for 30', () => {
    const agenda = readTemplate('templates/agenda.yaml');
    expect(agenda.phases.map((phase) => [phase.key, phase.minutes])).toEqual([
      ['purpose', 5],
      ['explore', 25],
      ['connection', 15],
      ['exchange', 10],
      ['commit', 5],
    ]);
    expect(agenda.minutes).toBe(60);
    expect(totalMinutes(agenda)).toBe(60);
    expect(agenda.lengths).toEqual([30, 60]);
  });

  it('six-steps runs its six steps over 45 minutes and is meant for 30, 45 or 60', () => {
    const sixSteps = readTemplate('templates/six-steps.yaml');
    expect(sixSteps.phases.map((phase) => phase.key)).toEqual([
      'opening',
      'ice',
      'story',
      'agitate',
      'proposition',
      'follow-up',
    ]);
    expect(totalMinutes(sixSteps)).toBe(45);
    expect(sixSteps.minutes).toBe(45);
    expect(sixSteps.lengths).toEqual([30, 45, 60]);
  });

  it.each(['templates/agenda.yaml', 'templates/six-steps.yaml'])(
    '%s gives every phase a purpose, 2-5 tips, 3-6 open questions and note tags',
    (relative) => {
      for (const phase of readTemplate(relative).phases) {
        expect(phase.purpose.length).toBeGreaterThan(20);
        expect(phase.tips.length).toBeGreaterThanOrEqual(2);
        expect(phase.tips.length).toBeLessThanOrEqual(5);
        expect(phase.questions.length).toBeGreaterThanOrEqual(3);
        expect(phase.questions.length).toBeLessThanOrEqual(6);
        for (const question of phase.questions) expect(question).toMatch(/\?$/);
        expect(phase.noteTags.length).toBeGreaterThan(0);
        expect(phase.noteTags.every((tag) => (NOTE_TAGS as readonly string[]).includes(tag))).toBe(true);
      }
    },
  );

  it('agenda holds the organizer to 80/20 while exploring and lets them talk more in the exchange', () => {
    const phases = new Map(readTemplate('templates/agenda.yaml').phases.map((phase) => [phase.key, phase]));
    expect(phases.get('explore')?.maxTalkShare).toBe(0.2);
    expect(phases.get('connection')?.maxTalkShare).toBe(0.2);
    expect(phases.get('exchange')?.maxTalkShare).toBeGreaterThan(0.5);
  });

  it('the quick test template has three six-second phases', () => {
    const quick = readTemplate('test/fixtures/templates/quick.yaml');
    expect(quick.name).toBe('quick');
    expect(quick.phases.map((phase) => [phase.minutes, phase.maxTalkShare])).toEqual([
      [0.1, 0.2],
      [0.1, 0.6],
      [0.1, 0.5],
    ]);
    expect(quick.minutes).toBe(0.3);
  });
});

describe('parseTemplate', () => {
  it('fills in defaults for the optional fields', () => {
    const template = parseChanged(() => {});
    expect(template).toMatchObject({ description: '', minutes: 20, lengths: [20], language: 'en', source: 'user' });
    expect(template.file).toBe('/home/someone/.config/oneonone/templates/bad.yaml');
    expect(template.phases[0]).toMatchObject({ tips: [], questions: [], noteTags: ['note'], maxTalkShare: 0.2 });
    expect(template.phases[2]?.noteTags).toEqual(['capacity']);
  });

  it('scales the phases to the default length when the template gives minutes', () => {
    const template = parseChanged((t) => {
      t.minutes = 30;
    });
    expect(template.minutes).toBe(30);
    expect(template.phases.map((phase) => phase.minutes)).toEqual([15, 7.5, 7.5]);
    expect(totalMinutes(template)).toBe(30);
  });

  it('says its language with language: es, and a language oneonone does not speak is refused', () => {
    expect(parseChanged((t) => (t.language = 'es')).language).toBe('es');
    expect(refusal(() => parseChanged((t) => (t.language = 'fr'))).message).toBe(
      'template bad.yaml: language must be a language oneonone speaks: en or es (got "fr")',
    );
  });

  it('the Spanish guides keep the English ones\' minutes, talk shares and note kinds, phase by phase', () => {
    for (const [spanish, english] of [['reunion-uno-a-uno', 'agenda'], ['seis-pasos', 'six-steps']] as const) {
      const [es, en] = [readTemplate(`templates/${spanish}.yaml`), readTemplate(`templates/${english}.yaml`)];
      expect([es.language, en.language]).toEqual(['es', 'en']);
      const shape = (t: Template) => ({ minutes: t.minutes, lengths: t.lengths, phases: t.phases.map(({ minutes, maxTalkShare, noteTags }) => ({ minutes, maxTalkShare, noteTags })) });
      expect(shape(es), spanish).toEqual(shape(en));
    }
  });

  it('reports invalid YAML with its line and column', () => {
    const error = refusal(() => parseTemplate('name: bad\ntitle: [unclosed\n', 'bad.yaml', 'user'));
    expect(error.message).toMatch(/^template bad\.yaml: is not valid YAML at line \d+, column \d+/);
  });

  it('points the hint at the broken file and a working example', () => {
    const error = refusal(() => parseChanged((t) => delete t.title));
    expect(error.hint).toContain('/home/someone/.config/oneonone/templates/bad.yaml');
    expect(error.hint).toContain('oneonone templates show agenda');
  });

  it.each([
    ['a list at the top', '- one\n- two\n', 'template bad.yaml: must be a mapping'],
    ['an empty file', '', 'template bad.yaml: must be a mapping'],
  ])('refuses %s', (_case, text, message) => {
    expect(refusal(() => parseTemplate(text, 'dir/bad.yaml', 'user')).message).toContain(message);
  });

  it.each<[string, (t: Record<string, any>) => void, string]>([
    ['a missing name', (t) => delete t.name, 'name is missing'],
    ['an empty name', (t) => (t.name = '  '), 'name must not be empty'],
    ['a name with capitals or spaces', (t) => (t.name = 'My Template'), 'name must be lowercase letters'],
    ['a missing title', (t) => delete t.title, 'title is missing'],
    ['no phases field', (t) => delete t.phases, 'phases is missing'],
    ['an empty phase list', (t) => (t.phases = []), 'phases must list at least one phase'],
    ['phases that are not a list', (t) => (t.phases = 'listen'), 'phases must be a list'],
    ['a phase without a key', (t) => delete t.phases[1].key, 'phases[1].key is missing'],
    ['a phase key that is not kebab-case', (t) => (t.phases[1].key = 'Share It'), 'phases[1].key must be kebab-case'],
    ['a phase without a title', (t) => delete t.phases[0].title, 'phases[0].title is missing'],
    ['a phase without a purpose', (t) => delete t.phases[2].purpose, 'phases[2].purpose is missing'],
    ['duplicate phase keys', (t) => (t.phases[2].key = 'listen'), "phases[2].key 'listen' is used by an earlier phase"],
    ['negative phase minutes', (t) => (t.phases[2].minutes = -3), 'phases[2].minutes must be a positive number (got -3)'],
    ['zero phase minutes', (t) => (t.phases[0].minutes = 0), 'phases[0].minutes must be a positive number (got 0)'],
    ['phase minutes as text', (t) => (t.phases[0].minutes = 'ten'), 'phases[0].minutes must be a positive number (got "ten")'],
    ['missing phase minutes', (t) => delete t.phases[1].minutes, 'phases[1].minutes is missing'],
    ['phase minutes over four hours', (t) => (t.phases[0].minutes = 300), 'phases[0].minutes must be at most 240 minutes'],
    ['phases adding up to over four hours', (t) => t.phases.forEach((p: any) => (p.minutes = 100)), 'phases add up to 300 minutes'],
    ['a talk share of 3', (t) => (t.phases[1].maxTalkShare = 3), 'phases[1].maxTalkShare must be a number from 0 to 1'],
    ['a negative talk share', (t) => (t.phases[1].maxTalkShare = -0.1), 'phases[1].maxTalkShare must be a number from 0 to 1'],
    ['an unknown note tag', (t) => (t.phases[2].noteTags = ['capacity', 'valu']), "phases[2].noteTags[1] 'valu' is not a note tag"],
    ['an empty note tag list', (t) => (t.phases[2].noteTags = []), 'phases[2].noteTags must list at least one note tag'],
    ['tips that are not a list', (t) => (t.phases[0].tips = 'listen more'), 'phases[0].tips must be a list'],
    ['a question that is not text', (t) => (t.phases[0].questions = ['Why?', 42]), 'phases[0].questions[1] must be text (got 42)'],
    ['a misspelled top-level field', (t) => (t.minuts = 30), "has an unknown field 'minuts'"],
    ['a misspelled phase field', (t) => (t.phases[1].maxTalkshare = 0.5), "phases[1] has an unknown field 'maxTalkshare'"],
    ['a phase that is not a mapping', (t) => (t.phases[1] = 'share'), 'phases[1] must be a mapping of fields (got "share")'],
    ['a negative meeting length', (t) => (t.minutes = -30), 'minutes must be a positive number (got -30)'],
    ['lengths that are not positive numbers', (t) => (t.lengths = [30, 0]), 'lengths[1] must be a positive number (got 0)'],
    ['lengths given as one number', (t) => (t.lengths = 30), 'lengths must be a list (got 30)'],
    ['an empty lengths list', (t) => (t.lengths = []), 'lengths must list at least one meeting length'],
  ])('refuses %s, naming the file and the field', (_case, change, message) => {
    const error = refusal(() => parseChanged(change));
    expect(error.message).toContain(`template bad.yaml: ${message}`);
  });
});
