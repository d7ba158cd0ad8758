/** The web's, the map's and the scale's refusals in Spanish, each an object of its English set's shape. */
import type { ScaleRefusalWords } from '../assessment.js';
import type { MapRefusalWords } from '../map.js';
import type { WebRefusalWords } from '../web.js';
import { RELATIONSHIP_KINDS, TOUCH_KINDS, UNIT_KINDS } from '../../store/contract-web.js';

export const WEB_REFUSALS_ES: WebRefusalWords = {
  badTouch: (input) => ({ message: `"${input}" no es una forma de contacto`, hint: `--by acepta una de: ${TOUCH_KINDS.join(', ')}` }),
  touchInFuture: (input) => ({
    message: `la fecha del contacto "${input}" todavía no llega`,
    hint: 'touch anota contactos que ya pasaron; planea el siguiente con: oneonone log NOMBRE --followup "el viernes a las 6 de la tarde"',
  }),
  self: (name, id) => ({ message: `${name} (#${id}) no puede tener una relación consigo`, hint: 'nombra a dos personas distintas: oneonone relate "Ana Ruiz" "Bo Chen" --as coworker' }),
  badKind: (input) => ({ message: `"${input}" no es un tipo de relación`, hint: `--as acepta uno de: ${RELATIONSHIP_KINDS.join(', ')}` }),
  nothingToEnd: (a, b, kind) => ({
    message: `${a} y ${b} no tienen ${kind ? `una relación ${kind}` : 'ninguna relación'} anotada que terminar`,
    hint: `mira a quién conoce ${a} con: oneonone show "${a}"`,
  }),
  badUnitKind: (input) => ({ message: `"${input}" no es un tipo de unidad`, hint: `una unidad es una de: ${UNIT_KINDS.join(', ')}` }),
  badSize: (input) => ({
    message: `"${input}" no es un tamaño`,
    hint: 'el tamaño es cuántos inquilinos, trabajadores o miembros tiene, un número entero desde 1 ("" lo borra)',
  }),
  noUnit: (input, close) => ({
    message: `no hay ninguna unidad llamada "${input}"`,
    hint: close.length ? `¿quisiste decir ${close.map((name) => `"${name}"`).join(' o ')}?` : 'mira las unidades con: oneonone units',
  }),
  unitTaken: (name) => ({ message: `ya hay una unidad llamada ${name}`, hint: `cámbiala con: oneonone units edit "${name}" --kind building --size 40` }),
  unitKindDiffers: (name, kind, wanted) => ({
    message: `${name} ya es una unidad, de tipo ${kind}: --unit-kind ${wanted} da el tipo de una nueva`,
    hint: `cambia su tipo con: oneonone units edit "${name}" --kind ${wanted}`,
  }),
  unitKindAlone: { message: '--unit-kind da el tipo de la unidad que crea --unit', hint: 'por ejemplo oneonone edit ana --unit "Edificio 12" --unit-kind building' },
  emptyUnitName: { message: 'una unidad necesita un nombre', hint: 'por ejemplo --unit "Edificio 12" (un edificio, lugar de trabajo, turno, escuela, congregación o cuadra)' },
  nothingToChange: { message: 'no hay nada que cambiar: da --kind, --size o --name', hint: 'por ejemplo oneonone units edit "Edificio 12" --kind building --size 40' },
  notInUnit: (person, unit) => ({ message: `${person} no está en ${unit}`, hint: `mira sus lugares con: oneonone show "${person}"` }),
};

export const MAP_REFUSALS_ES: MapRefusalWords = {
  noStart: { message: 'map necesita una persona o una unidad', hint: 'por ejemplo oneonone map "Ana Ruiz", o oneonone map --unit "Edificio 12"' },
  bothStarts: (person, unit) => ({
    message: `map toma una persona o --unit, no las dos ("${person}" y --unit "${unit}")`,
    hint: `el mapa alrededor de la persona: oneonone map "${person}"; alrededor de la unidad: oneonone map --unit "${unit}"`,
  }),
  twoOnStdout: (given) => ({ message: `solo una de ${given.join(' y ')} puede ir a la salida estándar`, hint: 'escribe la otra en un archivo, por ejemplo --svg mapa.svg' }),
  outIsFolder: (option, file) => ({ message: `no puedo escribir ${file}: es una carpeta`, hint: `da un nombre de archivo, por ejemplo ${option} mapa.${option.slice(2)}` }),
  outIsDatabase: (option, file) => ({ message: `${option} ${file} es tu propia base de datos`, hint: `elige otro archivo, por ejemplo ${option} mapa.${option.slice(2)}` }),
  noFolder: (file, folder) => ({ message: `no puedo escribir ${file}: la carpeta ${folder} no existe`, hint: 'crea la carpeta primero, o elige otro archivo' }),
};

export const SCALE_REFUSALS_ES: ScaleRefusalWords = {
  badLevel: (given) => ({ message: `"${given}" no es un nivel que se pueda renombrar`, hint: 'los niveles son del 1 al 5 (el 0, sin evaluar, conserva sus palabras)' }),
  badWords: (given) => ({
    message: `"${given}" no sirve como nombre de un nivel`,
    hint: 'unas pocas palabras en una línea, de 40 caracteres a lo sumo, sin empezar con un dígito, por ejemplo oneonone scale rename 2 "algo a favor"',
  }),
  taken: (words, level) => ({ message: `el nivel ${level} ya se llama "${words}"`, hint: 'dos niveles necesitan dos nombres distintos' }),
};
