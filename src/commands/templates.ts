import { DomainError } from '../support/errors.js';
import { findTemplate, loadTemplates, templateText, userTemplateDir } from '../support/template-files.js';
import { printJson } from '../ui/output.js';
import { renderTemplate, renderTemplateList, renderTemplateYaml } from '../ui/templates.js';
import { useColor, type GlobalOptions } from './context.js';

export interface TemplatesOptions {
  json?: boolean;
  yaml?: boolean;
}

export async function run(verb: string | undefined, name: string | undefined, options: TemplatesOptions, globals: GlobalOptions): Promise<void> {
  if (options.yaml && options.json) throw new DomainError('templates.yaml-and-json', {});
  if (verb === undefined) {
    if (options.yaml) throw new DomainError('templates.yaml-alone', { dir: userTemplateDir() });
    const templates = loadTemplates();
    if (options.json) return printJson(templates.map(({ name, title, language, source, file, minutes, lengths, phases }) => ({ name, title, language, source, file, minutes, lengths, phases: phases.length })));
    return renderTemplateList(templates, userTemplateDir(), useColor(globals));
  }
  if (verb === 'show' && name === undefined) {
    throw new DomainError('templates.show-needs-name', {});
  }
  if (verb !== 'show' || name === undefined) {
    throw new DomainError('templates.unknown-use', { words: [verb, name].filter(Boolean).join(' ') });
  }
  const template = findTemplate(name);
  if (options.json) return printJson(template);
  if (options.yaml) return renderTemplateYaml(template, templateText(template), userTemplateDir());
  renderTemplate(template, useColor(globals));
}
