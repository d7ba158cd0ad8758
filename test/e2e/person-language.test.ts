import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

interface Needs {
  language: string | null;
  interpreter: boolean;
}

describe("a person's language and interpreter", () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  const ok = (args: string[], env?: NodeJS.ProcessEnv) => {
    const result = box.run(args, { env });
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const needs = (name: string): Needs => {
    const { person } = box.json<{ person: Needs }>(['show', name, '--json']);
    return { language: person.language, interpreter: person.interpreter };
  };

  it('log sets them, edit changes and clears them, undo puts them back; show and people --json carry them', () => {
    ok(['log', 'Rosa Díaz', '--language', 'es', '--interpreter']);
    ok(['log', 'Bo Chen']);
    expect(needs('Rosa Díaz')).toEqual({ language: 'es', interpreter: true });
    expect(needs('Bo Chen')).toEqual({ language: null, interpreter: false });
    expect(ok(['show', 'Rosa Díaz']).split('\n')[1]).toBe('Prefers Spanish · needs an interpreter');
    expect(ok(['show', 'Rosa Díaz', '--lang', 'es']).split('\n')[1]).toBe('Prefiere español · necesita intérprete');
    expect(ok(['show', 'Bo Chen'])).not.toMatch(/Prefers|interpreter/);

    const edited = box.run(['edit', 'Rosa Díaz', '--language', 'en', '--no-interpreter']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout + edited.stderr).toContain('  language: es → en\n  interpreter: yes → no\n');
    expect(needs('Rosa Díaz')).toEqual({ language: 'en', interpreter: false });
    ok(['edit', 'Rosa Díaz', '--language', 'none']);
    expect(needs('Rosa Díaz')).toEqual({ language: null, interpreter: false });
    ok(['undo']);
    ok(['undo']);
    expect(needs('Rosa Díaz')).toEqual({ language: 'es', interpreter: true });

    // A later meeting that says nothing of them leaves them as they were; one that says --no-interpreter changes it.
    ok(['log', 'Rosa Díaz', '--note', 'x']);
    expect(needs('Rosa Díaz')).toEqual({ language: 'es', interpreter: true });
    ok(['log', 'Rosa Díaz', '--no-interpreter']);
    expect(needs('Rosa Díaz')).toEqual({ language: 'es', interpreter: false });

    const people = box.json<({ name: string } & Needs)[]>(['people', '--json']);
    expect(people.map(({ name, language, interpreter }) => ({ name, language, interpreter }))).toEqual([
      { name: 'Bo Chen', language: null, interpreter: false },
      { name: 'Rosa Díaz', language: 'es', interpreter: false },
    ]);
  });

  it('a language oneonone does not speak is refused in one line with a hint, and nothing is written', () => {
    for (const args of [['log', 'Rosa Díaz', '--language', 'fr'], ['edit', 'Rosa Díaz', '--language', 'Spanish']]) {
      const result = box.run(args);
      expect(result.code, args.join(' ')).toBe(2);
      const [refusal, hint, ...rest] = result.stderr.trimEnd().split('\n');
      expect(refusal).toMatch(/^oneonone: option '--language <code>' argument '(fr|Spanish)' is invalid\. Allowed choices are en, es(, none)?\.$/);
      expect(hint).toMatch(/^hint: /);
      expect(rest).toEqual([]);
    }
    expect(box.json<unknown[]>(['people', '--json'])).toEqual([]);
  });

  it('import reads them under English or Spanish headers, in either language, and refuses a cell it cannot read', () => {
    const file = join(box.dir, 'hoja.csv');
    writeFileSync(file, [
      'Nombre,Idioma preferido,Necesita intérprete',
      'Ana Ruiz,Español,sí',
      'Bo Chen,English,no',
      'Cy Dee,,',
      'Dee Evans,francés,',
      'Eli Ford,es,quizás',
    ].join('\r\n'));
    const refused = box.run(['import', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('line 5: "francés" is not a language oneonone knows');
    expect(refused.stdout + refused.stderr).toContain('line 6: "quizás" under interpreter is neither yes nor no');
    const report = JSON.parse(ok(['import', file, '--skip-bad', '--json'])) as { added: number; bad: { line: number }[] };
    expect(report.added).toBe(3);
    expect(report.bad.map(({ line }) => line)).toEqual([5, 6]);
    expect(needs('Ana Ruiz')).toEqual({ language: 'es', interpreter: true });
    expect(needs('Bo Chen')).toEqual({ language: 'en', interpreter: false });
    expect(needs('Cy Dee')).toEqual({ language: null, interpreter: false });

    const english = join(box.dir, 'sheet.csv');
    writeFileSync(english, 'Name,Language,Interpreter\nBo Chen,Spanish,yes\nCy Dee,Inglés,1\n');
    const changed = JSON.parse(ok(['import', english, '--json'])) as { updated: number };
    expect(changed.updated).toBe(2);
    expect(needs('Bo Chen')).toEqual({ language: 'es', interpreter: true });
    expect(needs('Cy Dee')).toEqual({ language: 'en', interpreter: true });
  });

  it('merge keeps the language known and an interpreter either record needs', () => {
    ok(['log', 'Rosa Díaz', '--email', 'rosa@example.org']);
    ok(['log', 'Rosa D.', '--new', '--language', 'es', '--interpreter']);
    ok(['merge', 'Rosa D.', 'Rosa Díaz']);
    expect(needs('Rosa Díaz')).toEqual({ language: 'es', interpreter: true });
  });
});
