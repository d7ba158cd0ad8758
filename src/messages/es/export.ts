/**
 * The sheets' headers in Spanish (`export --lang es`), column by column; `import` reads them back as it reads the
 * English ones. The cells keep their codes (rungs, outcomes, kinds), which import reads in either language.
 */
import type { ExportWords } from '../export.js';
import { icu } from './icu.js';

export const EXPORT_HEADERS_ES: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'nombre',
  person: 'persona',
  person_id: 'persona_id',
  rung: 'peldaño',
  potential: 'potencial',
  assessment: 'evaluación',
  email: 'correo',
  phone: 'teléfono',
  neighborhood: 'barrio',
  organization: 'organización',
  language: 'idioma',
  interpreter: 'intérprete',
  units: 'unidades',
  notes: 'notas',
  source: 'fuente',
  referred_by: 'referido_por',
  meetings: 'reuniones',
  last_met: 'última_reunión',
  added: 'agregado',
  date: 'fecha',
  goal: 'objetivo',
  template: 'guía',
  status: 'estado',
  planned_minutes: 'minutos_previstos',
  actual_minutes: 'minutos_reales',
  organizer_talk_share: 'parte_que_habló_el_organizador',
  asks: 'solicitudes',
  outcomes: 'respuestas',
  rung_after: 'peldaño_después',
  agitation: 'agitación',
  values: 'valores',
  interests: 'intereses_propios',
  motivations: 'motivaciones',
  issues: 'temas',
  skills: 'habilidades',
  capacity: 'capacidad',
  stories_shared: 'historias_compartidas',
  lead_ins: 'pistas',
  other_notes: 'otras_notas',
  meeting_id: 'reunión_id',
  meeting_date: 'fecha_reunión',
  ask: 'solicitud',
  due: 'para',
  outcome: 'respuesta',
  result: 'resultado',
  barriers: 'obstáculos',
  support: 'apoyo',
  checked: 'revisada',
  created: 'creado',
  followup: 'seguimiento',
  done: 'hecho',
  tag: 'etiqueta',
  note: 'nota',
  phase: 'fase',
  by: 'por',
  recorded: 'registrado',
  kind: 'tipo',
  other_id: 'otra_persona_id',
  other: 'otra_persona',
  since: 'desde',
  ended: 'terminó',
  size: 'tamaño',
  people: 'personas',
};

const HOJAS: ExportWords['tables'] = {
  people: ['persona', 'personas'], meetings: ['reunión', 'reuniones'], asks: ['solicitud', 'solicitudes'], followups: ['seguimiento', 'seguimientos'],
  notes: ['nota', 'notas'], touches: ['contacto', 'contactos'], relationships: ['relación', 'relaciones'], units: ['unidad', 'unidades'],
};

const ESCRITAS = icu('{count, plural, one {Se escribió # {one}} other {Se escribieron # {many}}} en {path} (solo tú lo puedes leer).');

/** Lo que dice `export` en stderr. */
export const EXPORT_ES: ExportWords = {
  tables: HOJAS,
  wrote: (count, table, path) => ESCRITAS({ count, one: HOJAS[table][0], many: HOJAS[table][1], path }),
};
