import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

interface Someone {
  name: string;
  email: string | null;
  phone: string | null;
  neighborhood: string | null;
  organization: string | null;
  notes: string | null;
  rung: string;
  potential: number | null;
  language: string | null;
  interpreter: number;
  referrer: string | null;
}

/** Everyone, with their referrer told apart by name and email (two people may share a name), in a stable order. */
function everyone(box: Sandbox): Someone[] {
  return box.sql<Someone>(`
    SELECT p.name, p.email, p.phone, p.neighborhood, p.organization, p.notes, p.rung, p.potential, p.language, p.interpreter,
           CASE WHEN r.id IS NULL THEN NULL ELSE r.name || ' <' || coalesce(r.email, '') || '>' END AS referrer
    FROM people p LEFT JOIN people r ON r.id = p.referred_by
    ORDER BY p.name, p.email`);
}

describe('export → import round trip', () => {
  let from: Sandbox;
  let to: Sandbox;

  beforeEach(() => {
    from = sandbox();
    to = sandbox();
    const log = (args: string[]) => {
      const result = from.run(['log', ...args, '--date', '2026-11-02 18:00']);
      expect(result.code, result.stderr).toBe(0);
    };
    // A phone and an organization that export has to guard as formulas, a leader, potentials, referrals.
    log(['Ana Ruiz', '--email', 'ana@example.org', '--phone', '+1 555 010 0100', '--neighborhood', 'Eastside', '--organization', '=Tenants United', '--rung', 'leader', '--potential', '4', '--language', 'es', '--interpreter']);
    log(['Bo Chen', '--referred-by', 'Ana Ruiz', '--rung', 'volunteer', '--potential', '2', '--neighborhood', '-']);
    log(['Dee Evans', '--email', 'dee@example.org', '--rung', 'participant', '--organization', "'+1 not a phone", '--language', 'en']);
    // A second Dee Evans (another person, same name), who referred Eli; and notes written by hand, one over two lines.
    from.sql(`
      INSERT INTO people (name, name_key, email, rung, potential, created_at, updated_at)
      VALUES ('Dee Evans', 'dee evans', 'dee.evans@school.example.org', 'supporter', 3, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`);
    const deeTwo = from.sql<{ id: number }>(`SELECT id FROM people WHERE email = 'dee.evans@school.example.org'`)[0]!.id;
    from.sql(`UPDATE people SET notes = ? WHERE name = 'Ana Ruiz'`, ["@home after 6\n'=not a formula"]);
    log(['Eli Ford', '--referred-by', `#${deeTwo}`]);
  });

  afterEach(() => {
    from.cleanup();
    to.cleanup();
  });

  it('gives back the same people, rungs, potentials, languages, interpreters and referrals in an empty database', () => {
    const file = join(from.dir, 'people.csv');
    const exported = from.run(['export', 'people', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain("'+1 555 010 0100"); // guarded on the way out…

    const imported = to.run(['import', file, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 5, updated: 0, skipped: 0, bad: [] });
    const before = everyone(from);
    expect(before.find((person) => person.name === 'Eli Ford')?.referrer).toBe('Dee Evans <dee.evans@school.example.org>');
    expect(before.find((person) => person.name === 'Ana Ruiz')).toMatchObject({ language: 'es', interpreter: 1 });
    expect(everyone(to)).toEqual(before); // …and unguarded on the way in
  });

  it('importing its own export back into the same database changes nothing', () => {
    const file = join(from.dir, 'people.csv');
    expect(from.run(['export', 'people', '--out', file]).code).toBe(0);
    const before = everyone(from);
    const again = from.run(['import', file, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0, skipped: 5 });
    expect(everyone(from)).toEqual(before);
  });
});
