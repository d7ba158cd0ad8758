/** Lo que dicen backup, restore y forget. */
import type { ForgetCounts, StoreSummary } from '../../store/contract.js';
import type { PrivacyWords } from '../privacy.js';
import { icu } from './icu.js';

const PERSONAS = icu('{n, plural, one {# persona} other {# personas}}');
const REUNIONES = icu('{n, plural, one {# reunión} other {# reuniones}}');
const NOTAS = icu('{n, plural, one {# nota} other {# notas}}');
const SOLICITUDES = icu('{n, plural, one {# solicitud} other {# solicitudes}}');
const SEGUIMIENTOS = icu('{n, plural, one {# seguimiento} other {# seguimientos}}');
const PELDANOS = icu('{n, plural, one {# cambio de peldaño} other {# cambios de peldaño}}');
const REFERIDAS = icu('{n, plural, one {# persona a la que te presentó sigue en el registro, ya sin ese vínculo} other {# personas a las que te presentó siguen en el registro, ya sin ese vínculo}}');

const gente = (summary: StoreSummary) => `${PERSONAS({ n: summary.people })}, ${REUNIONES({ n: summary.meetings })}`;
const loQueSeVa = (counts: ForgetCounts) =>
  [REUNIONES({ n: counts.meetings }), NOTAS({ n: counts.notes }), SOLICITUDES({ n: counts.asks }), SEGUIMIENTOS({ n: counts.followups }), PELDANOS({ n: counts.rungChanges })].join(', ');
const decimal = (n: number) => n.toFixed(1).replace('.', ',');

export const PRIVACY_ES: PrivacyWords = {
  forgetWarning: (name, id, counts) => `Esto borra a ${name} (#${id}) y todo lo que sabes de esa persona, sin vuelta atrás: ${loQueSeVa(counts)}.`,
  typeToConfirm: (name) => `Escribe ${name} para confirmar (cualquier otra cosa no borra nada):`,
  forgotten: (name, counts) => `Se olvidó a ${name}: se borraron ${loQueSeVa(counts)}.`,
  rebuilt: 'El archivo de la base de datos se reconstruyó, así que no queda nada de esa persona en él.',
  stillOpen: 'otro oneonone sigue abierto sobre esta base de datos; ciérralo y corre cualquier orden para terminar de limpiar las páginas viejas',
  oldCopies: (copies) => `las copias que oneonone guardó junto a la base de datos todavía pueden tenerla; borra las que no necesites:\n  ${copies.join('\n  ')}`,
  untracked: 'Las copias que hiciste con oneonone backup y los archivos que exportaste no se rastrean: todavía la tienen, dondequiera que los guardaste.',
  forgottenOnServer: (name, counts) => `Se olvidó a ${name}: se borraron del servidor ${loQueSeVa(counts)}.`,
  fromThisComputer: 'Lo que esta computadora guardaba de esa persona para enviar al servidor también se borró.',
  serverCopies: (vacuumed) => [
    `un servidor no puede prometer lo que sí promete un archivo en esta computadora: ${vacuumed ? 'las tablas se limpiaron con VACUUM, pero' : 'hasta que su dueño limpie las tablas (VACUUM),'} pueden quedar copias viejas de las filas en los archivos del servidor por un tiempo;`,
    'su registro de escritura anticipada (WAL) y su archivo, cada réplica y cada respaldo (archivos de pg_dump, respaldos base) las guardan hasta que se reciclen o se borren —',
    'y también el buzón de salida de cada organizador/a en su propia computadora mientras espere enviar una reunión con esa persona —',
    'pídele a quien administra el servidor que las borre, y avísale a cada organizador/a que haya exportado o respaldado el registro.',
  ],
  referralsStay: (count) => `${REFERIDAS({ n: count })}.`,
  backedUp: (path, size, summary) => `Se respaldaron ${PERSONAS({ n: summary.people })} y ${REUNIONES({ n: summary.meetings })} en ${path} (${size}, solo tú lo puedes leer).`,
  keepPrivate: 'Tiene todo lo que la gente te contó: guárdalo en un lugar privado.',
  restoreQuestion: (current, now, backup, summary) => `¿Reemplazar ${current} (${now ? gente(now) : 'todavía vacía'}) con ${backup} (${gente(summary)})?`,
  restored: (current, backup, summary) => `Se restauró ${backup} en ${current}: ${gente(summary)}.`,
  replacedKept: (kept) => `La base de datos que se reemplazó queda en ${kept}`,
  upgrading: (path, from, to) => `oneonone: se actualiza la base de datos del esquema ${from} al ${to}; una copia como estaba queda en ${path}`,
  size: (bytes) => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${decimal(bytes / 1024)} KB` : `${decimal(bytes / 1024 / 1024)} MB`),
};
