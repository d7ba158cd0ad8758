/** Las palabras de una línea de avance (la dibuja src/ui/progress.ts). */
import type { ProgressWords } from '../progress.js';
import { icu } from './icu.js';

const CONTADO = icu('{label}: {done, number} de {total, number} ({share}\u00a0%)');
const REGISTROS = icu('Uniendo {records, plural, one {# registro} other {# registros}}');

export const PROGRESS_ES: ProgressWords = {
  started: (label) => `${label}…`,
  counted: (label, done, total, share) => CONTADO({ label, done, total, share }),
  left: (line, seconds) => `${line}, faltan unos ${seconds < 90 ? `${Math.max(1, seconds)} s` : `${Math.round(seconds / 60)} min`}`,
  exporting: (table) => `Exportando ${table}`,
  checking: 'Revisando las filas',
  importing: 'Importando a las personas',
  matching: 'Buscando a cada persona en el servidor',
  landing: 'Trayendo a las personas',
  merging: (records) => REGISTROS({ records }),
};
