/** Las palabras de `oneonone doctor`: una línea por revisión y, si hay un problema, qué hacer. */
import { mode, shellPath, type CopyKind, type DoctorWords, type Said, type UNCHECKED } from '../doctor.js';
import { icu } from './icu.js';

const SIN_REVISAR: Record<keyof typeof UNCHECKED, string> = {
  schema: 'su esquema', integrity: 'su integridad', copies: 'las copias a su lado', outbox: 'lo que espera en esta computadora',
};
const GUARDADA: Record<CopyKind, string> = {
  upgrade: 'guardada antes de una actualización',
  restore: 'guardada cuando se restauró un respaldo encima',
  restoring: 'dejada por una restauración que se detuvo a la mitad',
  beside: 'una base de datos de oneonone en la misma carpeta, como un respaldo',
};
const PERSONAS = icu('{n, plural, one {# persona} other {# personas}}');
const MAS = icu('{n, plural, one {# problema más} other {# problemas más}}');
const ESPERAN = icu('{n, plural, one {# reunión espera} other {# reuniones esperan}}');
const GUIAS = icu('{n, plural, one {Carga # guía de reunión} other {Cargan # guías de reunión}}');
const TUYAS = icu('{n, plural, =0 {ninguna tuya} one {# tuya} other {# tuyas}}');
const PROBLEMAS = icu('{n, plural, one {# problema que arreglar} other {# problemas que arreglar}}');
const REINSTALAR = 'vuelve a instalar oneonone (npm ci en su carpeta)';

export const DOCTOR_ES: DoctorWords = {
  STATUS_WORDS: { ok: 'bien', problem: 'problema', skipped: 'omitido' },
  nodeOk: (version, needed) => ({ says: `Node ${version} (oneonone necesita ${needed} o más nuevo)` }),
  nodeTooOld: (version, needed) => ({
    says: `Node ${version} es más viejo de lo que oneonone necesita (${needed} o más nuevo)`,
    fix: `instala Node ${needed} o más nuevo (por ejemplo nvm install --lts) y luego corre npm rebuild better-sqlite3 en la carpeta de oneonone`,
  }),
  engineOk: (version) => ({ says: `el motor de SQLite está compilado para este Node (${version})` }),
  engineUnloadable: (reason) => ({ says: `no se puede cargar el motor de SQLite: ${reason}`, fix: 'vuelve a instalar las dependencias de oneonone (npm ci en su carpeta)' }),
  needsEngine: (what) => ({ says: `${SIN_REVISAR[what]}: sin revisar, porque el motor de SQLite no carga (mira arriba)` }),
  configAt: (file) => ({ says: `archivo de configuración ${file}` }),
  noConfig: (file) => ({ says: `no hay archivo de configuración (valen los valores por omisión; oneonone config set … escribe ${file})` }),
  configRefused: (message, hint) => ({ says: message.replace(/^oneonone: /, ''), fix: hint }),
  configGuideUnknown: (name, file, line) => ({
    says: `archivo de configuración ${file}${line === undefined ? '' : `, línea ${line}`}: '${name}' no es una guía de reunión que oneonone tenga`,
    fix: 'oneonone templates las enumera; oneonone config set template NOMBRE, u oneonone config unset template',
  }),
  databaseUnknown: {
    says: 'la base de datos: sin revisar, porque el archivo de configuración que podría nombrarla fue rechazado (mira arriba)',
    fix: 'arregla el archivo de configuración, o nombra la base de datos con --db o ONEONONE_DB',
  },
  noDatabaseYet: (path) => ({ says: `todavía no hay base de datos: la primera reunión que registres (oneonone log u oneonone start) la crea en ${path}` }),
  notAFile: (path) => ({ says: `la base de datos ${path} es una carpeta, no un archivo`, fix: 'da la ruta de un archivo con --db o ONEONONE_DB, por ejemplo --db ~/oneonone.db' }),
  databaseAt: (path) => ({ says: `base de datos ${path}` }),
  cannotUse: (message, hint): Said => ({ says: message, fix: hint }),
  folderPrivate: (folder) => ({ says: `la carpeta ${folder} es solo tuya (${mode(0o700)})` }),
  folderOpen: (folder, bits) => ({
    says: `otras personas pueden abrir la carpeta ${folder} (modo ${mode(bits)}), y guarda el registro y sus copias`,
    fix: `chmod 700 ${shellPath(folder)}`,
  }),
  filesPrivate: (files) => ({ says: `${files.join(', ')} ${files.length === 1 ? 'es solo tuyo' : 'son solo tuyos'} (${mode(0o600)})` }),
  fileOpen: (file, bits) => ({ says: `otras personas pueden leer ${file} (modo ${mode(bits)})`, fix: `chmod 600 ${shellPath(file)}` }),
  someoneElses: (file, uid) => ({
    says: `${file} es de otro usuario (uid ${uid}), así que oneonone no puede contar con que sea solo tuyo`,
    fix: `si es tu registro, recupéralo: sudo chown "$(id -un)" ${shellPath(file)}`,
  }),
  schemaCurrent: (version) => ({ says: `esquema ${version}, el que espera este oneonone` }),
  schemaEmpty: { says: 'todavía no hay esquema: la primera orden que escriba lo crea' },
  schemaBehind: (found, expected, server) => ({
    says: `${server ? 'el registro en el servidor' : 'la base de datos'} está en el esquema ${found}; este oneonone usa el ${expected}`,
    fix: server
      ? 'cualquier orden de oneonone lo actualiza, por ejemplo oneonone people'
      : 'cualquier orden de oneonone la actualiza, guardando antes una copia como estaba, por ejemplo oneonone people',
  }),
  schemaNewer: (found, expected, server) => ({
    says: server
      ? 'el registro en el servidor lo actualizó un oneonone más nuevo'
      : `la base de datos la escribió un oneonone más nuevo (esquema ${found}; este conoce hasta el ${expected})`,
    fix: 'actualiza oneonone en esta computadora (npm install en su carpeta)',
  }),
  notOurs: (where, why) => ({ says: `${where} no es una base de datos de oneonone: ${why}`, fix: 'revisa la ruta de --db o ONEONONE_DB (oneonone doctor --db RUTA)' }),
  integrityOk: { says: 'el archivo pasa la revisión de integridad de SQLite' },
  damaged: (found) => ({
    says: `la base de datos está dañada: ${found[0]}${found.length > 1 ? ` (y ${MAS({ n: found.length - 1 })})` : ''}`,
    fix: 'restaura tu respaldo más reciente: oneonone restore ARCHIVO (el archivo dañado se guarda al lado)',
  }),
  SCHEMA_UNREACHED: { says: 'su esquema: sin revisar, no se puede llegar al servidor' },
  serverAnswers: (where) => ({ says: `el servidor en ${where} responde` }),
  nothingWaits: { says: 'nada espera en esta computadora para enviarse al servidor' },
  meetingsWait: (n) => ({
    says: `${ESPERAN({ n })} en esta computadora para enviarse al servidor`,
    fix: 'la próxima orden que llegue al servidor las envía, o ahora mismo: oneonone push',
  }),
  outboxUnreadable: (file, why) => ({ says: `no se puede leer lo que espera en esta computadora (${file}): ${why}`, fix: 'corre oneonone push para ver qué dice' }),
  templatesLoad: (all, own, dir) => ({ says: `${GUIAS({ n: all })} (${TUYAS({ n: own })}, en ${dir})` }),
  templateSkipped: (text) => ({ says: text }),
  templatesUnloadable: (message) => ({ says: `no se pueden cargar las guías de reunión: ${message}`, fix: REINSTALAR }),
  noCopiesHold: { says: 'ninguna copia junto a la base de datos guarda a nadie' },
  copyHolds: (file, kind, people, beside) => ({
    says: `${file} (${GUARDADA[kind]}) todavía guarda a ${PERSONAS({ n: people })}`,
    fix: `bórrala cuando ya no la necesites: rm ${[file, ...beside].map(shellPath).join(' ')}`,
  }),
  copyUnreadable: (file, kind, why) => ({
    says: `${file} (${GUARDADA[kind]}) puede guardar personas y no se puede leer: ${why}`,
    fix: `bórrala cuando ya no la necesites: rm ${shellPath(file)}`,
  }),
  allWell: 'Todo está bien.',
  problemsFound: (n, json) =>
    `${PROBLEMAS({ n })}: ${json ? 'cada revisión con "status": "problem" dice qué hacer en "fix"' : 'cada uno es una línea de arriba, con lo que hay que hacer'}`,
};
