/** La escala de la evaluación de campaña en español (docs/glosario.md: "a favor", que no es el peldaño simpatizante). */
import type { AssessmentWords } from '../assessment.js';
import { icu } from './icu.js';

const PERSONAS = icu('{people, plural, one {# persona} other {# personas}}');
const MOVIMIENTOS = icu(
  'Desde el {since}: {firstAssessed, plural, one {# evaluada} other {# evaluadas}} por primera vez, ' +
    '{towardSupport, plural, one {# se acercó} other {# se acercaron}} al apoyo, {awayFromSupport, plural, one {# se alejó} other {# se alejaron}}' +
    '{unassessed, plural, =0 {} one {, # volvió a sin evaluar} other {, # volvieron a sin evaluar}}.',
);
const NIVELES = icu('{count, plural, one {El nivel {levels} vuelve} other {Los niveles {levels} vuelven}} a decir lo de siempre.\nPara deshacerlo: oneonone undo');

export const ASSESSMENT_ES: AssessmentWords = {
  levels: ['sin evaluar', 'muy a favor', 'algo a favor', 'indeciso/a', 'algo en contra', 'en contra'],
  stats: {
    title: 'Dónde está la gente en la campaña',
    noneAssessed: (people) => `Todavía no evaluaste a nadie (${PERSONAS({ people })}). Di dónde está alguien con: oneonone edit NOMBRE --assess 2`,
    notAssessed: (count, people) => `${count} de ${PERSONAS({ people })} sin evaluar.`,
    moves: (since, m) => MOVIMIENTOS({ since, ...m }),
  },
  scale: {
    head: ['nivel', 'palabras', 'de siempre'],
    row: (level, words, original) => [String(level), words, words === original ? '' : original],
    renamed: (level, from, to) =>
      `El nivel ${level} ahora dice "${to}" (decía "${from}") en todas partes: show, people, stats, map, el cierre de la reunión.\nPara deshacerlo: oneonone undo`,
    reset: (levels) => (levels.length === 0
      ? 'Todos los niveles ya dicen lo de siempre; no cambió nada.'
      : NIVELES({ count: levels.length, levels: levels.join(', ') })),
    unchanged: (level, words) => `El nivel ${level} ya dice "${words}"; no cambió nada.`,
    stored: 'Los códigos guardados siguen siendo 0–5: cambiar las palabras de la escala no cambia la evaluación de nadie, solo cómo se lee.',
  },
};
