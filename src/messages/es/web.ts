/** La red de relaciones en español: touch, relate, units, y lo que la ficha de alguien dice de a quién conoce y dónde está. */
import type { Relationship, RelationshipKind, TouchKind, UnitKind } from '../../store/contract-web.js';
import { sentenceFrom, type WebLabels, type WebWords } from '../web.js';
import { FORMAT_ES } from './format.js';
import { icu } from './icu.js';

const LABELS: WebLabels = {
  relationships: {
    family: 'familia',
    coworker: 'compañero/a de trabajo',
    neighbor: 'vecino/a',
    'same-building': 'mismo edificio',
    congregation: 'misma congregación',
    friend: 'amigo/a',
    leads: 'lidera a',
    other: 'se conocen',
  },
  ledBy: 'su líder',
  touches: { call: 'llamada', text: 'mensaje', door: 'puerta', event: 'evento', other: 'otro' },
  units: { building: 'edificio', worksite: 'lugar de trabajo', shift: 'turno', school: 'escuela', congregation: 'congregación', block: 'cuadra', other: 'otra' },
};

/** El final de "Ana Ruiz y Bo Chen …". */
const JUNTOS: Record<Exclude<RelationshipKind, 'leads'>, string> = {
  family: 'son familia',
  coworker: 'trabajan en el mismo lugar',
  neighbor: 'son vecinos',
  'same-building': 'viven o trabajan en el mismo edificio',
  congregation: 'van a la misma congregación',
  friend: 'son amigos',
  other: 'se conocen',
};

/** Un contacto como final de "Anotado: …": "una llamada con Ana Ruiz". */
const CONTACTO: Record<TouchKind, (name: string) => string> = {
  call: (name) => `una llamada con ${name}`,
  text: (name) => `un mensaje con ${name}`,
  door: (name) => `una visita a la puerta de ${name}`,
  event: (name) => `una plática con ${name} en un evento`,
  other: (name) => `un contacto con ${name}`,
};

/** "2 llamadas", "1 visita a una puerta". */
const CUANTOS: Record<TouchKind, (values: { count: number }) => string> = {
  call: icu('{count, plural, one {# llamada} other {# llamadas}}'),
  text: icu('{count, plural, one {# mensaje} other {# mensajes}}'),
  door: icu('{count, plural, one {# visita a una puerta} other {# visitas a puertas}}'),
  event: icu('{count, plural, one {# plática en un evento} other {# pláticas en eventos}}'),
  other: icu('{count, plural, one {# otro} other {# otros}}'),
};
const OTROS = icu('{total, plural, one {# contacto más} other {# contactos más}}');

const touchCount = (by: string, count: number) => CUANTOS[by as TouchKind]?.({ count }) ?? `${count} ${by}`;
const touchLabel = (by: string) => LABELS.touches[by as TouchKind] ?? by;
const unitLabel = (kind: string) => LABELS.units[kind as UnitKind] ?? kind;
const UNDO = 'Deshazlo con: oneonone undo';

/** Cómo se lee un campo de una unidad en una corrección. */
const FIELD: Record<string, string> = { name: 'nombre', kind: 'tipo', size: 'tamaño' };
/** A corrected value as units.ts gives it (a kind's code, a size or "(none)"), said in Spanish. */
const value = (field: string, given: string) => (field === 'kind' ? unitLabel(given) : given === '(none)' ? '(ninguno)' : given);

export const WEB_ES: WebWords = {
  labels: LABELS,
  relationshipSentence: (a, b, kind) => (kind === 'leads' ? `${a} lidera a ${b}` : `${a} y ${b} ${JUNTOS[kind]}`),
  lastContact: (when, by) => `último contacto: ${when} (${touchLabel(by)})`,
  otherContacts: (total, by) =>
    `Además: ${OTROS({ total })} (${by.map((row) => touchCount(row.by, row.touches)).join(', ')}), que no cuentan como reuniones uno a uno.`,
  touched: (name, by, at, note) =>
    `Anotado: ${CONTACTO[by](name)}, ${FORMAT_ES.dateTime(at)}${note ? ` (${note})` : ''}. No es una reunión uno a uno: sus reuniones quedan como estaban.\n${UNDO}`,
  touchItem: (name, by) => CONTACTO[by](name),
  related: (a, b, kind, note) => `Anotado: ${WEB_ES.relationshipSentence(a, b, kind)}${note ? ` (${note})` : ''}.\n${UNDO}`,
  alreadyRelated: (a, b, kind, since) =>
    `Ya estaba anotado: ${WEB_ES.relationshipSentence(a, b, kind)}${since ? ` (desde el ${FORMAT_ES.date(since)})` : ''}; no cambió nada.`,
  unrelated: (a, b, ended: Relationship[]) =>
    `Marcado como terminado: ${ended.map((r) => `"${sentenceFrom(WEB_ES, a, b, r)}"`).join(', ')} (queda en la ficha de cada uno, con la fecha).\n${UNDO}`,
  relateItem: (a, b, kind) => `"${WEB_ES.relationshipSentence(a, b, kind)}"`,
  unrelateItem: (a, b) => `el fin de la relación entre ${a} y ${b}`,
  unitItem: (name) => `la unidad ${name}`,
  unitAdded: (unit) => `Agregaste la unidad ${unit.name} (${WEB_ES.unitFacts(unit)}).\nPon gente en ella con: oneonone edit NOMBRE --unit "${unit.name}"`,
  unitCorrected: (name, changes) => `Corregiste la unidad ${name}:\n${changes.map((c) => `  ${FIELD[c.field] ?? c.field}: ${value(c.field, c.from)} → ${value(c.field, c.to)}`).join('\n')}\n${UNDO}`,
  unitUnchanged: (name) => `La unidad ${name} ya estaba así; no cambió nada.`,
  noUnits: 'Todavía no hay unidades. Agrega una con: oneonone units add "Edificio 12" --kind building --size 40 (o con: oneonone edit NOMBRE --unit "Edificio 12")',
  unitHead: ['Unidad', 'Tipo', 'Tamaño', 'Personas conocidas'],
  knowsTitle: 'Conoce a',
  placesTitle: 'Lugares',
  touchesTitle: 'Otros contactos, del más reciente al más antiguo',
  madeUnit: (name, kind) => `${name} (nueva, ${unitLabel(kind)})`,
  unitFacts: (unit) => (unit.size === null ? unitLabel(unit.kind) : `${unitLabel(unit.kind)}, tamaño ${unit.size}`),
  touchLine: (t) => `${touchLabel(t.by)}: ${FORMAT_ES.dateTime(t.touchedAt)}${t.note ? ` — ${t.note}` : ''}`,
  knowsLine: (r) => {
    const how = r.direction === 'led-by' ? LABELS.ledBy : LABELS.relationships[r.kind] ?? r.kind;
    const when = r.endedAt ? `${FORMAT_ES.date(r.since)} – ${FORMAT_ES.date(r.endedAt)}, terminada` : `desde el ${FORMAT_ES.date(r.since)}`;
    return `${how}: ${r.other.name} (#${r.other.id}), ${when}${r.note ? ` — ${r.note}` : ''}`;
  },
  placeLine: (place) => `${place.name} (${WEB_ES.unitFacts(place)}), desde el ${FORMAT_ES.date(place.since)}`,
  unitRow: (unit) => [unit.name, unitLabel(unit.kind), unit.size === null ? '—' : String(unit.size), String(unit.people)],
};
