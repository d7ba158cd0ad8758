/** El cierre de la reunión en español: la solicitud específica, lo que escuchaste, el peldaño, la red y el seguimiento. */
import { assessmentLabel } from '../assessment.js';
import { DATE_FIELDS, type DebriefParams, type DebriefWords } from '../debrief.js';
import { rungLabel } from '../ladder.js';
import { checklistQuestion, reflectionQuestion } from '../scorecard.js';

const noted = (params: DebriefParams) => (params.noted ? ` Anotado: ${params.noted}.` : '');

/** A question about what was heard; `add` agrees with what it asks for ("Agrega uno", "Agrega una"). */
const HEARD = (question: string, add: string) => (params: DebriefParams) => `${question}${noted(params)} ${add}, o Enter para seguir:`;

const OUTCOME_WORDS: Record<string, string> = { yes: 'sí', maybe: 'tal vez', no: 'no' };

const REFERRAL_KIND_WORDS: Record<string, string> = {
  coworker: 'trabajan juntos', neighbor: 'son vecinos', 'same-building': 'viven en el mismo edificio', family: 'son familia', friend: 'son amigos',
  congregation: 'van a la misma congregación', other: 'de otra manera',
};

const soFar = (list: string | number | undefined) => (list ? ` (hasta ahora: ${list})` : '');

export const DEBRIEF_ES: DebriefWords = {
  intro: () => '\nTerminó la reunión. Ahora el compromiso y lo que escuchaste; cada respuesta se guarda en cuanto la das.',
  ask: () => 'La solicitud específica: ¿qué le pediste exactamente que hiciera? (escribe - si no hiciste ninguna)',
  pivot: () => 'La solicitud más pequeña: ¿qué le pediste en su lugar? (escribe - si no hubo ninguna)',
  'ask-required': () => 'Escríbela en pocas palabras, o - si no hubo ninguna.',
  'ask-due': () => '¿Para cuándo? Un día y una hora, por ejemplo "el próximo viernes a las 5 de la tarde" o "el 2 de febrero a las 5 de la tarde":',
  'ask-barriers': () => '¿Qué se le podría atravesar? (Enter si no hay nada)',
  'ask-support': () => '¿Cómo le vas a ayudar a quitar eso? (un aventón, quién cuide a los niños, un recordatorio, ir juntos…)',
  'ask-outcome': (params) => `¿Qué te respondió a "${params.ask}"?`,
  outcome: (params) => OUTCOME_WORDS[String(params.outcome)] ?? String(params.outcome),
  'after-no': () => 'Un no es normal y está bien: a la mayoría de las solicitudes les dicen que no, y pedir igual muestra que tomas en serio a la persona.',
  'after-no-question': () => '¿Y ahora?',
  'after-no-pivot': () => 'Hice una solicitud más pequeña',
  'after-no-later': () => 'Dejarlo por ahora; acordar un seguimiento al final',
  notes: () => 'Tus notas rápidas, que se guardan a menos que las desmarques (espacio marca o desmarca, Enter confirma):',
  'heard-value': HEARD('¿Qué valores escuchaste? (lo que le importa, en sus palabras)', 'Agrega uno'),
  'heard-interest': HEARD('¿Qué intereses propios escuchaste? (lo que está en juego para su vida)', 'Agrega uno'),
  'heard-issue': HEARD('¿Sobre qué temas estaría dispuesto/a a actuar?', 'Agrega uno'),
  'heard-skill': HEARD('¿Qué habilidades tiene?', 'Agrega una'),
  'heard-capacity': HEARD('¿Cuánta capacidad tiene? (tiempo, energía, lo que carga encima)', 'Agrega algo'),
  agitation: () => 'Agitar: ¿nombraste la distancia entre lo que valora y cómo están las cosas? En una línea (Enter para omitir):',
  story: () => 'La historia tuya que compartiste, en una línea (Enter para omitir):',
  rung: (params) => `¿En qué peldaño de la escalera de participación queda ${params.person} después de esta reunión? (ahora: ${rungLabel(String(params.rung))})`,
  potential: () => '¿Qué potencial de liderazgo tiene, del 1 al 5?',
  'potential-1': () => '1 todavía sin señales',
  'potential-3': () => '3 promete',
  'potential-5': () => '5 puede liderar ya',
  'potential-unsure': () => 'todavía no sé',
  assessment: (params) => `¿Qué postura tiene ${params.person} ante la campaña?`,
  'assessment-level': (params) => `${params.level} ${assessmentLabel(Number(params.level))}`,
  'assessment-unsure': () => 'todavía no sé',
  units: (params) => `¿De qué edificio, lugar de trabajo, turno o congregación es parte?${soFar(params.units)} Un nombre, o Enter para seguir:`,
  'referral-how': (params) => `¿De dónde conoce ${params.person} a ${params.referral}?`,
  'referral-kind': (params) => REFERRAL_KIND_WORDS[String(params.kind)] ?? String(params.kind),
  'referral-how-skip': () => 'omitir (no lo dijo)',
  referrals: (params) => `¿Te conectó con alguien?${soFar(params.referrals)} Un nombre, o Enter para seguir:`,
  'followup-due': () => '¿Cuándo le vas a dar seguimiento? (escribe - si no habrá seguimiento)',
  'followup-text': () => 'Tu próximo paso, como lo vas a hacer:',
  'rung-choice': (params) => `${params.level} ${rungLabel(String(params.rung))}`,
  ...DATE_FIELDS,
  // Read back by the date parser (support/dates-es.ts).
  'suggest-two-days': () => 'en 2 días a las 10 de la mañana',
  'suggest-two-weeks': () => 'en 2 semanas a las 10 de la mañana',
  'suggest-day-after': (params) => `${params.day} 10:00`,
  checklist: () => checklistQuestion(),
  reflection: () => reflectionQuestion(),
};
