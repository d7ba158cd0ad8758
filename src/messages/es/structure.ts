/** La prueba de estructura en español: la tabla por unidad, cómo se cuenta, y los líderes de una unidad con a quién lideran. */
import { PEOPLE_PER_LEADER, RECENT_DAYS } from '../../people/structure.js';
import type { StructureWords } from '../structure.js';
import { FORMAT_ES } from './format.js';
import { icu } from './icu.js';
import { WEB_ES } from './web.js';

const share = (count: number, of: number | null) => (of === null ? String(count) : `${count} (${FORMAT_ES.share(of)})`);
const SIN_LIDER = icu('{count, plural, =0 {Todos los miembros tienen un líder que los lidera} one {# miembro no tiene un líder que lo lidere} other {# miembros no tienen un líder que los lidere}}');
const A_FAVOR = icu('{count, plural, one {# persona a favor} other {# personas a favor}}');
const FALTAN = icu('{count, plural, one {falta # más} other {faltan # más}}');

export const STRUCTURE_ES: StructureWords = {
  head: ['Unidad', 'Conocidas', 'Evaluadas', 'A favor (1–2)', 'Mayoría', 'Faltan', 'Líderes', 'Sin líder', `Uno a uno, ${RECENT_DAYS} días`],
  row: (line) => [
    line.name,
    line.size === null ? `${line.known} (tamaño desconocido)` : `${line.known} de ${line.size}`,
    share(line.assessed, line.figures.assessedShare),
    share(line.supporters, line.figures.supporterShare),
    String(line.figures.majority),
    line.figures.stillNeeded === 0 ? 'ninguna: hay mayoría' : String(line.figures.stillNeeded),
    `${line.leaders} de ${line.figures.leadersNeeded}`,
    String(line.figures.unled),
    String(line.recentOneOnOnes),
  ],
  noUnits: 'Todavía no hay unidades, así que no hay estructura que probar. Pon a la gente en un edificio o lugar de trabajo con: oneonone edit NOMBRE --unit "Edificio 12" (y su tamaño con: oneonone units edit "Edificio 12" --size 40)',
  countedAgainst: [
    'Una mayoría es más de la mitad del tamaño de la unidad (de la gente conocida, si no tiene tamaño); a favor son quienes tienen evaluación 1 o 2.',
    `Líder es quien está en el peldaño de líder o lidera a alguien (oneonone relate A B --as leads); uno por cada ${PEOPLE_PER_LEADER} personas, más o menos.`,
  ].join('\n'),
  moreDetail: 'Los líderes de cada unidad y a quién lideran: oneonone structure --unit NOMBRE',
  unitTitle: (name, kind, size) => `${name} (${WEB_ES.unitFacts({ kind, size })})`,
  leadersTitle: 'Líderes y a quién lideran',
  noLeaders: (name) => `Todavía no hay líderes en ${name}: búscalos en las reuniones uno a uno (oneonone leaders) y luego: oneonone relate LÍDER MIEMBRO --as leads`,
  leaderLine: (name, leads) => (leads.length === 0 ? `${name}: todavía no lidera a nadie aquí` : `${name} lidera a ${leads.length}: ${leads.join(', ')}`),
  leaderGap: (figures) =>
    `${SIN_LIDER({ count: figures.unled })}. Con un líder por cada ${PEOPLE_PER_LEADER} personas, más o menos, la unidad necesita ${figures.leadersNeeded}${figures.leadersMissing > 0 ? `: ${FALTAN({ count: figures.leadersMissing })}` : ', y los tiene'}.`,
  majorityLine: (figures, supporters) =>
    figures.stillNeeded === 0
      ? `${A_FAVOR({ count: supporters })} de ${figures.base}: hay mayoría (se necesitan ${figures.majority}).`
      : `${A_FAVOR({ count: supporters })} de ${figures.base}: ${FALTAN({ count: figures.stillNeeded })} para la mayoría (${figures.majority}).`,
};
