import type { Template } from '../meeting/template.js';
import { planPhases } from '../meeting/plan.js';
import { formatMinutes, formatShare } from '../support/format.js';
import { paint } from './color.js';
import { printData } from './output.js';
import { renderTable } from './table.js';

export function renderTemplateList(templates: Template[], userDir: string, color: boolean): void {
  const rows = templates.map((t) => [t.name, t.title, t.language, formatMinutes(t.minutes * 60), t.lengths.join(', '), t.phases.length, t.source]);
  printData(renderTable(['name', 'title', 'language', 'length', 'runs at (min)', 'phases', 'from'], rows, color));
  printData(`Your own templates go in ${userDir} (start from a copy: oneonone templates show agenda --yaml).`);
}

export function renderTemplate(template: Template, color: boolean): void {
  const c = paint(color);
  const planned = planPhases(template);
  const lines = [c.bold(`${template.title} (${template.name}, ${formatMinutes(template.minutes * 60)}, ${template.source})`)];
  if (template.description) lines.push(template.description);
  if (template.marks) lines.push('On the live screen, q counts an open question and r a reflection.');
  template.phases.forEach((phase, index) => {
    lines.push(
      '',
      c.bold(`${index + 1}. ${phase.title} — ${formatMinutes(planned[index]!.plannedSeconds)} · you talk at most ${formatShare(phase.maxTalkShare)}`),
      `   ${phase.purpose}`,
      ...phase.tips.map((tip) => `   tip: ${tip}`),
      ...phase.questions.map((question) => `   ask: ${question}`),
      `   listen for: ${phase.noteTags.join(', ')}`,
    );
  });
  printData(lines.join('\n'));
}

/** The file itself, under a comment saying where a copy goes: what is printed loads as a template once renamed. */
export function renderTemplateYaml(template: Template, text: string, userDir: string): void {
  const header = [
    `# The '${template.name}' meeting guide (${template.source}), from ${template.file}.`,
    `# To make your own: save this as ${userDir}/my-${template.name}.yaml, change "name: ${template.name}" below`,
    '# to a new name (lowercase letters, digits and dashes), and edit the rest.',
  ];
  printData(`${header.join('\n')}\n\n${text}`);
}
