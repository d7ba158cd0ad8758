import { DomainError, type TemplateProblem, type ValueSeen } from '../support/errors.js';
import { yaml } from '../support/yaml.js';
import { CONTROL_CHARACTERS } from '../people/text.js';
import { isLanguage, LANGUAGES, type Language } from '../support/language.js';
import { isNoteTag, type NoteTag } from './tags.js';
import { isScoreItem, SCORE_ITEMS, type ScoreItem } from './scorecard.js';

export interface TemplatePhase {
  key: string;
  title: string;
  minutes: number;
  purpose: string;
  tips: string[];
  questions: string[];
  maxTalkShare: number;
  noteTags: NoteTag[];
}

export type TemplateSource = 'built-in' | 'user';

export interface Template {
  name: string;
  title: string;
  description: string;
  minutes: number;
  lengths: number[];
  /** The language the guide is written in (`language: es`); English unless it says. */
  language: Language;
  phases: TemplatePhase[];
  /** `countQuestions: true`: the live screen counts open questions (q) and reflections (r). */
  marks: boolean;
  /** The scorecard items this guide keeps (`scorecard:`); every item unless it says. */
  scorecard: ScoreItem[];
  source: TemplateSource;
  file: string;
}

/** The guide a meeting follows unless told otherwise: the five-part agenda, in the organizer's language. */
export const USUAL_GUIDE: Readonly<Record<Language, string>> = { en: 'agenda', es: 'reunion-uno-a-uno' };

export const MAX_MEETING_MINUTES = 240;
/** The guides' 80/20 rule, for phases that do not say otherwise. */
const LISTENING_SHARE = 0.2;
const TEMPLATE_FIELDS = ['name', 'title', 'description', 'language', 'minutes', 'lengths', 'countQuestions', 'scorecard', 'phases'];
const PHASE_FIELDS = ['key', 'title', 'minutes', 'purpose', 'tips', 'questions', 'maxTalkShare', 'noteTags'];
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

type Fields = Record<string, unknown>;

export function parseTemplate(text: string, file: string, source: TemplateSource): Template {
  const check = new TemplateCheck(file);
  const fields = check.mapping(check.yaml(text), '', TEMPLATE_FIELDS);
  const name = check.text(fields.name, 'name');
  if (!NAME_PATTERN.test(name)) {
    check.fail('name', { kind: 'bad-name', got: seen(name) });
  }
  const phases = check.phases(fields.phases);
  const phaseMinutes = sumMinutes(phases);
  if (fields.minutes === undefined && phaseMinutes > MAX_MEETING_MINUTES) {
    check.fail('phases', { kind: 'phases-too-long', minutes: phaseMinutes, most: MAX_MEETING_MINUTES });
  }
  const minutes = fields.minutes === undefined ? phaseMinutes : check.minutes(fields.minutes, 'minutes');
  return {
    name,
    title: check.text(fields.title, 'title'),
    description: fields.description === undefined ? '' : check.text(fields.description, 'description'),
    minutes,
    lengths: fields.lengths === undefined ? [minutes] : check.lengths(fields.lengths),
    language: fields.language === undefined ? 'en' : check.language(fields.language),
    phases: scalePhases(phases, minutes / phaseMinutes),
    marks: fields.countQuestions === undefined ? false : check.yesNo(fields.countQuestions, 'countQuestions'),
    scorecard: fields.scorecard === undefined ? [...SCORE_ITEMS] : check.scoreItems(fields.scorecard),
    source,
    file,
  };
}

/**
 * The name a file means to give its guide, read even when the file is not a valid template, so a broken file is
 * still recognised as the one a command asked for.
 */
export function claimedName(text: string): string | undefined {
  try {
    const fields: unknown = yaml().parse(text, { logLevel: 'silent' });
    const name = typeof fields === 'object' && fields !== null ? (fields as Fields).name : undefined;
    return typeof name === 'string' ? name.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The line of the text a refusal of parseTemplate points at, for the build's check of the built-in guides: where the
 * parser stopped, else the value at the refused path (the key, for an unknown field; the enclosing mapping, for a
 * missing one). Undefined when the text is not even YAML that says where.
 */
export function problemLine(text: string, path: string, problem: TemplateProblem): number | undefined {
  if (problem.kind === 'invalid-yaml') return problem.at?.line;
  const { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } = yaml();
  const lines = new LineCounter();
  let node: unknown = parseDocument(text, { lineCounter: lines, logLevel: 'silent' }).contents;
  const keyIn = (map: unknown, key: string) =>
    isMap(map) ? map.items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key) : undefined;
  for (const [, field, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    const pair = field === undefined ? undefined : keyIn(node, field);
    const next = pair ? (pair.value ?? pair.key) : isSeq(node) && index !== undefined ? node.items[Number(index)] : undefined;
    if (next === undefined || next === null) break;
    node = next;
  }
  if (problem.kind === 'unknown-field') node = keyIn(node, problem.field)?.key ?? node;
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

/** The meeting length the template's phases add up to (its default length). */
export function totalMinutes(t: Template): number {
  return sumMinutes(t.phases);
}

function sumMinutes(phases: TemplatePhase[]): number {
  return roundMinutes(phases.reduce((sum, phase) => sum + phase.minutes, 0));
}

/** Phases are stored at the template's default length, so what a file shows is what runs. */
function scalePhases(phases: TemplatePhase[], factor: number): TemplatePhase[] {
  if (factor === 1) return phases;
  return phases.map((phase) => ({ ...phase, minutes: roundMinutes(phase.minutes * factor) || phase.minutes * factor }));
}

/** Drops floating-point noise such as 0.30000000000000004 before anyone prints it. */
function roundMinutes(minutes: number): number {
  return Math.round(minutes * 1e6) / 1e6;
}

class TemplateCheck {
  constructor(private readonly file: string) {}

  fail(path: string, problem: TemplateProblem): never {
    throw new DomainError('template.invalid', { file: this.file, path, problem });
  }

  yaml(text: string): unknown {
    const { parse, YAMLError } = yaml();
    try {
      return parse(text, { logLevel: 'error' });
    } catch (error) {
      // The parser also refuses alias bombs (a few lines that expand to millions of nodes) with a plain Error.
      if (!(error instanceof YAMLError)) this.fail('', { kind: 'unreadable', reason: (error as Error).message });
      const at = error.linePos?.[0];
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      this.fail('', { kind: 'invalid-yaml', at: at ? { line: at.line, col: at.col } : null, reason });
    }
  }

  mapping(value: unknown, path: string, allowed: string[]): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, { kind: 'not-mapping', got: seen(value) });
    }
    const unknown = Object.keys(value).find((field) => !allowed.includes(field));
    if (unknown !== undefined) {
      this.fail(path, { kind: 'unknown-field', field: unknown, allowed });
    }
    return value as Fields;
  }

  text(value: unknown, path: string): string {
    if (value === undefined || value === null) this.fail(path, { kind: 'missing' });
    if (typeof value !== 'string') this.fail(path, { kind: 'not-text', got: seen(value) });
    if (value.trim() === '') this.fail(path, { kind: 'empty-text' });
    if (CONTROL_CHARACTERS.test(value)) this.fail(path, { kind: 'control-characters' });
    return value.trim();
  }

  minutes(value: unknown, path: string): number {
    if (value === undefined || value === null) this.fail(path, { kind: 'missing' });
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) this.fail(path, { kind: 'not-positive', got: seen(value) });
    if (value > MAX_MEETING_MINUTES) this.fail(path, { kind: 'too-many-minutes', minutes: value, most: MAX_MEETING_MINUTES });
    return value;
  }

  share(value: unknown, path: string): number {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      this.fail(path, { kind: 'not-share', got: seen(value) });
    }
    return value;
  }

  yesNo(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, { kind: 'not-yes-no', got: seen(value) });
    return value;
  }

  list(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, { kind: 'not-list', got: seen(value) });
    return value;
  }

  texts(value: unknown, path: string): string[] {
    return this.list(value, path).map((item, index) => this.text(item, `${path}[${index}]`));
  }

  language(value: unknown): Language {
    if (!isLanguage(value)) this.fail('language', { kind: 'unknown-language', got: seen(value), known: [...LANGUAGES] });
    return value;
  }

  lengths(value: unknown): number[] {
    const lengths = this.list(value, 'lengths').map((item, index) => this.minutes(item, `lengths[${index}]`));
    if (lengths.length === 0) this.fail('lengths', { kind: 'no-lengths' });
    return lengths;
  }

  noteTags(value: unknown, path: string): NoteTag[] {
    const tags = this.texts(value, path);
    if (tags.length === 0) this.fail(path, { kind: 'no-note-tags' });
    return tags.map((tag, index) => {
      if (!isNoteTag(tag)) this.fail(`${path}[${index}]`, { kind: 'unknown-note-tag', tag });
      return tag;
    });
  }

  scoreItems(value: unknown): ScoreItem[] {
    return this.texts(value, 'scorecard').map((item, index) => {
      if (!isScoreItem(item)) this.fail(`scorecard[${index}]`, { kind: 'unknown-score-item', item, known: [...SCORE_ITEMS] });
      return item;
    });
  }

  phases(value: unknown): TemplatePhase[] {
    if (value === undefined || value === null) this.fail('phases', { kind: 'missing' });
    const phases = this.list(value, 'phases').map((item, index) => this.phase(item, `phases[${index}]`));
    if (phases.length === 0) this.fail('phases', { kind: 'no-phases' });
    phases.forEach((phase, index) => {
      if (phases.findIndex((other) => other.key === phase.key) !== index) {
        this.fail(`phases[${index}].key`, { kind: 'duplicate-key', key: phase.key });
      }
    });
    return phases;
  }

  phase(value: unknown, path: string): TemplatePhase {
    const fields = this.mapping(value, path, PHASE_FIELDS);
    const key = this.text(fields.key, `${path}.key`);
    if (!NAME_PATTERN.test(key)) {
      this.fail(`${path}.key`, { kind: 'not-kebab-case', got: seen(key) });
    }
    const optional = <T>(field: string, read: (value: unknown, path: string) => T, fallback: T): T =>
      fields[field] === undefined ? fallback : read.call(this, fields[field], `${path}.${field}`);
    return {
      key,
      title: this.text(fields.title, `${path}.title`),
      minutes: this.minutes(fields.minutes, `${path}.minutes`),
      purpose: this.text(fields.purpose, `${path}.purpose`),
      tips: optional('tips', this.texts, []),
      questions: optional('questions', this.texts, []),
      maxTalkShare: optional('maxTalkShare', this.share, LISTENING_SHARE),
      noteTags: optional<NoteTag[]>('noteTags', this.noteTags, ['note']),
    };
  }
}

/** What a field held, for the refusal to show: its kind, or the value as written (text in quotes). */
function seen(value: unknown): ValueSeen {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  if (typeof value === 'string') return { written: JSON.stringify(value) };
  return { written: String(value) };
}
