/** Lo que dice `import` de una hoja de personas: a quién agrega o cambia, qué se conservó, y las cuentas. */
import type { PersonField, Place } from '../../people/import.js';
import type { ImportWords } from '../import.js';
import { icu } from './icu.js';

const CAMPOS: Record<PersonField, string> = {
  email: 'correo', phone: 'teléfono', neighborhood: 'barrio', organization: 'organización', notes: 'notas', rung: 'peldaño',
  potential: 'potencial', referredBy: 'te lo presentó', assessment: 'evaluación', units: 'unidades', language: 'idioma', interpreter: 'intérprete',
};

const LUGARES: Record<Place, string> = { area: 'un barrio', address: 'una dirección', city: 'la ciudad', postal: 'el código postal' };

const MISMO: Record<'email' | 'phone' | 'name', string> = { email: 'mismo correo', phone: 'mismo teléfono', name: 'mismo nombre' };
const OTRO: Record<'email' | 'phone', string> = { email: 'correo', phone: 'teléfono' };

const LINEAS = icu('{count, plural, one {línea} other {líneas}} {lines}');
const CUENTAS = icu('Se {added, plural, one {agregó #} other {agregaron #}}, se {changed, plural, one {cambió #} other {cambiaron #}}, {unchanged, plural, one {# quedó como estaba} other {# quedaron como estaban}}.');
const CUENTAS_ENSAYO = icu('Se {added, plural, one {agregaría #} other {agregarían #}}, se {changed, plural, one {cambiaría #} other {cambiarían #}}, {unchanged, plural, one {# quedaría como estaba} other {# quedarían como estaban}}.');
const MALAS = icu('{bad, plural, one {Se dejó fuera # fila con errores.} other {Se dejaron fuera # filas con errores.}}');
const CUALQUIERA = icu('"{name}" podría ser cualquiera de {count, plural, one {# persona} other {# personas}} ({which}); agrega un correo o un teléfono para decir cuál');
const COLUMNAS = icu('{count, plural, one {Se ignora la columna} other {Se ignoran las columnas}} {columns} (para leer una: --map "Encabezado=campo").');

const lineas = (lines: number[]) => LINEAS({ count: lines.length, lines: lines.join(', ') });
const quedo = (kept: string | null) => (kept === null ? 'vacío' : `como ${kept}`);

export const IMPORT_ES: ImportWords = {
  fields: CAMPOS,
  places: LUGARES,
  none: '(nada)',
  interpreter: (needed) => (needed ? 'lo necesita' : 'no lo necesita'),
  where: (lines, matchedBy) => `(${lineas(lines)}${matchedBy ? `, ${MISMO[matchedBy]}` : ''})`,
  apart: (name, from, because) =>
    `no es ${from.id !== undefined ? `${name} #${from.id}` : `la persona ${name} de la línea ${from.line}`}: otro ${because.map((field) => OTRO[field]).join(' y otro ')}`,
  heading: (group, dryRun, who, where) => {
    if (group === 'unchanged') return `${who} ${dryRun ? 'quedaría igual' : 'quedó igual'} ${where}`;
    if (group === 'added') return `${dryRun ? 'se agregaría' : 'se agregó'} a ${who} ${where}`;
    return `${dryRun ? 'se cambiaría' : 'se cambió'} a ${who} ${where}`;
  },
  notesAdded: (added) => `  notas: se agregó ${added}`,
  kept: {
    coarser: (field, kept, place, offered) => `  ${field}: se conservó ${kept} (el archivo solo tiene ${LUGARES[place]} ${offered}; --overwrite lo toma)`,
    lower: (field, kept, offered) => `  ${field}: se conservó ${kept} (el archivo dice ${offered}, más abajo en la escalera; --demote lo toma)`,
    judgment: (field, kept, offered) => `  ${field}: se conservó ${kept} (el archivo dice ${offered}; --overwrite lo toma)`,
    referrerUnknown: (field, offered, line, kept) =>
      `  ${field}: nadie en el archivo ni en tu registro se llama "${offered}" (línea ${line}); quedó ${quedo(kept)}`,
    referrerAmbiguous: (field, offered, line, kept) =>
      `  ${field}: varias personas se llaman "${offered}" (línea ${line}); quedó ${quedo(kept)}; escribe la que quieres decir como "${offered} (#id)"`,
  },
  counts: (added, changed, unchanged, bad, dryRun) => {
    const line = (dryRun ? CUENTAS_ENSAYO : CUENTAS)({ added, changed, unchanged });
    return `${line}${bad === 0 ? '' : ` ${MALAS({ bad })}`}${dryRun ? ' No se cambió nada (fue un ensayo, --dry-run).' : ''}`;
  },
  nameAmbiguous: (name, count, ids, lines) => {
    const enElArchivo = lines.length === 0 ? [] : [`${lineas(lines)} del archivo`];
    return CUALQUIERA({ name, count, which: [...ids.map((id) => `#${id}`), ...enElArchivo].join(', ') });
  },
  unknownLanguage: (value, languages) => `"${value}" no es un idioma que oneonone conozca (escribe ${languages.join(' o ')}, inglés o español)`,
  unreadableInterpreter: (value) => `"${value}" bajo intérprete no es ni sí ni no`,
  ignoring: (columns) => COLUMNAS({ count: columns.length, columns: columns.map((name) => `"${name}"`).join(', ') }),
  windows1252: (file) => `Se lee ${file} como Windows-1252 (no es UTF-8); si las letras se ven mal, guárdalo como "CSV UTF-8".`,
  separatedBy: (file, separator) => `Las columnas de ${file} están separadas por ${separator === ';' ? 'punto y coma' : 'tabuladores'} (otro separador: --delimiter).`,
};
