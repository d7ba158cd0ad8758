import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate, type Template, type TemplateSource } from '../meeting/template.js';
import { DomainError } from './errors.js';
import { configDir } from './paths.js';

export interface TemplateFileOptions {
  /** Where the organizer's own templates live; defaults to userTemplateDir(). */
  userDir?: string;
}

let builtInDir: string | undefined;

/** Walks up because esbuild moves this code into dist/ chunks, so the depth of this module varies. */
export function builtInTemplateDir(): string {
  builtInDir ??= findTemplatesAbove(dirname(fileURLToPath(import.meta.url)));
  return builtInDir;
}

function findTemplatesAbove(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'agenda.yaml'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`the built-in templates folder was not found above ${start}`);
  }
}

export function userTemplateDir(env: Record<string, string | undefined> = process.env): string {
  return env.ONEONONE_TEMPLATES ? resolve(env.ONEONONE_TEMPLATES) : join(configDir(env), 'templates');
}

/** Built-ins, then the organizer's own; an own template with a built-in's name replaces it. */
export function loadTemplates(options: TemplateFileOptions = {}): Template[] {
  const byName = new Map<string, Template>();
  for (const template of readFolder(builtInTemplateDir(), 'built-in')) byName.set(template.name, template);
  for (const template of readFolder(options.userDir ?? userTemplateDir(), 'user')) byName.set(template.name, template);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function findTemplate(name: string, options: TemplateFileOptions = {}): Template {
  const templates = loadTemplates(options);
  const wanted = name.trim().toLowerCase();
  const found = templates.find((template) => template.name === wanted);
  if (found) return found;
  const names = templates.map((template) => template.name);
  const closest = names
    .filter((candidate) => editDistance(wanted, candidate) <= 2)
    .sort((a, b) => editDistance(wanted, a) - editDistance(wanted, b))[0];
  throw new DomainError('templates.not-found', { name, closest: closest ?? null, names });
}

function readFolder(dir: string, source: TemplateSource): Template[] {
  const templates = templateFiles(dir).map((file) => parseTemplate(readText(file), file, source));
  const fileByName = new Map<string, string>();
  for (const template of templates) {
    const earlier = fileByName.get(template.name);
    if (earlier) throw new DomainError('templates.same-name', { name: template.name, first: earlier, second: template.file });
    fileByName.set(template.name, template.file);
  }
  return templates;
}

function templateFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((entry) => /\.ya?ml$/i.test(entry) && !entry.startsWith('.'))
      .sort()
      .map((entry) => join(dir, entry));
  } catch (error) {
    // No folder just means the organizer has not written any templates yet.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DomainError('templates.folder-unreadable', { dir, reason: (error as Error).message });
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DomainError('templates.file-unreadable', { file, reason: (error as Error).message });
  }
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
