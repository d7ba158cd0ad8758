import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimedName, parseTemplate, type Template, type TemplateSource } from '../meeting/template.js';
import { errorText } from '../messages/errors.js';
import { printWarning } from '../ui/output.js';
import { DomainError } from './errors.js';
import { configDir } from './paths.js';

export interface TemplateFileOptions {
  /** Where the organizer's own templates live; defaults to userTemplateDir(). */
  userDir?: string;
  /** Told, in a line, about each user template that is skipped; defaults to a warning on stderr. */
  warn?: (text: string) => void;
}

/** A user template (or two claiming one name, or the whole folder) that cannot be used, and the names it answers to. */
interface Skipped {
  error: DomainError;
  files: string[];
  names: string[];
}

interface Loaded {
  templates: Template[];
  skipped: Skipped[];
}

/**
 * Set by scripts/build.mjs to the file, beside the chunks in dist/, that holds the built-in guides as the build checked
 * and compiled them (compileBuiltInTemplates). Not declared when the source runs (the unit tests), so `typeof` says
 * 'undefined' and the guides are parsed from templates/*.yaml as the build does.
 */
declare const BUILT_IN_TEMPLATES: string;

/** The built-in guides as the build writes them: each template as parsed, its file named relative to templates/. */
export interface CompiledTemplates {
  templates: Template[];
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

/** Built-ins, then the organizer's own; an own template with a built-in's name replaces it. Broken own ones are skipped. */
export function loadTemplates(options: TemplateFileOptions = {}): Template[] {
  const { templates, skipped } = loadAll(options);
  warnAbout(skipped, options);
  return templates;
}

/** A broken user template blocks only a command that asks for it by its file's name or the name it claims. */
export function findTemplate(name: string, options: TemplateFileOptions = {}): Template {
  const { templates, skipped } = loadAll(options);
  const wanted = name.trim().toLowerCase();
  const asked = skipped.find((problem) => problem.names.includes(wanted));
  warnAbout(skipped.filter((problem) => problem !== asked), options);
  if (asked) throw asked.error;
  const found = templates.find((template) => template.name === wanted);
  if (found) return found;
  const names = templates.map((template) => template.name);
  const closest = names
    .filter((candidate) => editDistance(wanted, candidate) <= 2)
    .sort((a, b) => editDistance(wanted, a) - editDistance(wanted, b))[0];
  throw new DomainError('templates.not-found', { name, closest: closest ?? null, names });
}

/** The file as the organizer wrote it, comments and all, for `templates show NAME --yaml`. */
export function templateText(template: Template): string {
  return readText(template.file);
}

/**
 * The built-in guides read, checked and parsed from their folder, as the build writes them into dist/: the same checks
 * as an organizer's own template gets, and a broken one is thrown (the build fails on it).
 */
export function compileBuiltInTemplates(dir: string = builtInTemplateDir()): CompiledTemplates {
  return { templates: readBuiltIns(dir).map((template) => ({ ...template, file: relative(dir, template.file) })) };
}

function readBuiltIns(dir: string): Template[] {
  const builtIn = readFolder(dir, 'built-in');
  // The built-ins ship with oneonone: a broken one is a bug to report, not a file to skip.
  if (builtIn.skipped[0]) throw builtIn.skipped[0].error;
  return builtIn.templates;
}

/** In the bundle, the guides the build compiled (no YAML parsed, so the yaml package is not loaded); from source, parsed. */
function builtInTemplates(): Template[] {
  const dir = builtInTemplateDir();
  if (typeof BUILT_IN_TEMPLATES !== 'string') return readBuiltIns(dir);
  const compiled = JSON.parse(readFileSync(new URL(BUILT_IN_TEMPLATES, import.meta.url), 'utf8')) as CompiledTemplates;
  return compiled.templates.map((template) => ({ ...template, file: join(dir, template.file) }));
}

/**
 * A guide's name is lowercase letters, digits and dashes (parseTemplate), which code order sorts as localeCompare does,
 * without loading ICU (6–9 ms the first time).
 */
export function byGuideName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function loadAll(options: TemplateFileOptions): Loaded {
  const builtIn = builtInTemplates();
  const own = readFolder(options.userDir ?? userTemplateDir(), 'user');
  const byName = new Map<string, Template>();
  for (const template of [...builtIn, ...own.templates]) byName.set(template.name, template);
  return { templates: [...byName.values()].sort(byGuideName), skipped: own.skipped };
}

function readFolder(dir: string, source: TemplateSource): Loaded {
  let files: string[];
  try {
    files = templateFiles(dir);
  } catch (error) {
    if (error instanceof DomainError) return { templates: [], skipped: [{ error, files: [], names: [] }] };
    throw error;
  }
  // An empty file is one being written (`templates show NAME --yaml > mine.yaml` creates it first): not yet a guide, not a broken one.
  const read = files.filter((file) => statSync(file).size > 0).map((file) => readTemplate(file, source));
  const parsed = read.filter((entry): entry is Template => !('error' in entry));
  const shared = sharedNames(parsed);
  return {
    templates: parsed.filter((template) => !shared.some((problem) => problem.names.includes(template.name))),
    skipped: [...read.filter((entry): entry is Skipped => 'error' in entry), ...shared],
  };
}

function readTemplate(file: string, source: TemplateSource): Template | Skipped {
  let text: string | undefined;
  try {
    text = readText(file);
    return parseTemplate(text, file, source);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const names = [basename(file).replace(/\.ya?ml$/i, '').toLowerCase(), text === undefined ? undefined : claimedName(text)];
    return { error, files: [file], names: names.filter((name): name is string => name !== undefined) };
  }
}

/** Two files claiming one name: neither is used, since either could be the one meant. */
function sharedNames(templates: Template[]): Skipped[] {
  const filesByName = new Map<string, string[]>();
  for (const template of templates) filesByName.set(template.name, [...(filesByName.get(template.name) ?? []), template.file]);
  return [...filesByName]
    .filter(([, files]) => files.length > 1)
    .map(([name, files]) => ({ error: new DomainError('templates.same-name', { name, first: files[0]!, second: files[1]! }), files, names: [name] }));
}

/** Once per problem per run: start and log may load the templates more than once. */
const warned = new Set<string>();

function warnAbout(skipped: Skipped[], options: TemplateFileOptions): void {
  for (const problem of skipped) {
    const text = skippedWords(problem);
    if (options.warn) options.warn(text);
    else if (!warned.has(text)) {
      warned.add(text);
      printWarning(text);
    }
  }
}

function skippedWords({ error, files }: Skipped): string {
  const { message } = errorText(error);
  if (files.length === 0) return `${message}; using the built-in templates only`;
  if (files.length > 1) return `${message}; skipped them until one is renamed or removed`;
  return `${message}; skipped it: fix or remove ${files[0]}`;
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
