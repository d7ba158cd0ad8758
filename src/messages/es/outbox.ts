/** Lo que se dice de las reuniones guardadas en esta computadora para el servidor (push, y cualquier comando que llega a él). */
import type { OutboxWords } from '../outbox.js';
import { icu } from './icu.js';

const ENVIADAS = icu('{count, plural, one {Se envió al servidor # reunión guardada} other {Se enviaron al servidor # reuniones guardadas}} en esta computadora');
const EN_ESPERA = icu('{count, plural, one {# reunión espera} other {# reuniones esperan}} en esta computadora');
const SE_ENVIARAN = icu('{count, plural, one {# reunión guardada en esta computadora se enviará} other {# reuniones guardadas en esta computadora se enviarán}}');

export const OUTBOX_ES: OutboxWords = {
  sent: (sent) => `${ENVIADAS({ count: sent.length })}: ${sent.map((one) => `${one.person} (ahora M${one.server})`).join(', ')}.`,
  held: (held) => `${EN_ESPERA({ count: held.length })}: ${porQue(held[0]!.why)}; envíala con: oneonone push --as ID`,
  nothingWaits: 'No hay nada esperando para enviarse.',
  waiting: (count) => `${SE_ENVIARAN({ count })} cuando se pueda llegar al servidor (oneonone push las envía ahora).`,
  kept: (person, why) =>
    `La reunión con ${person} quedó guardada en esta computadora (${why}); la envía el próximo comando que llegue al servidor, o: oneonone push`,
  notSent: (why) => `lo guardado en esta computadora no se envió: ${why}`,
};

const VARIAS = icu('{name} puede ser cualquiera de {count, plural, one {# persona} other {# personas}} en el servidor ({ids})');

/** Why a meeting waits, kept in English for --json (severalOnServerWords), said in Spanish where its shape is known. */
function porQue(why: string): string {
  const several = /^(.*) could be (\d+) people on the server \((.*)\)$/.exec(why);
  return several ? VARIAS({ name: several[1]!, count: Number(several[2]), ids: several[3]! }) : why;
}
