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
const NOT_TEXT_HINT = 'en tu hoja de cálculo, guárdala como "CSV UTF-8" e importa ese archivo';

/** The stores' reasons a file or a server database is not ours, as they give them in English, and in Spanish. */
const DATABASE_WHY_ES: [RegExp, (...parts: string[]) => string][] = [
  [/^it is not a SQLite database$/, () => 'no es una base de datos SQLite'],
  [/^it is a SQLite database made by another program$/, () => 'es una base de datos SQLite de otro programa'],
  [/^it belongs to another program$/, () => 'es de otro programa'],
  [/^it holds no oneonone data$/, () => 'no tiene datos de oneonone'],
  [/^it holds a table made by another program$/, () => 'tiene una tabla de otro programa'],
  [/^it holds (\d+) tables made by another program$/, (tables) => `tiene ${tables} tablas de otro programa`],
];

function databaseWhyEs(why: string): string {
  const known = DATABASE_WHY_ES.find(([pattern]) => pattern.test(why));
  return known ? known[1](...known[0].exec(why)!.slice(1)) : why;
}

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
  'done.kept-and-broken': () => ({ message: '--kept y --broken se contradicen; da solo una', hint: 'usa --kept si lo hizo, --broken si no lo hizo' }),
  'done.change-alone': ({ item }) => ({ message: '--change va con --kept o --broken', hint: `por ejemplo oneonone done ${item} --broken --change` }),
  'done.result-not-ask': ({ result, item, kind }) => ({
    message: `--${result} es para revisar solicitudes (los ids que empiezan con A); ${item} es ${{ followup: 'un seguimiento', ask: 'la revisión de una solicitud', cadence: 'un recordatorio de reunión uno a uno' }[kind]}`,
    hint: `ciérralo con: oneonone done ${item}`,
  }),
  'follow-up.closed': ({ id, person, what, on, moving }) => ({
    message: moving ? `F${id} ya se cerró el ${on}; no hay nada que mover` : `F${id} (${person}: ${what}) ya se cerró el ${on}`,
    hint: SEE_OPEN,
  }),
  'ask.result-recorded': ({ id, result, on, same, wanted }) => ({
    message: `A${id} ya quedó anotada como ${resultEs(result)} el ${on}${same ? '; no hay nada que cambiar' : ''}`,
    hint: wanted === null ? SEE_OPEN : `para cambiarla a ${resultEs(wanted)}: oneonone done A${id} --${wanted} --change`,
  }),
  'ask.result-stays': ({ id, result }) => ({ message: `A${id} sigue anotada como ${resultEs(result)}`, hint: 'no se cambió nada' }),
  'ask.no-check-in': ({ id, person, saidNo, text }) => ({
    message: `A${id} no tiene revisión: ${person} ${saidNo ? 'le dijo que no a' : 'no tiene respuesta anotada para'} "${text}"`,
    hint: 'solo se revisan las solicitudes que recibieron un sí o un tal vez',
  }),
  'ask.checked': ({ id, on }) => ({ message: `A${id} ya se revisó el ${on}`, hint: `anota si cumplió con: oneonone done A${id} --kept (o --broken)` }),
  'cadence.not-due': ({ id, person, due }) => ({
    message: `C${id} (${person}) no toca hasta el ${due}; no hay nada que cerrar`,
    hint: `vuelve sola a la lista; muévela con: oneonone snooze C${id} FECHA`,
  }),
  'followups.two-windows': ({ options }) => ({ message: `${options.join(' y ')} piden periodos distintos; da solo uno`, hint: 'por ejemplo oneonone followups --days 14, --all o --overdue' }),
  'followups.cadence-alone': ({ others }) => ({
    message: `--cadence solo muestra o cambia la frecuencia; quita ${others.join(', ')}`,
    hint: 'mira los seguimientos aparte, con oneonone followups',
  }),
  'undo.nothing': () => ({ message: 'no hay nada que deshacer', hint: 'undo deshace lo que cambiaron log, start, done, snooze, edit, merge, delete e import' }),
  'undo.after-forget': () => ({
    message: 'lo último fue olvidar a una persona, y eso no se puede deshacer (no se guardó nada de ella); lo anterior tampoco',
    hint: 'una copia de seguridad de antes todavía la tiene: oneonone restore ARCHIVO',
  }),
  'undo.meeting-running': ({ name, pid }) => ({ message: `la reunión con ${name} sigue abierta en otra terminal (proceso ${pid})`, hint: 'termínala o detenla allá, y luego deshaz' }),
  'delete.not-an-id': ({ input }) => ({
    message: `"${input}" no es el id de una reunión, una nota, una solicitud o un seguimiento`,
    hint: 'los ids son como M12, N40, A6 o F3 (míralos con: oneonone show NOMBRE); para borrar a una persona usa: oneonone forget NOMBRE',
  }),
  'delete.no-record': ({ kind, item }) => ({
    message: `no hay ${{ meeting: 'ninguna reunión', note: 'ninguna nota', ask: 'ninguna solicitud', followup: 'ningún seguimiento' }[kind]} ${item}`,
    hint: 'mira los ids con: oneonone show NOMBRE',
  }),
  'delete.meeting-running': ({ item }) => ({ message: `${item} sigue abierta en otra terminal`, hint: 'termínala allá primero' }),
  'search.unknown-tag': ({ input }) => ({ message: `no hay ninguna etiqueta de nota "${input}"`, hint: `usa una de: ${NOTE_TAGS.join(', ')} (por ejemplo --tag issue)` }),
  'search.no-words': ({ typed }) => ({ message: `no hay nada que buscar en "${typed}": no tiene letras ni dígitos`, hint: 'da una palabra, por ejemplo oneonone search renta' }),
  'stats.since-future': ({ since }) => ({ message: `la fecha de inicio "${since}" todavía no llega`, hint: 'por ejemplo --since "hace 3 meses" o --since 2026-09-01' }),
  'templates.yaml-and-json': () => ({ message: '--yaml y --json muestran la misma guía de dos maneras; da solo una', hint: 'por ejemplo oneonone templates show agenda --yaml' }),
  'templates.yaml-alone': ({ dir }) => ({ message: '--yaml muestra una sola guía', hint: `por ejemplo oneonone templates show agenda --yaml > ${dir}/mi-agenda.yaml` }),
  'export.out-is-database': ({ out }) => ({ message: `--out ${out} es tu propia base de datos`, hint: 'elige otro archivo, por ejemplo --out meetings.csv' }),
  'export.stopped': ({ rows, reason, removed }) => ({
    message: `la exportación se detuvo después de ${rows === 1 ? '1 fila' : `${rows} filas`}: ${reason}`,
    hint: removed === null ? 'no se cambió nada en tu base de datos' : `se quitó ${removed}, que quedó a medias; no se cambió nada en tu base de datos`,
  }),
  'export.cannot-open': ({ path, reason }) => ({ message: `no puedo escribir ${path}: ${reason}`, hint: 'revisa que se pueda escribir en la carpeta y que el disco tenga espacio' }),
  'merge.same-person': ({ first, second, id }) => ({
    message: `"${first}" y "${second}" son la misma persona (#${id})`,
    hint: 'merge nombra primero el duplicado y luego a la persona que se queda: oneonone merge "#7" "#3"',
  }),
  'structure.csv-and-json': () => ({ message: '--csv y --json son dos maneras de mostrarlo: elige una', hint: 'por ejemplo oneonone structure --csv > organigrama.csv' }),
  'team.on-a-file': ({ location, handing }) => ({
    message: handing === null ? `un archivo no tiene equipo: el registro es ${location}` : `no hay ningún equipo a quien pasarle a ${handing}: el registro es ${location}`,
    hint: 'un equipo vive en un servidor PostgreSQL: --db postgres://… u ONEONONE_DB',
  }),
  'team.no-login': ({ name }) => ({ message: `no puedo hacer un usuario con el nombre ${name}`, hint: 'da uno: --login USUARIO' }),
  'handoff.no-note': () => ({ message: 'para pasar a una persona hace falta una presentación', hint: 'di quién es, qué le importa y qué se le prometió: --note "…"' }),
  'push.on-a-file': ({ location }) => ({ message: `no hay ningún servidor a donde enviar: el registro es el archivo ${location}`, hint: 'push es para el servidor de un equipo: --db postgres://… u ONEONONE_DB' }),
  'team-week.bad-weeks': ({ weeks }) => ({ message: `--weeks ${weeks} no es un número de semanas para revisar`, hint: 'por ejemplo --weeks 8 (a lo sumo 520, diez años)' }),
  'team-week.bad-goal': ({ weekly }) => ({ message: `--weekly ${weekly} no es una meta semanal`, hint: 'por ejemplo --weekly 10 (de 1 a 100 reuniones uno a uno por semana)' }),
  'forget.meeting-running': ({ name, id, pid }) => ({
    message: `la reunión con ${name} (#${id}) sigue abierta en otra terminal (proceso ${pid}); no la olvido ahora`,
    hint: 'termina la reunión allá primero (Ctrl-C la guarda como borrador), y luego olvídala',
  }),
  'forget.name-mismatch': ({ name }) => ({ message: `no se olvidó a ${name}: el nombre que escribiste no coincide`, hint: 'no se cambió nada' }),
  'log.date-future': ({ input }) => ({
    message: `la fecha de la reunión "${input}" todavía no llega`,
    hint: 'log anota reuniones que ya pasaron; usa oneonone start cuando empiece la reunión',
  }),
  'log.rung-reason-alone': () => ({ message: '--rung-reason necesita un peldaño', hint: 'agrega --rung, por ejemplo --rung participant --rung-reason "aceptó hablar con sus vecinos"' }),
  'log.followup-note-alone': () => ({ message: '--followup-note necesita una fecha', hint: 'agrega --followup "el martes a las 6 de la tarde"' }),
  'log.unknown-did': ({ item, items }) => ({ message: `--did: "${item}" no es uno de ${items.join(', ')}`, hint: 'oneonone log "Ana Ruiz" --did purpose,their-story …' }),
  'log.refers-self': ({ name, flag }) => ({
    message: `${name} no puede ser su propia referencia`,
    hint: flag === '--referral' ? '--referral nombra a alguien con quien te conectó' : '--referred-by nombra a quien te conectó con esta persona',
  }),
  'log.referrer-differs': ({ name, current, id }) => ({
    message: `a ${name} lo refirió ${current} (#${id}); --referred-by lo reemplazaría`,
    hint: 'agrega --replace-referred-by para cambiarlo, o quita --referred-by',
  }),
  'ask.unknown-outcome': ({ input }) => ({ message: `"${input}" no es una respuesta a una solicitud`, hint: 'la respuesta a una solicitud es yes (sí), maybe (tal vez) o no' }),

  'import.map-on-sheet': ({ file, sheet }) => ({ message: '--map lee las columnas de una hoja de personas', hint: `${file} se lee por sus propias columnas, como las escribe export ${sheet}` }),
  'import.no-people': ({ file }) => ({ message: `${file} tiene encabezados pero ninguna persona`, hint: 'agrega una fila por persona debajo de los encabezados' }),
  'import.bad-rows': ({ lines, good, dryRun }) => ({
    message: `${dryRun ? 'no se importaría nada' : 'no se importó nada'}: ${lines.length === 1 ? `1 fila con problemas (línea ${lines[0]})` : `${lines.length} filas con problemas (líneas ${lines.join(', ')})`}`,
    hint: `${lines.length === 1 ? 'corrígela' : 'corrígelas'} en el archivo, o agrega --skip-bad para importar ${good === 1 ? 'la otra fila' : `las otras ${good} filas`}`,
  }),
  'import.bad-delimiter': ({ input }) => ({ message: `--delimiter "${input}" no es un solo carácter separador`, hint: 'por ejemplo --delimiter ";" o --delimiter tab' }),
  'import.not-text': ({ file, nul }) => ({ message: `${file} no es un archivo de texto (tiene ${nul === 'bytes' ? 'bytes' : 'caracteres'} NUL)`, hint: NOT_TEXT_HINT }),
  'import.bad-encoding': ({ file, encoding, bom }) => ({
    message: bom ? `${file} empieza como ${encoding} pero su texto no es ${encoding} válido` : `${file} no es texto ${encoding} válido`,
    hint: NOT_TEXT_HINT,
  }),
  'import.no-file': ({ file }) => ({ message: `no hay ningún archivo en ${file}`, hint: 'revisa la ruta; oneonone importa un archivo CSV con encabezados' }),
  'import.folder': ({ file }) => ({ message: `${file} es una carpeta`, hint: 'da el archivo CSV que está dentro' }),
  'import.too-big': ({ file, megabytes }) => ({ message: `${file} pesa ${megabytes} MB; lo más que oneonone importa de una vez son 50 MB`, hint: 'divídelo en archivos más chicos e impórtalos uno por uno' }),
  'import.empty': ({ file }) => ({ message: `${file} está en blanco`, hint: 'guarda la hoja como CSV con encabezados (Nombre, Correo, Teléfono, …)' }),
  'import.no-header': ({ file }) => ({ message: `${file} no tiene encabezados`, hint: 'la primera línea debe nombrar las columnas, por ejemplo Nombre,Correo,Teléfono' }),
  'import.quote-unclosed': ({ file, line }) => ({
    message: `${file}: las comillas que se abren en la línea ${line} nunca se cierran`,
    hint: 'ciérralas en esa línea; unas comillas dentro de un campo entre comillas se escriben dobles ("")',
  }),
  'import.unreadable-csv': ({ file, line, reason }) => ({
    message: `${file} no se puede leer como CSV cerca de la línea ${line}: "${reason}"`,
    hint: 'revisa las comillas de esa línea, o el separador (--delimiter ";")',
  }),
  'database.not-ours': ({ place, server, why, restore }) => ({
    message: `${server ? `la base de datos PostgreSQL en ${place}` : place} no es una base de datos de oneonone: ${databaseWhyEs(why)}`,
    hint: server
      ? 'apunta --db u ONEONONE_DB a una base de datos vacía (createdb oneonone) o a una que haya hecho oneonone'
      : `revisa la ruta de --db u ONEONONE_DB; ${restore ? 'si era tu registro, restaura tu copia de seguridad más reciente: oneonone restore ARCHIVO' : 'el archivo quedó como estaba'}`,
  }),

  'person.no-id': ({ id }) => ({ message: `nadie tiene el id #${id}`, hint: 'mira el id de cada persona con: oneonone people' }),
  'person.nobody-called': ({ input, close }) => ({
    message: `no hay nadie llamado "${input}"`,
    hint: close.length ? `¿quisiste decir ${close.map((name) => `"${name}"`).join(' o ')}?` : 'mira a todas las personas con: oneonone people',
  }),

  'person.ambiguous': ({ input, count, list, firstId }) => ({ message: `"${input}" puede ser cualquiera de ${count} personas: ${list}`, hint: `di cuál con su id, por ejemplo "#${firstId}"` }),
  'person.close': ({ input, count, namesakes, list, firstId, flag, name }) => ({
    message: `"${input}" ${namesakes ? `puede ser cualquiera de ${count} personas` : `se parece a ${count === 1 ? 'alguien' : `${count} personas`} que conoces`}: ${list}`,
    hint: `di a quién te refieres con su id, por ejemplo "#${firstId}"; o agrega ${flag} para agregar a ${name} como persona nueva`,
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

/** An ask's result as Spanish says it; the code itself is what --kept and --broken store. */
function resultEs(result: string): string {
  return result === 'kept' ? 'cumplida' : result === 'broken' ? 'no cumplida' : result;
}

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
