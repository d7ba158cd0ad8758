/** Commander's refusals of a command line in Spanish, read back from the shape of its English message. */
import { ARGUMENT_REASONS, type ArgumentReason, type UsageWords } from '../usage.js';

const REASONS_ES: Record<ArgumentReason, string> = {
  positiveMinutes: 'se espera un número positivo de minutos.',
  wholeNumber: 'se espera un número entero.',
  meetingCount: 'se espera un número de reuniones del 1 al 1000.',
  dayCount: 'se espera un número de días de hasta 36500 (100 años).',
  askFirst: 'pon --ask "lo que pediste" antes.',
  askHasOne: 'esta solicitud ya tiene uno; empieza otra con --ask.',
};

/** Each of commander's forms, and its Spanish: the quoted parts (what was typed, an option's flags) kept as they were. */
const FORMS: [RegExp, (...parts: string[]) => string][] = [
  [/^unknown command '(.*)'$/, (name) => `no hay ningún comando '${name}'`],
  [/^unknown option '(.*)'$/, (flag) => `no hay ninguna opción '${flag}'`],
  [/^missing required argument '(.*)'$/, (name) => `falta el argumento '${name}'`],
  [/^option '(.*)' argument missing$/, (flags) => `a la opción '${flags}' le falta su valor`],
  [/^required option '(.*)' not specified$/, (flags) => `falta la opción '${flags}'`],
  [/^option '(.*)' argument '(.*)' is invalid\. (.*)$/s, (flags, value, reason) => `la opción '${flags}' no acepta '${value}': ${reasonEs(reason!)}`],
  [/^option '(.*)' value '(.*)' from env '(.*)' is invalid\. (.*)$/s, (flags, value, variable, reason) => `la opción '${flags}' no acepta '${value}' (de ${variable}): ${reasonEs(reason!)}`],
  [/^command-argument value '(.*)' is invalid for argument '(.*)'\. (.*)$/s, (value, name, reason) => `el argumento '${name}' no acepta '${value}': ${reasonEs(reason!)}`],
  [/^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (command, expected, got) =>
    `${command ? `'${command}' recibió` : 'recibí'} demasiados argumentos: ${expected === '1' ? 'se espera 1' : `se esperan ${expected}`} y ${got === '1' ? 'llegó 1' : `llegaron ${got}`}`],
  [/^(.*) cannot be used with (.*)$/, (one, other) => `${optionEs(one!)} no se puede usar con ${optionEs(other!)}`],
];

function reasonEs(reason: string): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(reason);
  if (choices) return `las opciones son ${choices[1]}.`;
  const known = (Object.keys(ARGUMENT_REASONS) as ArgumentReason[]).find((key) => ARGUMENT_REASONS[key] === reason);
  return known === undefined ? reason : REASONS_ES[known];
}

function optionEs(source: string): string {
  return source.replace(/^option /, 'la opción ').replace(/^environment variable /, 'la variable de entorno ');
}

function suggestionEs(line: string): string {
  return line.replace(/^\(Did you mean one of (.*)\?\)$/, '(¿Quisiste decir uno de $1?)').replace(/^\(Did you mean (.*)\?\)$/, '(¿Quisiste decir $1?)');
}

export const USAGE_ES: UsageWords = {
  hintLabel: 'sugerencia',
  lineLabel: 'línea',
  helpHint: 'agrega --help para ver las opciones del comando y un ejemplo',
  stopped: 'detenido.',
  wentWrong: (message) => `algo salió mal: ${message}`,
  debugHint: 'vuelve a correrlo con ONEONONE_DEBUG=1 para ver los detalles, y avísanos',
  commander: (message) => {
    const [first = '', ...rest] = message.split('\n');
    const form = FORMS.find(([pattern]) => pattern.test(first));
    const said = form ? form[1](...form[0].exec(first)!.slice(1)) : first;
    return [said, ...rest.map(suggestionEs)].join('\n');
  },
};
