import type { Template } from '../meeting/template.js';
import { planPhases } from '../meeting/plan.js';
import { formats } from '../messages/format.js';
import { templateWords } from '../messages/templates.js';
import { paint } from './color.js';
import { printData } from './output.js';
import { renderTable } from './table.js';

export function renderTemplateList(templates: Template[], userDir: string, color: boolean): void {
  const words = templateWords();
  const { minutes } = formats();
  const rows = templates.map((t) => [t.name, t.title, t.language, minutes(t.minutes * 60), t.lengths.join(', '), t.phases.length, words.source(t.source)]);
  printData(renderTable([...words.headings], rows, color));
  printData(words.ownFolder(userDir));
}

export function renderTemplate(template: Template, color: boolean): void {
  const c = paint(color);
  const planned = planPhases(template);
  const words = templateWords();
  const { minutes, share } = formats();
  const lines = [c.bold(words.heading(template.title, template.name, minutes(template.minutes * 60), template.source))];
  if (template.description) lines.push(template.description);
  if (template.marks) lines.push(words.marks);
  template.phases.forEach((phase, index) => {
    lines.push(
      '',
      c.bold(words.phase(index + 1, phase.title, minutes(planned[index]!.plannedSeconds), share(phase.maxTalkShare))),
      `   ${phase.purpose}`,
      ...phase.tips.map((tip) => `   ${words.tip(tip)}`),
      ...phase.questions.map((question) => `   ${words.ask(question)}`),
      `   ${words.listenFor(phase.noteTags)}`,
    );
  });
  printData(lines.join('\n'));
}

/** The file itself, under a comment saying where a copy goes: what is printed loads as a template once renamed. */
export function renderTemplateYaml(template: Template, text: string, userDir: string): void {
  const header = templateWords().yamlHeader(template.name, template.source, template.file, userDir);
  printData(`${header.join('\n')}\n\n${text}`);
}
