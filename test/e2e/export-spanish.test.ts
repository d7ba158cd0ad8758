import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

const TABLES = ['people', 'meetings', 'asks', 'followups', 'notes', 'touches', 'relationships', 'units'];

describe('export in Spanish', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
    const ok = (args: string[]) => expect(box.run(args).code, args.join(' ')).toBe(0);
    ok(['log', 'Ana Ruiz', '--value', 'su familia', '--ask', 'venir a la junta', '--ask-due', 'in 3 days 7pm', '--outcome', 'yes', '--followup', 'in 2 days', '--rung', 'volunteer', '--potential', '4', '--language', 'es', '--interpreter']);
    ok(['log', 'Bo Chen', '--referred-by', 'Ana Ruiz', '--note', 'vive en el 4B']);
    ok(['edit', 'Bo Chen', '--email', 'bo@example.org', '--phone', '555 010 0200', '--neighborhood', 'Pilsen']);
    ok(['relate', 'Ana Ruiz', 'Bo Chen', '--as', 'neighbor', '--note', 'mismo piso']);
    ok(['touch', 'Bo Chen', '--by', 'call', '--note', 'llamada']);
    ok(['units', 'add', 'Edificio 12', '--kind', 'building', '--size', '40']);
  });
  afterEach(() => box.cleanup());

  it('every sheet has its headers in Spanish (no English name of a column left) and the same cells as in English, a default follow-up worded in Spanish', () => {
    for (const table of TABLES) {
      const english = box.run(['export', table]);
      const spanish = box.run(['export', table, '--lang', 'es']);
      expect(spanish.code, spanish.stderr).toBe(0);
      const [enHeader, ...enRows] = english.stdout.split('\r\n');
      const [esHeader, ...esRows] = spanish.stdout.split('\r\n');
      const columns = enHeader!.split(',');
      // A default follow-up is worded, not stored: its words follow the sheet's language; every other cell is the same.
      const worded = table === 'followups' ? columns.indexOf('followup') : -1;
      const unworded = (rows: string[]) => rows.map((row) => row.split(',').filter((_, i) => i !== worded).join(','));
      expect(unworded(esRows), table).toEqual(unworded(enRows));
      if (worded >= 0) expect(esRows[0]!.split(',')[worded]).toMatch(/^Recordarle a Ana Ruiz: venir a la junta$|^Dar seguimiento a Ana Ruiz$/);
      const translated = esHeader!.split(',');
      expect(translated, table).toHaveLength(columns.length);
      columns.forEach((column, i) => {
        if (column !== 'id') expect(translated[i], `${table}.${column}`).not.toBe(column);
      });
    }
    expect(box.run(['export', 'people'], { env: { LANG: 'es_MX.UTF-8' } }).stdout.split('\r\n')[0]).toBe(
      'id,nombre,peldaño,potencial,evaluación,correo,teléfono,barrio,organización,idioma,intérprete,unidades,notas,fuente,referido_por,reuniones,última_reunión,agregado',
    );
  });

  it('people, contacts, relationships and units exported in Spanish import into a new record without loss', () => {
    const files = Object.fromEntries(['people', 'touches', 'relationships', 'units'].map((table) => {
      const file = join(box.dir, `${table}-es.csv`);
      writeFileSync(file, box.run(['export', table, '--lang', 'es']).stdout);
      return [table, file];
    }));
    const before = Object.fromEntries(['people', 'touches', 'relationships', 'units'].map((table) => [table, box.run(['export', table]).stdout]));
    const fresh = sandbox();
    try {
      for (const table of ['people', 'units', 'touches', 'relationships']) {
        const result = fresh.run(['import', files[table]!]);
        expect(result.code, `${table}: ${result.stderr}`).toBe(0);
      }
      const person = (out: string) => out.split('\r\n').slice(1).filter(Boolean).map((row) => row.split(',').slice(1, 13).join(','));
      expect(person(fresh.run(['export', 'people']).stdout)).toEqual(person(before.people!));
      const after = (table: string, from: number, to?: number) => fresh.run(['export', table]).stdout.split('\r\n').slice(1).map((row) => row.split(',').slice(from, to).join(','));
      const was = (table: string, from: number, to?: number) => before[table]!.split('\r\n').slice(1).map((row) => row.split(',').slice(from, to).join(','));
      expect(after('touches', 2, 6)).toEqual(was('touches', 2, 6));
      expect(after('relationships', 2, 4)).toEqual(was('relationships', 2, 4));
      expect(after('units', 1, 4)).toEqual(was('units', 1, 4));
    } finally {
      fresh.cleanup();
    }
    expect(readFileSync(files.people!, 'utf8').split('\r\n')[0]).toMatch(/^id,nombre,peldaño/);
  });
});
