/**
 * Issue 13: the web of relationships in Spanish through the built binary: what relate, unrelate, touch and units say
 * they did, the units table, the power map's tree, summary and picture (the DOT text and the SVG Graphviz draws from
 * it), the structure test chart, and the lines of "whom they know" a profile shows. Each screen is run in English too,
 * where the same list of English words is found, so the test can fail.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

const SPANISH = { LANG: 'es_MX.UTF-8' };
/** The English words of these screens, whole words. */
const ENGLISH = /\b(Recorded|Undo|Already|nothing changed|Marked ended|are coworkers|are friends|leads|led by|referred|coworker|friend|Added the unit|Corrected the unit|building|worksite|size|Unit|Kind|Size|People known|Known|Assessed|Supporters|Majority|Still needed|Leaders|Not led|people|ties|within|Power map|Legend|Colour|Double border|see above|supporters|majority|leader|volunteer|contact|since|Knows|Places|Other contacts|door)\b/;

let box: Sandbox;

/** A screen's words without the commands it suggests (`oneonone relate A B --as leads`), whose codes stay English. */
function ownWords(text: string): string {
  return text.replace(/oneonone [^\n)]*/g, '');
}

function both(args: string[]): { es: string; en: string } {
  const es = box.run(args, { env: SPANISH });
  const en = box.run(args);
  expect(es.code, es.stderr).toBe(0);
  expect(en.code, en.stderr).toBe(0);
  return { es: es.stdout + es.stderr, en: en.stdout + en.stderr };
}

function spanishOnly(screen: { es: string; en: string }): string {
  expect(ownWords(screen.es), screen.es).not.toMatch(ENGLISH);
  expect(ownWords(screen.en), screen.en).toMatch(ENGLISH);
  return screen.es;
}

beforeEach(() => {
  box = sandbox();
  for (const args of [
    ['log', 'Ana Ruiz', '--note', 'met', '--rung', 'leader', '--assess', '1', '--referral', 'Dee Park'],
    ['log', 'Bo Chen', '--note', 'met', '--rung', 'volunteer', '--assess', '2'],
    ['log', 'Carla Díaz', '--note', 'met'],
    ['units', 'add', 'Building 12', '--kind', 'building', '--size', '30'],
  ]) expect(box.run(args).code).toBe(0);
});
afterEach(() => box.cleanup());

describe('the web in Spanish', () => {
  it('relate, unrelate, touch and units say what they did in Spanish, the kinds as labels', () => {
    const related = box.run(['relate', 'ana', 'bo', '--as', 'coworker'], { env: SPANISH });
    expect(related.stderr).toBe('Anotado: Ana Ruiz y Bo Chen trabajan en el mismo lugar.\nDeshazlo con: oneonone undo\n');
    expect(box.run(['relate', 'carla', 'ana', '--as', 'leads'], { env: SPANISH }).stderr).toContain('Anotado: Carla Díaz lidera a Ana Ruiz.');
    expect(spanishOnly(both(['relate', 'ana', 'bo', '--as', 'coworker']))).toMatch(/^Ya estaba anotado: Ana Ruiz y Bo Chen trabajan en el mismo lugar \(desde el \S+ \d+ \S+ \d{4}\); no cambió nada\./);
    expect(box.run(['relate', 'bo', 'carla', '--as', 'friend'], { env: SPANISH }).code).toBe(0);
    const ended = box.run(['unrelate', 'bo', 'carla'], { env: SPANISH });
    expect(ended.stderr).toContain('Marcado como terminado: "Bo Chen y Carla Díaz son amigos"');
    expect(ownWords(ended.stderr)).not.toMatch(ENGLISH);

    const touched = box.run(['touch', 'ana', '--by', 'door', '--note', 'no abrió'], { env: SPANISH });
    expect(touched.stderr).toMatch(/^Anotado: una visita a la puerta de Ana Ruiz, .+ \(no abrió\)\. No es una reunión uno a uno/);
    expect(ownWords(touched.stderr)).not.toMatch(ENGLISH);

    const corrected = box.run(['units', 'edit', 'Building 12', '--kind', 'worksite', '--size', ''], { env: SPANISH });
    expect(corrected.stderr).toContain('Corregiste la unidad Building 12:\n  tipo: edificio → lugar de trabajo\n  tamaño: 30 → (ninguno)\n');
    const added = box.run(['units', 'add', 'Turno B', '--kind', 'shift', '--size', '12'], { env: SPANISH });
    expect(added.stderr).toContain('Agregaste la unidad Turno B (turno, tamaño 12).');
    const units = spanishOnly(both(['units']));
    expect(units).toMatch(/│ Unidad +│ Tipo +│ Tamaño +│ Personas conocidas +│/);
    expect(units).toMatch(/│ Building 12 +│ lugar de trabajo +│ — +│ 0 +│/);
  });

  it('the map: the tree, the summary, and the DOT and SVG labels and legend', () => {
    for (const args of [['relate', 'ana', 'bo', '--as', 'coworker'], ['relate', 'carla', 'ana', '--as', 'leads']]) expect(box.run(args).code).toBe(0);
    const tree = spanishOnly(both(['map', 'ana']));
    expect(tree).toContain([
      'Ana Ruiz  (líder · 1 muy a favor)',
      '├─ compañero/a de trabajo  Bo Chen  (voluntario/a · 2 algo a favor)',
      '├─ su líder  Carla Díaz  (contacto · sin evaluar)',
      '└─ refirió a  Dee Park  (contacto · sin evaluar)',
    ].join('\n'));
    expect(tree).toContain('4 personas y 3 lazos, hasta a 2 lazos de Ana Ruiz.');
    expect(spanishOnly(both(['map', 'carla', '--depth', '1']))).toContain('└─ lidera a  Ana Ruiz  (líder · 1 muy a favor)');

    const dot = spanishOnly(both(['map', 'ana', '--dot', '-']));
    expect(dot).toContain('label="Mapa de poder: hasta a 2 lazos de Ana Ruiz"');
    expect(dot).toMatch(/label="Ana Ruiz\\nlíder"/);
    expect(dot).toContain('[label="compañero/a de trabajo", dir=none]');
    expect(dot).toContain('label="Leyenda"');

    const svgFile = join(box.dir, 'mapa.svg');
    const written = box.run(['map', 'ana', '--svg', svgFile], { env: SPANISH });
    expect(written.stderr).toContain(`Escribí el mapa en ${svgFile} (solo tú puedes leerlo).`);
    const texts = [...readFileSync(svgFile, 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(texts).toEqual(expect.arrayContaining(['Mapa de poder: hasta a 2 lazos de Ana Ruiz', 'Leyenda', 'lidera a', 'refirió a', 'compañero/a de trabajo', 'voluntario/a', 'simpatizante', 'Color: su postura']));
    expect(texts.join('\n')).not.toMatch(ENGLISH);
  });

  it('the structure chart and one unit in full, and the profile\'s ties and places', () => {
    for (const args of [['edit', 'ana', '--unit', 'Building 12'], ['edit', 'bo', '--unit', 'Building 12'], ['relate', 'ana', 'bo', '--as', 'leads']]) {
      const result = box.run(args);
      expect(result.code, result.stderr).toBe(0);
    }
    const chart = spanishOnly(both(['structure']));
    expect(chart).toMatch(/│ Unidad +│ Conocidas +│ Evaluadas +│ A favor \(1–2\) +│ Mayoría +│ Faltan +│ Líderes +│ Sin líder +│ Uno a uno, 30 días +│/);
    expect(chart).toMatch(/│ Building 12 +│ 2 de 30 +│ 2 \(100\u00a0%\) +│ 2 \(7\u00a0%\) +│ 16 +│ 14 +│ 1 de 3 +│ 0 +│ 2 +│/);
    const unit = spanishOnly(both(['structure', '--unit', 'Building 12']));
    expect(unit).toContain('2 personas a favor de 30: faltan 14 más para la mayoría (16).');
    expect(unit).toContain('  Ana Ruiz lidera a 1: Bo Chen');

    const shown = box.run(['show', 'ana'], { env: SPANISH }).stdout;
    expect(shown).toMatch(/\nConoce a\n {2}lidera a: Bo Chen \(#\d+\), desde el /);
    expect(shown).toMatch(/\nLugares\n {2}Building 12 \(edificio, tamaño 30\), desde el /);
  });
});
