import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

const SPANISH = { LANG: 'es_MX.UTF-8' };
const ENGLISH = /\b(ok|problem|skipped|the SQLite engine|is built|no config file|database|is yours alone|are yours alone|as this oneonone expects|passes|no copy|meeting guides? load|none of your own|All is well)\b/;

describe('doctor in Spanish', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
    expect(box.run(['log', 'Ana Ruiz']).code).toBe(0);
  });
  afterEach(() => box.cleanup());

  it('says each check in Spanish, its status word first, and its --json as in English', () => {
    const said = box.run(['doctor'], { env: SPANISH });
    expect(said.code, said.stderr).toBe(0);
    const lines = said.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^bien {6}\S/);
    expect(said.stdout).toMatch(/^bien {6}el motor de SQLite está compilado para este Node/m);
    expect(said.stdout).toMatch(/^bien {6}esquema \d+, el que espera este oneonone$/m);
    expect(said.stdout).toMatch(/^bien {6}Cargan 4 guías de reunión \(ninguna tuya, en /m);
    expect(said.stderr).toBe('Todo está bien.\n');
    const shown = said.stdout.replace(/\/\S+/g, '');
    expect(shown).not.toMatch(ENGLISH);
    expect(box.run(['doctor']).stdout).toMatch(ENGLISH);
    expect(box.run(['doctor', '--json'], { env: SPANISH }).stdout).toBe(box.run(['doctor', '--json']).stdout);
  });
});
