/** What `templates` says about the meeting guides, in English. Another language is another object of this shape. */
import type { TemplateSource } from '../meeting/template.js';
import type { NoteTag } from '../meeting/tags.js';
import { spokenCatalogues } from './spoken.js';

export interface TemplateWords {
  headings: [name: string, title: string, language: string, length: string, runsAt: string, phases: string, from: string];
  source(source: TemplateSource): string;
  ownFolder(folder: string): string;
  heading(title: string, name: string, length: string, source: TemplateSource): string;
  marks: string;
  phase(position: number, title: string, length: string, share: string): string;
  tip(text: string): string;
  ask(text: string): string;
  /** English lists the guide's own codes, as they are written in the file. */
  listenFor(tags: readonly NoteTag[]): string;
  yamlHeader(name: string, source: TemplateSource, file: string, folder: string): string[];
}

const TEMPLATES_EN: TemplateWords = {
  headings: ['name', 'title', 'language', 'length', 'runs at (min)', 'phases', 'from'],
  source: (source) => source,
  ownFolder: (folder) => `Your own templates go in ${folder} (start from a copy: oneonone templates show agenda --yaml).`,
  heading: (title, name, length, source) => `${title} (${name}, ${length}, ${source})`,
  marks: 'On the live screen, q counts an open question and r a reflection.',
  phase: (position, title, length, share) => `${position}. ${title} — ${length} · you talk at most ${share}`,
  tip: (text) => `tip: ${text}`,
  ask: (text) => `ask: ${text}`,
  listenFor: (tags) => `listen for: ${tags.join(', ')}`,
  yamlHeader: (name, source, file, folder) => [
    `# The '${name}' meeting guide (${source}), from ${file}.`,
    `# To make your own: save this as ${folder}/my-${name}.yaml, change "name: ${name}" below`,
    '# to a new name (lowercase letters, digits and dashes), and edit the rest.',
  ],
};

export const templateWords = (): TemplateWords => spokenCatalogues()?.templates ?? TEMPLATES_EN;
