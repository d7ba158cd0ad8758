/**
 * The assessment scale in a team's own words, on the built binary and either engine: renamed once, read that way by
 * every command, the stored levels unchanged; refusals, reset and undo.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, succeeded, type Sandbox } from './helpers.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
  succeeded(box, ['log', 'Ana Ruiz', '--note', 'met', '--assess', '2']);
  succeeded(box, ['edit', 'ana', '--unit', 'Building 12']);
});
afterEach(() => box.cleanup());

const ok = (args: string[]) => succeeded(box, args);
const scale = () => box.json<{ level: number; words: string; default: string }[]>(['scale', '--json']);

describe('scale', () => {
  it('lists the default scale, 0 to 5', () => {
    expect(scale().map((l) => `${l.level} ${l.words}`)).toEqual(['0 not assessed', '1 strong supporter', '2 leaning supporter', '3 undecided', '4 leaning against', '5 opposed']);
    expect(ok(['scale']).stderr).toContain('Stored codes stay 0–5');
  });

  it('a level renamed reads so in show, people, map and the refusals; the stored level stays; undo puts it back', () => {
    expect(ok(['scale', 'rename', '2', '  leaning   yes ']).stderr).toBe('Level 2 now reads "leaning yes" (was "leaning supporter") everywhere: show, people, stats, map, the debrief.\nUndo with: oneonone undo\n');
    expect(scale()[2]).toEqual({ level: 2, words: 'leaning yes', default: 'leaning supporter' });
    expect(ok(['show', 'ana']).stdout.split('\n')[0]).toBe('Ana Ruiz (#1) — contact, assessed 2 (leaning yes)');
    expect(ok(['people']).stdout).toContain('2 (leaning yes)');
    expect(ok(['map', 'ana']).stdout).toContain('(contact · 2 leaning yes)');
    expect(box.run(['edit', 'ana', '--assess', '7']).stderr).toContain('2 leaning yes');
    expect(box.json<{ person: { assessment: number } }>(['show', 'ana', '--json']).person.assessment).toBe(2);
    expect(ok(['undo']).stderr).toMatch(/^Undid the correction of the words of the assessment scale/);
    expect(scale()[2]!.words).toBe('leaning supporter');
  });

  it('refuses level 0 or 6, words that are empty, too long or start with a digit, and a name another level has', () => {
    const refused = (args: string[], message: string) => {
      const result = box.run(args);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr.split('\n')[0]).toBe(`oneonone: ${message}`);
    };
    refused(['scale', 'rename', '0', 'nobody yet'], '"0" is not a level that can be renamed');
    refused(['scale', 'rename', '6', 'gone'], '"6" is not a level that can be renamed');
    refused(['scale', 'rename', '2', '   '], '"   " cannot name a level');
    refused(['scale', 'rename', '2', 'x'.repeat(41)], `"${'x'.repeat(41)}" cannot name a level`);
    refused(['scale', 'rename', '2', '2 of us'], '"2 of us" cannot name a level');
    refused(['scale', 'rename', '3', 'Opposed'], 'level 5 already reads "opposed"');
    expect(scale().map((l) => l.words)).toEqual(['not assessed', 'strong supporter', 'leaning supporter', 'undecided', 'leaning against', 'opposed']);
  });

  it('reset puts one level back, or all of them; renaming to the default is a reset', () => {
    ok(['scale', 'rename', '1', 'with us']);
    ok(['scale', 'rename', '5', 'against us']);
    expect(ok(['scale', 'reset', '5']).stderr).toBe('Level 5 reads as the default again.\nUndo with: oneonone undo\n');
    expect(scale().map((l) => l.words)).toEqual(['not assessed', 'with us', 'leaning supporter', 'undecided', 'leaning against', 'opposed']);
    ok(['scale', 'rename', '1', 'strong supporter']);
    expect(ok(['scale', 'reset']).stderr).toBe('Every level already reads as the default; nothing changed.\n');
  });
});
