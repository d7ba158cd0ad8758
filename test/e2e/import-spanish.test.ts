import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonRow } from '../../src/store/contract.js';
import { sandbox, type Sandbox } from './helpers.js';

type PersonOut = Pick<PersonRow, 'name' | 'email' | 'phone' | 'neighborhood' | 'organization' | 'notes' | 'rung'>;

describe('import reads the sheets Spanish-speaking organizers keep', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
  });
  afterEach(() => box.cleanup());

  const people = () =>
    box.sql<PersonOut>(`SELECT name, email, phone, neighborhood, organization, notes, rung FROM people ORDER BY id`);
  const importBytes = (bytes: Buffer | string) => {
    const file = join(box.dir, 'hoja.csv');
    writeFileSync(file, bytes);
    return box.run(['import', file]);
  };

  it('Spanish Excel on Windows: ";", Windows-1252, Nombre beside Apellidos, accents in the headers, a rung in Spanish', () => {
    const text =
      'Nombre;Apellidos;Correo electr\xf3nico;Tel\xe9fono;Colonia;Iglesia;Pelda\xf1o;Observaciones\r\n' +
      'Jos\xe9;P\xe9rez \xd1\xfa\xf1ez;jose@example.org;555 010 0100;Pilsen;San Pablo;Simpatizante;\x93la renta\x94 subi\xf3\r\n' +
      'Mar\xeda;L\xf3pez;;555 010 0200;La Villita;;voluntaria;\r\n';
    const result = importBytes(Buffer.from(text, 'latin1'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('as Windows-1252');
    expect(result.stderr).not.toMatch(/ignored/i);
    expect(people()).toEqual([
      { name: 'José Pérez Ñúñez', email: 'jose@example.org', phone: '555 010 0100', neighborhood: 'Pilsen', organization: 'San Pablo', notes: '“la renta” subió', rung: 'supporter' },
      { name: 'María López', email: null, phone: '555 010 0200', neighborhood: 'La Villita', organization: null, notes: null, rung: 'volunteer' },
    ]);
  });

  it('a Google Forms sheet in Spanish, UTF-8: the whole name in one column', () => {
    const text =
      'Marca temporal,Dirección de correo electrónico,Nombre completo,Número de teléfono,Barrio,Código postal\n' +
      '2026/12/01 19:02:11,ana@example.org,Ana Ruiz,555 010 0300,,60608\n';
    const result = importBytes(text);
    expect(result.code, result.stderr).toBe(0);
    expect(people()).toEqual([
      { name: 'Ana Ruiz', email: 'ana@example.org', phone: '555 010 0300', neighborhood: '60608', organization: null, notes: null, rung: 'contact' },
    ]);
  });

  it('a rung the ladder does not have, in either language, is a bad row with its line', () => {
    const result = importBytes('Nombre,Peldaño\nAna Ruiz,jefa\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^line 2: "jefa" is not a rung on the ladder$/m);
    expect(result.stderr).toMatch(/^oneonone: nothing was imported: 1 bad row \(line 2\)$/m);
  });
});
