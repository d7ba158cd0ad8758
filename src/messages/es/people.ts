/** El registro de personas en español: people, show, search, lo que log guardó y lo que hicieron edit, merge y delete. */
import type { DeletedWords, EditedWords, PeopleWords, ProfileWords, SavedWords, SearchWords } from '../people.js';
import { isNoteTag } from '../../meeting/tags.js';
import { noteTagLabel } from '../meeting.js';
import { icu } from './icu.js';

const GOALS: Record<string, string> = { recruitment: 'reclutar', maintenance: 'mantener', escalation: 'subir un peldaño' };
const MODES: Record<string, string> = { 'in-person': 'en persona', 'house-visit': 'visita a domicilio', phone: 'por teléfono', video: 'por video' };
const RESULTS: Record<string, string> = { kept: 'cumplió', broken: 'no cumplió' };

const SIN_TERMINAR = icu('{drafts, plural, one {y # sin terminar} other {y # sin terminar}}');
const NOTAS = icu('{count, plural, one {# nota} other {# notas}}');
const SOLICITUDES = icu('{count, plural, one {# solicitud} other {# solicitudes}}');
const SEGUIMIENTOS = icu('{count, plural, one {# seguimiento} other {# seguimientos}}');
const REUNIONES = icu('{count, plural, one {# reunión} other {# reuniones}}');
const REFERIDOS = icu('{count, plural, one {# referido} other {# referidos}}');
const PERSONAS = icu('{count, plural, one {# persona} other {# personas}}');
const RESULTADOS = icu('{count, plural, one {# resultado} other {# resultados}}');

const PROFILE_ES: ProfileWords = {
  heading: (rung, potential, assessed) => `${rung}${potential ? `, potencial de liderazgo ${potential}/5` : ''}${assessed ? `, evaluación ${assessed}` : ''}`,
  organizer: (owner) => `organizador/a: ${owner ?? 'nadie'}`,
  alsoKnownAs: (names) => `también conocido/a como ${names}`,
  lastMet: (when, contact, count, drafts) => `última reunión: ${when}${contact} · reuniones: ${count}${drafts ? ` (${SIN_TERMINAR({ drafts })})` : ''}`,
  referredBy: (name, id) => `su nombre te lo dio ${name} (#${id})`,
  titles: {
    cares: 'Lo que le importa', asks: 'Solicitudes', followUps: 'Seguimientos', ladder: 'Escalera de participación', assessment: 'Evaluación',
    connected: 'Te conectó con', handoffs: 'Traspasos', meetings: 'Reuniones, de la más reciente a la más antigua',
  },
  followUp: (id, done, text, due) => `F${id} ${done ? 'hecho' : 'pendiente'}: ${text} — ${due}`,
  ask: (id, text, due, answer, result) => `A${id}: ${text}${due ? ` para el ${due}` : ''} — ${answer ?? 'sin respuesta todavía'}${result ? `, ${result}` : ''}`,
  askResult: (result) => RESULTS[result] ?? result,
  meetingReason: (id) => `reunión M${id}`,
  handoff: (at, from, to, by, carried, note) =>
    `${at}: ${from ?? 'nadie'} → ${to} (lo hizo ${by}; ${carried ? 'las solicitudes y seguimientos pendientes pasaron también' : 'las solicitudes y seguimientos pendientes se quedaron'}): ${note}`,
  talked: (organizer, share) => ` · ${organizer ? 'el/la organizador/a habló' : 'hablaste'} el ${share}`,
  stretch: (length) => `, como máximo ${length} seguidos`,
  with: (organizer) => ` · con ${organizer}`,
  draft: (id) => ` · BORRADOR (para retomarlo: oneonone start --resume ${id})`,
  goal: (goal) => GOALS[goal] ?? goal,
  mode: (mode) => MODES[mode] ?? mode,
};

const SAVED_ES: SavedWords = {
  keptHere: (name) => `La reunión con ${name} quedó guardada en esta computadora, para enviarla`,
  saved: (id, name, personId) => `Reunión M${id} con ${name} (#${personId}) guardada`,
  agitation: (text) => `agitación: ${text}`,
  ask: (id, text, due, outcome) => `solicitud${id}: ${text}${due ? ` — para el ${due}` : ''}${outcome ? ` — ${outcome}` : ''}`,
  followUp: (id, text, due) => `seguimiento${id}: ${text} — ${due}`,
  rung: (rung, potential) => `peldaño: ${rung}${potential ? ` · potencial de liderazgo ${potential}/5` : ''}`,
};

/** A note kind by its label ("interés propio"). */
const tipo = (tag: string) => (isNoteTag(tag) ? `«${noteTagLabel(tag)}»` : tag);

const SEARCH_ES: SearchWords = {
  fields: {
    barriers: 'obstáculos', support: 'apoyo', name: 'nombre', email: 'correo', phone: 'teléfono', neighborhood: 'barrio',
    organization: 'organización', notes: 'notas',
  },
  note: 'nota',
  ask: (fields) => (fields.length ? `solicitud (${fields.join(', ')})` : 'solicitud'),
  followUp: 'seguimiento',
  agitation: 'agitación',
  and: ' y ',
  nothing: (looked, tag) =>
    `No se encontró nada para ${looked}${tag === null ? '' : ` en notas de tipo ${tipo(tag)}`}.${tag === null ? '' : ' Prueba sin --tag para buscar en todo.'}`,
  found: (count, looked, tag) => `${RESULTADOS({ count })} para ${looked}${tag === null ? '' : ` en notas de tipo ${tipo(tag)}`}, los mejores primero.`,
  more: (limit) => ` Hay más: velos con --limit ${limit}.`,
};

const FIELDS: Record<string, string> = {
  name: 'nombre', email: 'correo', phone: 'teléfono', neighborhood: 'barrio', organization: 'organización', language: 'idioma',
  interpreter: 'intérprete', notes: 'notas', potential: 'potencial', 'referred by': 'te lo presentó', rung: 'peldaño',
  assessment: 'evaluación', unit: 'unidad', date: 'fecha', goal: 'objetivo', minutes: 'minutos', how: 'cómo', where: 'dónde',
  text: 'texto', kind: 'tipo', due: 'para', answer: 'respuesta', barriers: 'obstáculos', support: 'apoyo',
};

const EDITED_ES: EditedWords = {
  unchanged: (what) => `${what} ya dice eso; no cambió nada.`,
  corrected: (what, lines) => `Corregido ${what}:\n${lines.join('\n')}\nPara deshacerlo: oneonone undo`,
  field: (field) => FIELDS[field] ?? field,
  none: '(nada)',
  yesNo: (value) => (value === 'yes' ? 'sí' : value),
};

const DELETED_ES: DeletedWords = {
  done: (words) => `Borrado: ${words}. Para deshacerlo: oneonone undo`,
  meeting: (item, name, when, notes, asks, followups) =>
    `${item}, la reunión uno a uno con ${name} del ${when}, con ${NOTAS({ count: notes })}, ${SOLICITUDES({ count: asks })} y ${SEGUIMIENTOS({ count: followups })}`,
  note: (item, person, tag, text) => `${item} (${person}, ${isNoteTag(tag) ? noteTagLabel(tag) : tag}: ${text})`,
  ask: (item, person, text) => `${item} (${person}: ${text}) y sus seguimientos`,
  followUp: (item, person, due) => `${item} (${person}, para el ${due})`,
};

export const PEOPLE_ES: PeopleWords = {
  head: (assessed) => ['id', 'nombre', 'peldaño', 'potencial', ...(assessed ? ['evaluación'] : []), 'última reunión', 'reuniones', 'solicitudes pendientes', 'seguimientos'],
  nobody: 'Todavía no hay nadie. Agrega a alguien con: oneonone log "Ana Ruiz" (o con oneonone start).',
  seeEveryone: 've a todas las personas con --json, o con oneonone export people',
  profile: PROFILE_ES,
  rungReasons: {
    added: 'agregado/a',
    afterAMeeting: 'después de una reunión',
    afterMeetingOf: (date) => `después de la reunión del ${date}`,
    imported: (from) => `importado/a de ${from ?? 'un archivo'}`,
  },
  saved: SAVED_ES,
  search: SEARCH_ES,
  edited: EDITED_ES,
  merged: (from, into, moved) =>
    `${from} quedó unido/a a ${into}; se movieron: ${REUNIONES({ count: moved.meetings })}, ${NOTAS({ count: moved.notes })}, ${SOLICITUDES({ count: moved.asks })}, ${SEGUIMIENTOS({ count: moved.followups })}, ${REFERIDOS({ count: moved.referralsUnlinked })}.`,
  taken: (details) => `  tomado: ${details}`,
  kept: (details) => `  se conservó: ${details}`,
  stillFinds: (name, undoable) =>
    `  "${name}" todavía encuentra a esta persona. ${undoable ? 'Para deshacerlo: oneonone undo' : 'En un servidor de equipo una unión no se puede deshacer: movió notas de tus compañeros.'}`,
  deleted: DELETED_ES,
  lookup: {
    lastMet: (date) => `última reunión ${date}`,
    neverMet: 'nunca se reunieron',
    once: (name) => ` (antes "${name}")`,
    andMore: (count) => `; y ${count} más`,
    whichOne: (input, count) => `"${input}" puede ser ${PERSONAS({ count })}. ¿Cuál?`,
    whoIsIt: (input, count) => `"${input}" puede ser ${PERSONAS({ count })}. ¿Quién es?`,
    closeTo: (input) => `"${input}" se parece a personas que conoces. ¿Quién es?`,
    addAsNew: (name) => `Agregar a "${name}" como persona nueva`,
  },
};
