/** Lo que dice `templates` de las guías de reunión. */
import type { TemplateSource } from '../../meeting/template.js';
import { noteTagLabel } from '../meeting.js';
import type { TemplateWords } from '../templates.js';

const SOURCES: Record<TemplateSource, string> = { 'built-in': 'incluida', user: 'tuya' };

export const TEMPLATES_ES: TemplateWords = {
  headings: ['nombre', 'título', 'idioma', 'duración', 'se puede en (min)', 'fases', 'origen'],
  source: (source) => SOURCES[source],
  ownFolder: (folder) => `Tus propias guías van en ${folder} (empieza de una copia: oneonone templates show reunion-uno-a-uno --yaml).`,
  heading: (title, name, length, source) => `${title} (${name}, ${length}, ${SOURCES[source]})`,
  marks: 'En la pantalla en vivo, q cuenta una pregunta abierta y r un reflejo.',
  phase: (position, title, length, share) => `${position}. ${title} — ${length} · hablas como máximo el ${share}`,
  tip: (text) => `consejo: ${text}`,
  ask: (text) => `pregunta: ${text}`,
  listenFor: (tags) => `escucha: ${tags.map(noteTagLabel).join(', ')}`,
  yamlHeader: (name, source, file, folder) => [
    `# La guía de reunión '${name}' (${SOURCES[source]}), de ${file}.`,
    `# Para hacer la tuya: guárdala como ${folder}/mi-${name}.yaml, cambia abajo "name: ${name}"`,
    '# por un nombre nuevo (minúsculas, dígitos y guiones) y edita lo demás.',
  ],
};
