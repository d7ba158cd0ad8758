/** El mapa de poder en español: el árbol, el resumen, el título y la leyenda del dibujo (el SVG de Graphviz los lleva tal cual). */
import type { MapWords } from '../map.js';
import { icu } from './icu.js';
import { WEB_ES } from './web.js';

const PERSONAS = icu('{count, plural, one {# persona} other {# personas}}');
const LAZOS = icu('{count, plural, one {# lazo} other {# lazos}}');
const DE_LAS = icu('{count, plural, one {de la # persona} other {de las # personas}}');
const QUEDARON = icu('{count, plural, one {quedó fuera # persona más} other {quedaron fuera # personas más}}');
const people = (count: number) => PERSONAS({ count });
const ties = (count: number) => LAZOS({ count });
/** A full stop, unless the sentence ends with one already (initials: "… de A. R."). */
const stop = (sentence: string) => (sentence.endsWith('.') ? sentence : `${sentence}.`);

export const MAP_ES: MapWords = {
  directed: { leads: 'lidera a', ledBy: 'su líder', referred: 'refirió a', referredBy: 'referido/a por' },
  graphName: 'mapa de poder',
  again: '(ver arriba)',
  unitHead: (name, kind, size) => `${name} (${WEB_ES.unitFacts({ kind, size })})`,
  summary: (count, tieCount, depth, start) => {
    const held = `${people(count)} y ${ties(tieCount)}`;
    if ('person' in start) return depth === 0 ? `${held}: solo ${start.person} (--depth 0).` : stop(`${held}, hasta a ${ties(depth)} de ${start.person}`);
    return depth === 0 ? stop(`${held} entre la gente de ${start.unit}`) : stop(`${held}, hasta a ${ties(depth)} ${DE_LAS({ count: start.members })} de ${start.unit}`);
  },
  leftOut: (most, leftOut, depth, reached) =>
    `El mapa tiene a las ${most} más cercanas; ${QUEDARON({ count: leftOut })} hasta a ${ties(depth)}${reached > 0 ? ` (--depth ${reached - 1} muestra menos)` : ''}.`,
  noTies: (name) =>
    `${name} todavía no tiene lazos anotados. Agrega uno con: oneonone relate "${name}" "Bo Chen" --as coworker (o un contacto referido: oneonone log "${name}" --referral "Bo Chen")`,
  emptyUnit: (unit) => `Todavía nadie del registro pertenece a ${unit}. Pon a alguien en ella con: oneonone edit NOMBRE --unit "${unit}"`,
  wrote: (file) => `Escribí el mapa en ${file} (solo tú puedes leerlo).`,
  title: (depth, start) => {
    const from = 'person' in start ? start.person : start.unit;
    return depth === 0 ? `Mapa de poder: ${from}` : `Mapa de poder: hasta a ${ties(depth)} de ${from}`;
  },
  legendTitle: 'Leyenda',
  legendStanding: 'Color: su postura',
  legendRungs: 'Tamaño: su peldaño en la escalera',
  legendStart: 'Borde doble: donde empieza el mapa',
  legendLines: ['Flecha: lidera a (desde quien lidera)', 'Flecha punteada: refirió a (desde quien trajo a la persona)', 'Línea sencilla: se conocen, como dice la etiqueta'],
};
