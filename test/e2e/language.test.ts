import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';
import { openTerminal, type Terminal } from './terminal.js';

/** The guide each of the person's meetings followed, oldest first. */
function guides(box: Sandbox, name: string): string[] {
  const shown = box.json<{ meetings: { template: string }[] }>(['show', name, '--json']);
  return shown.meetings.map((meeting) => meeting.template).reverse();
}

describe('the language chooses the guide a meeting follows unless told', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  it('a Spanish locale, ONEONONE_LANG=es or --lang es: reunion-uno-a-uno; --lang en or nothing: agenda', () => {
    const log = (env: NodeJS.ProcessEnv, ...args: string[]) => {
      const result = box.run(['log', 'Ana Ruiz', '--note', 'x', ...args], { env });
      expect(result.code, result.stderr).toBe(0);
    };
    log({ LANG: 'es_MX.UTF-8' });
    log({ ONEONONE_LANG: 'es', LANG: 'en_US.UTF-8' });
    log({}, '--lang', 'es');
    log({ LANG: 'es_MX.UTF-8' }, '--lang', 'en');
    log({ LC_ALL: 'en_US.UTF-8', LANG: 'es_MX.UTF-8' });
    log({}, '--lang', 'es', '--template', 'six-steps');
    expect(guides(box, 'Ana Ruiz')).toEqual(['reunion-uno-a-uno', 'reunion-uno-a-uno', 'reunion-uno-a-uno', 'agenda', 'agenda', 'six-steps']);
  });

  it('a language oneonone does not speak is refused in one line, from the flag (exit 2) or the environment (exit 1)', () => {
    const flag = box.run(['log', 'Ana Ruiz', '--lang', 'fr']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^oneonone: option '--lang <code>' argument 'fr' is invalid\. Allowed choices are en, es\.$/m);
    const env = box.run(['log', 'Ana Ruiz'], { env: { ONEONONE_LANG: 'fr' } });
    expect(env.code).toBe(1);
    expect(env.stderr.split('\n')[0]).toBe('oneonone: ONEONONE_LANG: language must be en or es (got "fr")');
  });

  it('templates --json says each guide’s language', () => {
    const listed = box.json<{ name: string; language: string }[]>(['templates', '--json']);
    expect(listed.map(({ name, language }) => `${name} ${language}`)).toEqual(['agenda en', 'reunion-uno-a-uno es', 'seis-pasos es', 'six-steps en']);
  });
});

describe('start offers first the guide in the organizer’s language', () => {
  let box: Sandbox;
  let terminal: Terminal | undefined;
  beforeEach(() => {
    box = sandbox();
    expect(box.run(['log', 'Ana Ruiz']).code).toBe(0);
  });
  afterEach(() => {
    terminal?.kill('SIGKILL');
    terminal = undefined;
    box.cleanup();
  });

  for (const [env, first] of [[{ LANG: 'es_MX.UTF-8' }, 'reunion-uno-a-uno'], [{ LANG: 'en_US.UTF-8' }, 'agenda']] as const) {
    it(`${env.LANG}: the cursor starts on ${first}`, async () => {
      terminal = openTerminal(box, ['start', 'Ana Ruiz', '--goal', 'recruitment'], env);
      await terminal.waitFor(env.LANG.startsWith('es') ? '¿Qué guía de reunión?' : 'Which meeting guide?', 15_000);
      const screen = await terminal.waitFor(/six-steps —/, 15_000);
      expect(screen).toMatch(new RegExp(`❯ ${first} — `));
    }, 30_000);
  }

  it('someone never met, imported with their language, gets the card that says it', async () => {
    writeFileSync(join(box.dir, 'hoja.csv'), 'Nombre,Apellido,Idioma,Intérprete\nLuz,Ortega,español,sí\n');
    expect(box.run(['import', join(box.dir, 'hoja.csv')]).code).toBe(0);
    terminal = openTerminal(box, ['start', 'Luz Ortega', '--goal', 'recruitment'], { LANG: 'en_US.UTF-8' });
    const screen = await terminal.waitFor(/six-steps —/, 15_000);
    expect(screen.split(/\r?\n/)).toContain('  Prefers Spanish · needs an interpreter');
    expect(screen).toMatch(/❯ reunion-uno-a-uno — /);
  }, 30_000);
});

describe('start offers first the guide in the language the person prefers, and the card says it', () => {
  let box: Sandbox;
  let terminal: Terminal | undefined;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => {
    terminal?.kill('SIGKILL');
    terminal = undefined;
    box.cleanup();
  });

  const cases = [
    { organizer: 'en_US.UTF-8', prefers: 'es', first: 'reunion-uno-a-uno', card: 'Prefers Spanish · needs an interpreter', interpreter: ['--interpreter'] },
    { organizer: 'es_MX.UTF-8', prefers: 'en', first: 'agenda', card: 'Prefiere inglés', interpreter: [] },
  ] as const;
  for (const { organizer, prefers, first, card, interpreter } of cases) {
    it(`an organizer in ${organizer} meeting someone who prefers ${prefers}: the cursor starts on ${first}`, async () => {
      expect(box.run(['log', 'Rosa Díaz', '--language', prefers, ...interpreter]).code).toBe(0);
      terminal = openTerminal(box, ['start', 'Rosa Díaz', '--goal', 'recruitment'], { LANG: organizer });
      // The list, not its question: the question is in the organizer's language.
      const screen = await terminal.waitFor(/six-steps —/, 15_000);
      expect(screen.split(/\r?\n/)).toContain(`  ${card}`);
      expect(screen).toMatch(new RegExp(`❯ ${first} — `));
    }, 30_000);
  }
});
