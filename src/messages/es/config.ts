/** Lo que dice `config`: la lista de ajustes, lo que hicieron set y unset, y sus notas. Las claves y los valores quedan como se escriben. */
import type { SettingSource } from '../../support/config.js';
import type { ConfigWords } from '../config.js';
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
  spanishNotYet: '',
  cadenceFrom: (source, file) => {
    if (source === 'database') return '(la frecuencia fijada para esta base de datos con --cadence)';
    if (source === 'config file') return `(del archivo de configuración ${file}; esta base de datos no tiene frecuencia propia)`;
    return '(la de por omisión)';
  },
  goal: (held, goal) => (held >= goal ? META_CUMPLIDA({ held, goal }) : META_FALTA({ held, goal, left: goal - held })),
};
