/** Lo que dice `config`: la lista de ajustes, lo que hicieron set y unset, y sus notas. Las claves y los valores quedan como se escriben. */
import type { ConfigKey, ConfigProblem, Origin, SettingSource } from '../../support/config.js';
import type { ConfigWording, ConfigWords } from '../config.js';
import { icu } from './icu.js';

const FUENTES: Record<SettingSource, string> = {
  flag: 'opción',
  environment: 'entorno',
  'config file': 'archivo de configuración',
  database: 'base de datos',
  default: 'por omisión',
};

/** "la opción", "el entorno": como se dice después de "viene de". */
const DE_LA_FUENTE: Record<SettingSource, string> = {
  flag: 'de la opción',
  environment: 'del entorno',
  'config file': 'del archivo de configuración',
  database: 'de la base de datos',
  default: 'del valor por omisión',
};

const META_CUMPLIDA = icu('Esta semana: {held, plural, one {# reunión uno a uno} other {# reuniones uno a uno}}, cumpliste tu meta de {goal}.');
const META_FALTA = icu('Esta semana: {held} de tu meta de {goal} reuniones uno a uno ({left, plural, one {falta #} other {faltan #}}).');

const ESPERADO: Record<ConfigKey, string> = {
  db: 'un archivo de base de datos (una ruta completa, o una que empiece con ~/) o un URL postgres://',
  language: 'en o es',
  template: 'el nombre de una guía de reunión',
  minutes: 'un número positivo de minutos',
  cadence: 'peldaños y días, p. ej. leader: 14',
  'weekly-goal': 'un número entero de reuniones uno a uno por semana',
  'count-questions': 'true o false',
};

const EJEMPLO: Record<ConfigKey, string> = {
  db: '~/organizacion/oneonone.db',
  language: 'es',
  template: 'reunion-uno-a-uno',
  minutes: '45',
  cadence: 'leader=14,volunteer=30,other=60',
  'weekly-goal': '8',
  'count-questions': 'true',
};

const ajustes = (keys: readonly string[]) => `los ajustes son ${keys.join(', ')}`;
const quisiste = (closest: string | null | undefined) => (closest ? `¿quisiste decir '${closest}'? ` : '');
/** The limit support/config.ts gives in English ("up to 480", "from 1 to 100"), said in Spanish. */
const limite = (limit: string) => limit.replace(/^up to (\d+)$/, 'hasta $1').replace(/^from (\d+) to (\d+)$/, 'de $1 a $2');

function donde(origin: Origin): string {
  if (origin.kind === 'file') return `archivo de configuración ${origin.file}${origin.line === undefined ? '' : `, línea ${origin.line}`}: `;
  if (origin.kind === 'environment') return `${origin.variable}: `;
  return '';
}

function problema(problem: ConfigProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return `no se puede leer (${problem.reason})`;
    case 'invalid-yaml':
      return `no es YAML válido${problem.col === undefined ? '' : ` (columna ${problem.col})`}: ${problem.reason}`;
    case 'not-mapping':
      return `debe ser una lista de ajustes, uno por línea como "clave: valor" (tiene ${problem.got})`;
    case 'unknown-key':
      return `'${problem.key}' no es un ajuste que oneonone conozca`;
    case 'no-value':
      return `${problem.key} no tiene valor`;
    case 'wrong-value':
      return `${problem.key} debe ser ${ESPERADO[problem.key]}${problem.limit ? `, ${limite(problem.limit)}` : ''} (tiene ${problem.got})`;
    case 'relative-path':
      return `db debe ser una ruta completa, una que empiece con ~/, o un URL postgres:// (tiene ${problem.got})`;
    case 'unknown-template':
      return `no hay ninguna guía de reunión llamada '${problem.name}'`;
    case 'unknown-rung':
      return `cadence: '${problem.name}' no es un peldaño de la escalera`;
    case 'bad-days':
      return `cadence: a ${problem.rung} hay que verlo cada 1 a ${problem.most} días enteros (tiene ${problem.got})`;
    case 'named-twice':
      return `cadence nombra ${problem.rung} dos veces`;
  }
}

function pista(origin: Origin, problem: ConfigProblem, keys: readonly string[]): string {
  const arreglo = origin.kind === 'file' ? `corrígelo en ${origin.file}` : origin.kind === 'environment' ? `corrige o quita ${origin.variable}` : '';
  switch (problem.kind) {
    case 'unreadable':
      return 'revisa los permisos del archivo, o muévelo a otro lado';
    case 'invalid-yaml':
    case 'not-mapping':
      return `${arreglo}: cada orden lo lee; cada línea es un ajuste como "minutes: 45" (${ajustes(keys)})`;
    case 'unknown-key':
      return `${quisiste(problem.closest)}${ajustes(keys)}`;
    case 'unknown-template':
      return `${quisiste(problem.closest)}${arreglo ? `${arreglo}; ` : ''}las guías son ${problem.names.join(', ')} (ver: oneonone templates)`;
    case 'unknown-rung':
    case 'bad-days':
    case 'named-twice':
      return `${origin.kind === 'command line' ? 'p. ej. oneonone config set cadence leader=14,volunteer=30,other=60' : `${arreglo}, p. ej. cadence: { leader: 14, volunteer: 30, other: 60 }`} (peldaños: contact, supporter, participant, volunteer, leader, organizer, u other)`;
    default: {
      const key = problem.key;
      if (origin.kind === 'command line') return `p. ej. oneonone config set ${key} ${EJEMPLO[key]}`;
      if (origin.kind === 'environment') return `${arreglo}, p. ej. ${origin.variable}=${EJEMPLO[key]}`;
      return `${arreglo}, p. ej. ${key}: ${EJEMPLO[key]}; o sácalo con: oneonone config unset ${key}`;
    }
  }
}

export const CONFIG_ES: ConfigWords = {
  headers: ['ajuste', 'valor', 'de dónde viene'],
  sources: FUENTES,
  atLine: (source, line) => `${source}, línea ${line}`,
  none: '(ninguno)',
  saved: (key, value, file) => `Se guardó ${key}: ${value} en ${file} (solo tú lo puedes leer).`,
  unset: (key, file, was) => (was ? `Se sacó ${key} de ${file}; vuelve a valer el de por omisión.` : `${key} no está en ${file}; no hay nada que sacar.`),
  shadowed: (key, source, from) => `nota: por ahora ${key} viene ${DE_LA_FUENTE[source]}${from ? ` (${from})` : ''}, que vale más que el archivo de configuración`,
  cadenceInDatabase: "nota: esta base de datos tiene su propia frecuencia (fijada con 'oneonone followups --cadence'), que vale más que la del archivo de configuración",
  cadenceUnread: (reason) => `nota: no se pudo leer la frecuencia propia de la base de datos (${reason}); se muestra la del archivo de configuración o la de por omisión`,
  noFileYet: (file) => `Todavía no hay archivo de configuración; cada ajuste vale lo de por omisión. 'oneonone config set CLAVE VALOR' crea ${file}.`,
  notSet: (key, meaning) => `${key} no está fijado: ${meaning}.`,
  defaultMeanings: {
    template: "start pregunta qué guía seguir (reunion-uno-a-uno primero); log registra 'reunion-uno-a-uno'",
    minutes: 'lo que dura la guía',
    'weekly-goal': 'stats no muestra ninguna meta',
    'count-questions': 'las teclas q y r solo con una guía que dice countQuestions: true',
  },
  noValue: 'sin valor',
  serverGoalNote: 'en un servidor de equipo la meta semanal es la que fijó tu equipo (ver: oneonone team week); stats deja fuera la del archivo de configuración',
  spanishNotYet:
    'nota: oneonone ya habla español; todavía en inglés está lo que dice import de una hoja de contactos, relaciones o unidades (--json está en inglés en todos los idiomas)',
  cadenceFrom: (source, file) => {
    if (source === 'database') return '(la frecuencia fijada para esta base de datos con --cadence)';
    if (source === 'config file') return `(del archivo de configuración ${file}; esta base de datos no tiene frecuencia propia)`;
    return '(la de por omisión)';
  },
  goal: (held, goal) => (held >= goal ? META_CUMPLIDA({ held, goal }) : META_FALTA({ held, goal, left: goal - held })),
  refusal: (origin, problem, keys): ConfigWording => ({ message: `${donde(origin)}${problema(problem)}`, hint: pista(origin, problem, keys) }),
  unknownKey: (key, closest, keys) => ({ message: `'${key}' no es un ajuste que oneonone conozca`, hint: `${quisiste(closest)}${ajustes(keys)}` }),
};
