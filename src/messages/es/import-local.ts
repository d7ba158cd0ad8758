/** Lo que dice `team import-local` que hizo, línea por línea, y sus cuentas. */
import type { ReportPerson, ServerRef } from '../../commands/team-import-local.js';
import type { ImportLocalWords } from '../import-local.js';
import { rungLabel } from '../ladder.js';
import { FORMAT_ES } from './format.js';
import { icu } from './icu.js';
import { SENSITIVE_ES } from './sensitive.js';

const CUANTAS = icu('{n, plural, one {# {one}} other {# {other}}}');
const cuantas = (n: number, one: string, other: string) => CUANTAS({ n, one, other });

const inFile = (person: ReportPerson) => `${person.name} (#${person.local} en tu archivo)`;
const whose = (ref: ServerRef) => (ref.owner ? `, de ${ref.owner}` : '');
const onServer = (ref: ServerRef) => `#${ref.id} ${ref.name}${ref.owner ? ` (de ${ref.owner})` : ''}`;
const OTRO = { email: 'otro correo', phone: 'otro teléfono' } as const;

const POR = { email: 'el mismo correo', phone: 'el mismo teléfono', name: 'el mismo nombre, y ningún correo ni teléfono distinto' } as const;
const POR_CUENTA = { email: 'por correo', phone: 'por teléfono', name: 'por nombre' } as const;

const CAMPO = {
  email: 'correo', phone: 'teléfono', neighborhood: 'barrio', organization: 'organización', language: 'idioma', potential: 'potencial',
  referredBy: 'su contacto vino de',
} as const;

export const IMPORT_LOCAL_ES: ImportLocalWords = {
  readFromCopy: (file) =>
    `${file} lo escribió una versión anterior de oneonone: se leyó de una copia privada actualizada (ya borrada); el archivo mismo no cambió.`,
  leftInFile: (report, file) => {
    const lines: string[] = [];
    const drafts = report.drafts.length;
    if (drafts > 0) {
      const who = [...new Set(report.drafts.map((draft) => draft.person))].join(', ');
      const la = drafts === 1 ? 'la' : 'las';
      lines.push(`${cuantas(drafts, 'reunión sin terminar', 'reuniones sin terminar')} (${who}) ${drafts === 1 ? 'se queda' : 'se quedan'} en tu archivo: termína${la} con oneonone start --db ${file} y luego vuelve a correr import-local para traer${la}.`);
    }
    for (const held of report.held) {
      lines.push(`retenida: la reunión con ${held.person} del ${FORMAT_ES.date(held.heldAt)} (M${held.local} en tu archivo) nombra ${SENSITIVE_ES.quoted(held.terms)}, y ${SENSITIVE_ES.why(held.terms)}; vuelve a escribirla en tu archivo (oneonone edit --db ${file}) y luego corre import-local otra vez.`);
    }
    for (const person of report.notesHeld) {
      lines.push(`no enviadas: las notas propias de ${person.name} (#${person.local} en tu archivo) nombran ${SENSITIVE_ES.quoted(person.terms)}; lo demás ${report.dryRun ? 'se traería' : 'se trajo'}.`);
    }
    for (const person of report.erased) {
      lines.push(`fuera: ${person.name} (#${person.local} en tu archivo) se trajo antes y se borró del servidor después; ${report.dryRun ? 'no se traería' : 'no se trajo'} de vuelta, ni sus reuniones.`);
    }
    return lines;
  },
  added: (person, dryRun) => (dryRun ? `agregar ${inFile(person)}` : `se agregó ${inFile(person)} como #${person.server}`),
  already: (person) => `ya está aquí: ${inFile(person)} es #${person.server}, se trajo antes`,
  matched: (person, dryRun) => `${dryRun ? 'se juntaría' : 'se juntó'} ${inFile(person)} con ${onServer(person.on)}: ${POR[person.by]}`,
  filled: (field, value) => `  ${CAMPO[field]}: ${value} (el servidor no lo tenía)`,
  kept: (field, server, file) => `  ${CAMPO[field]}: se quedó ${server} (tu archivo: ${file})`,
  notesAdded: '  notas: las tuyas se sumaron a las suyas',
  rung: (from, to) => `  peldaño: ${rungLabel(from)} → ${rungLabel(to)}`,
  ambiguous: (person, dryRun) => {
    const brought = dryRun ? 'se agregaría como persona nueva' : `se agregó como #${person.server}`;
    const first = person.candidates[0];
    const theOne = first ? onServer(first) : 'la del servidor';
    switch (person.why) {
      case 'apart':
        return `dudosa ${inFile(person)}: ${brought}, no como ${person.candidates.map((c) => `${onServer(c)}: ${c.because.map((b) => OTRO[b]).join(' y ')}`).join('; ni como ')}`;
      case 'several':
        return `dudosa ${inFile(person)}: ${brought}; ${cuantas(person.candidates.length, 'persona', 'personas')} en el servidor se llaman ${person.name} (${person.candidates.map((c) => `#${c.id}${whose(c)}`).join('; ')}) y tu archivo no tiene correo ni teléfono que diga cuál`;
      case 'namesake':
        return `dudosa ${inFile(person)}: ${brought}, no como ${theOne}: tu archivo tiene otra persona llamada ${person.other?.name ?? person.name} (#${person.other?.local}) que también podría serlo`;
      case 'taken':
        return `dudosa ${inFile(person)}: ${brought}, no como ${theOne}: ${person.other?.name ?? 'otra persona'} (#${person.other?.local} en tu archivo) tiene el mismo correo o teléfono y ${dryRun ? 'se junta' : 'se juntó'} con esa persona`;
    }
  },
  ambiguousHint: '  (revisa cada caso: si es la misma persona que la nombrada, tu lead puede unirlas con oneonone merge)',
  summary: (report) => {
    const { counts } = report;
    const by = (['email', 'phone', 'name'] as const).map((kind) => `${counts.matched[kind]} ${POR_CUENTA[kind]}`).join(', ');
    const matched = counts.matched.email + counts.matched.phone + counts.matched.name;
    const dry = report.dryRun;
    const peopleParts = [
      cuantas(counts.added, dry ? 'por agregar' : 'agregada', dry ? 'por agregar' : 'agregadas'),
      `${cuantas(matched, dry ? 'por juntar' : 'juntada', dry ? 'por juntar' : 'juntadas')} (${by})`,
      `${cuantas(counts.ambiguous, 'dudosa', 'dudosas')} (${dry ? 'por agregar' : 'agregadas'} como personas nuevas)`,
      cuantas(counts.already, 'traída antes', 'traídas antes'),
      ...(counts.erased > 0 ? [cuantas(counts.erased, 'borrada del servidor después (fuera)', 'borradas del servidor después (fuera)')] : []),
    ];
    const m = counts.meetings;
    const meetingParts = [
      cuantas(m.brought, dry ? 'reunión por traer' : 'reunión traída', dry ? 'reuniones por traer' : 'reuniones traídas'),
      cuantas(m.already, 'ya estaba', 'ya estaban'),
      ...(m.drafts > 0 ? [`${m.drafts} sin terminar (se quedan en tu archivo)`] : []),
      ...(m.held > 0 ? [cuantas(m.held, 'retenida', 'retenidas')] : []),
      ...(m.ofErased > 0 ? [`${m.ofErased} de personas borradas después (fuera)`] : []),
    ];
    const people = cuantas(counts.people, 'persona', 'personas');
    const head = `${dry ? 'Traerías' : 'Trajiste'} ${people} de ${report.file}, a nombre de ${report.organizer.name}`;
    return `${head}: ${peopleParts.join(', ')}. ${meetingParts.join(', ')}.${webLine(report.web)}${dry ? ' No se escribió nada (prueba).' : ''}`;
  },
};

function webLine(web: Parameters<ImportLocalWords['summary']>[0]['web']): string {
  if (!web) return '';
  const kept = web.assessmentsKept > 0 ? ` (${web.assessmentsKept} que el servidor tenía distintas, se conservaron)` : '';
  const parts = [
    `${cuantas(web.assessed, 'evaluación', 'evaluaciones')}${kept}`,
    cuantas(web.units, 'membresía en una unidad', 'membresías en unidades'),
    cuantas(web.touches, 'contacto', 'contactos'),
    cuantas(web.relationships, 'relación', 'relaciones'),
  ];
  return ` Con ellas: ${parts.join(', ')}.`;
}
