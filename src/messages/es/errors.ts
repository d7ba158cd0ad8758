/** Every refusal the domain and the commands make, in Spanish: the same codes as errors.ts, so none can be missing. */
import { NOTE_TAGS } from '../../meeting/tags.js';
import { MAX_CADENCE_DAYS } from '../../people/cadence.js';
import { IMPORT_FIELDS } from '../../people/import.js';
import { RUNGS } from '../../people/ladder.js';
import type { TemplateProblem, ValueSeen, WriteProblem } from '../../support/errors.js';
import { assessmentScale } from '../assessment.js';
import type { ErrorCatalogue } from '../errors.js';
import { RUNG_WORDS_ES } from './ladder.js';

/**
 * What each checked text is, as the code calls it (the `field` of a refusal), with its article: "el nombre está en
 * blanco". A field not here is shown as given; a note named by its option ("--value note") keeps the option as typed.
 */
const FIELDS_ES: Record<string, string> = {
  name: 'el nombre',
  'referral name': 'el nombre de la persona referida',
  'referrer name': 'el nombre de quien hizo la referencia',
  'unit name': 'el nombre de la unidad',
  note: 'la nota',
  agitation: 'la agitación',
  'rung reason': 'el motivo del peldaño',
  reason: 'el motivo',
  ask: 'la solicitud',
  'planned ask': 'la solicitud planeada',
  'follow-up': 'el seguimiento',
  'follow-up note': 'la nota del seguimiento',
  support: 'el apoyo',
  barriers: 'los obstáculos',
  reflection: 'la reflexión',
  "coach's note": 'la nota de tu coach',
  place: 'el lugar',
  answer: 'la respuesta',
  phone: 'el teléfono',
  neighborhood: 'el barrio',
  organization: 'la organización',
  notes: 'las notas',
};

function fieldEs(field: string): string {
  const option = /^(--[a-z-]+) note$/.exec(field);
  return option ? `la nota de ${option[1]}` : (FIELDS_ES[field] ?? field);
}

const CADENCE_HINT = `por ejemplo --cadence leader=14,volunteer=30,other=60 (días enteros del 1 al ${MAX_CADENCE_DAYS}; peldaños: ${RUNGS.join(', ')}, u other)`;
const RUNG_HINT = `usa uno de ${RUNGS.map((rung, index) => `${index + 1} ${RUNG_WORDS_ES[rung][0]}`).join(', ')}`;
const NAME_HINT = 'escribe el nombre como texto simple';
const SEE_OPEN = 'mira lo pendiente con: oneonone followups --all';
const ON_RECORD = 'no hay una terminal donde preguntar';

export const ERRORS_ES: ErrorCatalogue = {
  'rung.unknown': ({ input }) => ({ message: `"${input}" no es un peldaño de la escalera`, hint: RUNG_HINT }),

  'cadence.empty': ({ input }) => ({ message: `"${input}" no da ninguna frecuencia`, hint: CADENCE_HINT }),
  'cadence.not-rung-days': ({ part }) => ({ message: `"${part}" no tiene la forma peldaño=días`, hint: CADENCE_HINT }),
  'cadence.unknown-rung': ({ name }) => ({ message: `"${name}" no es un peldaño de la escalera`, hint: CADENCE_HINT }),
  'cadence.named-twice': ({ rung }) => ({ message: `la frecuencia da ${rung} dos veces`, hint: CADENCE_HINT }),
  'cadence.bad-counts': ({ given }) => ({
    message: `counts=${given} no es algo que la frecuencia cuente`,
    hint: 'counts=contacts (una llamada o tocar la puerta reinicia el reloj, como una reunión uno a uno) o counts=one-on-ones',
  }),
  'cadence.bad-days': ({ days, rung, most }) => ({
    message: `"${days}" días para ${rung} no es un número entero de días del 1 al ${most}`,
    hint: CADENCE_HINT,
  }),

  'name.empty': ({ field }) => ({ message: `${fieldEs(field)} está en blanco`, hint: 'escribe el nombre de la persona, por ejemplo "Ana Ruiz"' }),
  'name.control-characters': ({ field }) => ({ message: `${fieldEs(field)} tiene caracteres de control`, hint: NAME_HINT }),
  'name.direction-controls': ({ field }) => ({
    message: `${fieldEs(field)} tiene controles invisibles de dirección del texto`,
    hint: `${NAME_HINT}; los nombres en árabe, hebreo y otras escrituras de derecha a izquierda se ven bien sin ellos`,
  }),
  'name.too-long': ({ field, length, most }) => ({
    message: `${fieldEs(field)} tiene ${length} caracteres; el máximo es ${most}`,
    hint: 'acórtalo; pon lo demás en una nota',
  }),

  'text.empty': ({ field }) => ({ message: `${fieldEs(field)} está en blanco`, hint: `escribe ${fieldEs(field)} con palabras, o quita la opción` }),
  'text.control-characters': ({ field }) => ({
    message: `${fieldEs(field)} tiene caracteres de control`,
    hint: 'escríbelo como texto simple (los saltos de línea y las tabulaciones sí se pueden)',
  }),
  'text.too-long': ({ field, length, most }) => ({
    message: `${fieldEs(field)} tiene ${length} caracteres; el máximo es ${most}`,
    hint: 'divídelo en varias notas',
  }),
  'potential.out-of-range': ({ given }) => ({
    message: `el potencial de liderazgo es un número entero del 1 al 5 (recibí ${given})`,
    hint: '1 = todavía sin señales, 3 = promete, 5 = lista o listo para liderar ya',
  }),
  'assessment.out-of-range': ({ given }) => ({
    message: `una evaluación es un número entero del 0 al 5 (recibí ${given})`,
    hint: assessmentScale(),
  }),
  'email.invalid': ({ input }) => ({ message: `"${input}" no es una dirección de correo`, hint: 'por ejemplo ana@example.org' }),

  'import.map-not-pair': ({ mapping }) => ({
    message: `--map "${mapping}" no tiene la forma encabezado=campo`,
    hint: `por ejemplo --map "Celular=phone"; los campos: ${IMPORT_FIELDS.join(', ')}`,
  }),
  'import.map-unknown-field': ({ mapping, field }) => ({
    message: `--map "${mapping}": "${field}" no es un campo que oneonone conozca`,
    hint: `los campos son ${IMPORT_FIELDS.join(', ')}`,
  }),
  'import.map-no-column': ({ header, field, columns }) => ({
    message: `--map "${header}=${field}": el archivo no tiene ninguna columna "${header}"`,
    hint: `sus columnas son ${quotedList(columns)}`,
  }),
  'import.no-name-column': ({ columns }) => ({
    message: 'el archivo no tiene una columna de nombres',
    hint: `ponle "Nombre" a una columna (o "Nombre" y "Apellidos"), o señálala con --map "Tu encabezado=name"; sus columnas son ${quotedList(columns)}`,
  }),
  'import.name-shared': ({ name, ids }) => ({
    message: `${ids.length} personas se llaman "${name}" (${ids.map((id) => `#${id}`).join(', ')}); agrega un correo o un teléfono para decir cuál`,
  }),

  'meeting.length-out-of-range': ({ minutes, most, template, lengths }) => ({
    message: `una reunión dura más de 0 y a lo sumo ${most} minutos (recibí ${minutes})`,
    hint: `'${template}' está pensada para ${lengths.join(' o ')} minutos`,
  }),
  'meeting.too-short': ({ minutes, phases, template }) => ({
    message: `${minutes} minutos no alcanzan para las ${phases} fases de '${template}'`,
    hint: 'cada fase necesita al menos un segundo',
  }),

  'template.invalid': ({ file, path, problem }) => ({
    message: `la guía ${file.split(/[\\/]/).pop()}${path ? `, ${path}` : ''}: ${templateProblemEs(problem)}`,
    hint: `corrige ${file} o quítalo; mira 'oneonone templates show agenda' para ver una guía que funciona`,
  }),
  'templates.not-found': ({ name, closest, names }) => ({
    message: `no hay ninguna guía llamada '${name}'`,
    hint: `${closest ? `¿quisiste decir '${closest}'? ` : ''}las que hay: ${names.join(', ')}`,
  }),
  'templates.same-name': ({ name, first, second }) => ({
    message: `las guías ${first} y ${second} se llaman las dos '${name}'`,
    hint: 'cámbiale el nombre a una o quítala',
  }),
  'templates.folder-unreadable': ({ dir, reason }) => ({ message: `no puedo leer la carpeta de guías ${dir}: ${reason}` }),
  'templates.file-unreadable': ({ file, reason }) => ({ message: `no puedo leer la guía ${file}: ${reason}`, hint: 'corrige el archivo o quítalo' }),
  'templates.show-needs-name': () => ({
    message: '¿cuál guía? templates show necesita un nombre',
    hint: 'por ejemplo oneonone templates show agenda; míralas todas con: oneonone templates',
  }),
  'templates.unknown-use': ({ words }) => ({ message: `no sé qué hacer con templates "${words}"`, hint: 'oneonone templates, o oneonone templates show NOMBRE' }),
  'limit.zero': () => ({ message: '--limit tiene que ser al menos 1', hint: 'por ejemplo --limit 50' }),

  'id.not-on-list': ({ input, bare }) => ({
    message: `"${input}" no es un id de la lista de seguimientos`,
    hint: bare !== null
      ? `ponle la letra delante: F${bare} (seguimiento), A… (revisar una solicitud) o C… (recordatorio de reunión uno a uno)`
      : 'los ids son como F12 (un seguimiento), A7 (revisar una solicitud) o C3 (una reunión uno a uno pendiente); míralos con: oneonone followups',
  }),
  'id.no-follow-up': ({ id }) => ({ message: `no hay ningún seguimiento F${id}`, hint: SEE_OPEN }),
  'id.no-ask': ({ id }) => ({ message: `no hay ninguna solicitud A${id}`, hint: SEE_OPEN }),
  'id.no-cadence-person': ({ id }) => ({ message: `nadie tiene el id #${id}, así que no hay ningún C${id}`, hint: SEE_OPEN }),
  'person.no-id': ({ id }) => ({ message: `nadie tiene el id #${id}`, hint: 'mira el id de cada persona con: oneonone people' }),
  'person.nobody-called': ({ input, close }) => ({
    message: `no hay nadie llamado "${input}"`,
    hint: close.length ? `¿quisiste decir ${close.map((name) => `"${name}"`).join(' o ')}?` : 'mira a todas las personas con: oneonone people',
  }),

  'file.cannot-write': ({ path, why, folder, option }) => ({
    message: `no puedo escribir ${path}: ${writeProblemEs(why, folder)}`,
    hint: option === undefined
      ? 'revisa que la carpeta exista y que se pueda escribir en ella, o elige otro archivo'
      : why === 'is-folder' ? `da un nombre de archivo, por ejemplo ${option} meetings.csv` : `crea la carpeta primero, o elige otro ${option}`,
  }),
  'backup.no-file-name': () => ({ message: 'la copia de seguridad necesita un nombre de archivo', hint: 'por ejemplo oneonone backup ~/Respaldos/oneonone-2026-11-24.db' }),
  'backup.is-database': () => ({ message: 'la copia de seguridad no puede ser la misma base de datos', hint: 'da la ruta de un archivo nuevo' }),
  'backup.exists': ({ target, raced }) => ({
    message: `${target} ya existe; una copia de seguridad nunca reemplaza un archivo`,
    hint: raced ? 'da un nombre de archivo nuevo' : 'da un nombre de archivo nuevo, por ejemplo uno con la fecha de hoy, o borra antes el archivo viejo',
  }),
  'backup.no-folder': ({ folder }) => ({ message: `la carpeta ${folder} no existe`, hint: 'créala primero, o elige otra carpeta' }),
  'restore.no-file': ({ path }) => ({ message: `no hay ningún archivo ${path}`, hint: 'da la ruta de un archivo hecho con oneonone backup' }),
  'restore.in-use': ({ path }) => ({ message: `${path} es la base de datos que se está usando`, hint: 'da la ruta de una copia de seguridad' }),
  'restore.declined': () => ({ message: 'no se restauró nada', hint: 'la base de datos quedó como estaba' }),
  'restore.meeting-running': ({ name, id, pid }) => ({
    message: `la reunión con ${name} (#${id}) sigue abierta en otra terminal (proceso ${pid}); si restauras ahora, se perdería`,
    hint: 'termínala allá, o detenla con Ctrl-C (queda como borrador), y luego restaura',
  }),
  'restore.not-confirmed': ({ file }) => ({
    message: 'no reemplazo la base de datos sin que lo confirmes',
    hint: `${ON_RECORD}; agrega --yes: oneonone restore "${file}" --yes`,
  }),
  'forget.not-confirmed': ({ name, id }) => ({
    message: `no olvido a ${name} sin que lo confirmes`,
    hint: `${ON_RECORD}; agrega --yes para borrar a esta persona: oneonone forget "#${id}" --yes`,
  }),
};

function writeProblemEs(why: WriteProblem, folder: string): string {
  if (typeof why === 'object') return why.code;
  return {
    'no-folder': `la carpeta ${folder} no existe`, 'is-folder': 'es una carpeta', permission: 'no tengo permiso',
    'read-only': 'el disco es de solo lectura', 'disk-full': 'el disco está lleno',
  }[why];
}

/** A reason given by the YAML reader is its own words, quoted as such. */
function templateProblemEs(problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return `no es una guía que oneonone pueda leer: "${problem.reason}"`;
    case 'invalid-yaml':
      return `no es YAML válido${problem.at ? ` en la línea ${problem.at.line}, columna ${problem.at.col}` : ''}: "${problem.reason}"`;
    case 'not-mapping':
      return `tiene que ser un mapa de campos (tiene ${seenEs(problem.got)})`;
    case 'unknown-field':
      return `tiene un campo desconocido '${problem.field}' (se permiten: ${problem.allowed.join(', ')})`;
    case 'missing':
      return 'falta';
    case 'not-text':
      return `tiene que ser texto (tiene ${seenEs(problem.got)})`;
    case 'empty-text':
      return 'no puede quedar en blanco';
    case 'control-characters':
      return 'tiene caracteres de control (como NUL o escape); escríbelo como texto simple';
    case 'bad-name':
      return `solo puede llevar minúsculas, dígitos y guiones (tiene ${seenEs(problem.got)})`;
    case 'not-kebab-case':
      return `tiene que ir en kebab-case, como 'follow-up' (tiene ${seenEs(problem.got)})`;
    case 'not-positive':
      return `tiene que ser un número positivo (tiene ${seenEs(problem.got)})`;
    case 'too-many-minutes':
      return `puede ser a lo sumo ${problem.most} minutos (tiene ${problem.minutes})`;
    case 'phases-too-long':
      return `suman ${problem.minutes} minutos; una reunión puede durar a lo sumo ${problem.most}`;
    case 'not-share':
      return `tiene que ser un número del 0 al 1, como 0.2 para la regla 80/20 (tiene ${seenEs(problem.got)})`;
    case 'not-list':
      return `tiene que ser una lista (tiene ${seenEs(problem.got)})`;
    case 'not-yes-no':
      return `tiene que ser true o false (tiene ${seenEs(problem.got)})`;
    case 'no-lengths':
      return 'tiene que dar al menos una duración de reunión';
    case 'unknown-language':
      return `tiene que ser un idioma que oneonone hable: ${problem.known.join(' o ')} (tiene ${seenEs(problem.got)})`;
    case 'no-note-tags':
      return 'tiene que dar al menos una etiqueta de nota';
    case 'unknown-note-tag':
      return `'${problem.tag}' no es una etiqueta de nota (las que hay: ${NOTE_TAGS.join(', ')})`;
    case 'unknown-score-item':
      return `'${problem.item}' no es un punto de la evaluación de la reunión (los que hay: ${problem.known.join(', ')})`;
    case 'no-phases':
      return 'tiene que dar al menos una fase';
    case 'duplicate-key':
      return `'${problem.key}' ya lo usa una fase anterior; cada clave tiene que ser única`;
  }
}

function seenEs(seen: ValueSeen): string {
  if (typeof seen === 'object') return seen.written;
  return { nothing: 'nada', empty: 'un valor vacío', list: 'una lista', mapping: 'un mapa' }[seen];
}

function quotedList(items: string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}
