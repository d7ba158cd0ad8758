import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTemplate, type Template } from '../../src/meeting/template.js';
import { ROOT, sandbox, type Sandbox } from './helpers.js';

const TEMPLATES = join(ROOT, 'templates');
const COMPILED = join(ROOT, 'dist', 'built-in-templates.json');
const PRELOAD = pathToFileURL(join(ROOT, 'test', 'support', 'loaded-modules.mjs')).href;
const GUIDES = readdirSync(TEMPLATES).filter((file) => file.endsWith('.yaml')).sort();

/** A guide as parsing its YAML source gives it, the file named as the caller wants. */
function parsedSource(file: string, as: string): Template {
  return parseTemplate(readFileSync(join(TEMPLATES, file), 'utf8'), as, 'built-in');
}

let box: Sandbox;
let scratch: string;

beforeAll(() => {
  box = sandbox();
  scratch = mkdtempSync(join(tmpdir(), 'oneonone-built-in-'));
  expect(box.run(['log', 'Ana Ruiz', '--ask', 'come to the tenant meeting', '--followup', 'in 3 days']).code).toBe(0);
});
afterAll(() => {
  box.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs the built CLI with a preload that lists every module it loads; returns the files of them holding yaml's code. */
function yamlLoadedBy(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stderr: string; yaml: string[] } {
  const list = join(scratch, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  const result = box.run(args, { env: { ...env, NODE_OPTIONS: `--import=${PRELOAD}`, ONEONONE_LOADED_MODULES: list } });
  const files = [...new Set(readFileSync(list, 'utf8').split('\n'))]
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  // yaml's own files, or a bundle of them (esbuild names each wrapped module by its path in node_modules).
  const yaml = files.filter((file) => file.includes('/node_modules/yaml/') || (/\.[cm]?js$/.test(file) && readFileSync(file, 'utf8').includes('node_modules/yaml/dist/')));
  return { code: result.code, stderr: result.stderr, yaml };
}

describe('the built-in guides ship compiled', () => {
  it('log and followups, with no templates of the organizer’s own, never load the yaml package', () => {
    for (const args of [['log', 'Ben Ode', '--minutes', '30'], ['followups'], ['followups', '--json']]) {
      const run = yamlLoadedBy(args);
      expect(run.stderr, args.join(' ')).not.toMatch(/warning|template/i);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.yaml, args.join(' ')).toEqual([]);
    }
  });

  it('an organizer’s own template is read with yaml, loaded then (the check above sees it when it is)', () => {
    const folder = join(box.dir, 'own-templates');
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(ROOT, 'test/fixtures/templates/quick.yaml'), join(folder, 'quick.yaml'));
    const run = yamlLoadedBy(['log', 'Cleo Park', '--template', 'quick'], { ONEONONE_TEMPLATES: folder });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.yaml.length).toBeGreaterThan(0);
  });

  it('the compiled guides in dist/ are what parsing templates/*.yaml gives, every one of them', () => {
    const compiled = JSON.parse(readFileSync(COMPILED, 'utf8')) as { templates: Template[] };
    expect(GUIDES).toEqual(['agenda.yaml', 'reunion-uno-a-uno.yaml', 'seis-pasos.yaml', 'six-steps.yaml']);
    expect(compiled.templates).toEqual(GUIDES.map((file) => parsedSource(file, file)));
  });

  it('templates show NAME --json serves each built-in guide exactly as its YAML source parses', () => {
    for (const file of GUIDES) {
      const guide = parsedSource(file, join(TEMPLATES, file));
      expect(box.json<Template>(['templates', 'show', guide.name, '--json'])).toEqual(guide);
    }
  });
});

describe('a broken built-in guide', () => {
  /** The build run on a copy of the built-in guides with agenda.yaml changed; it must stop before writing anything. */
  function buildWith(change: (text: string) => string): { code: number | null; stderr: string; file: string; text: string } {
    const dir = mkdtempSync(join(scratch, 'guides-'));
    for (const file of GUIDES) copyFileSync(join(TEMPLATES, file), join(dir, file));
    const file = join(dir, 'agenda.yaml');
    const text = change(readFileSync(file, 'utf8'));
    writeFileSync(file, text);
    const out = join(dir, 'dist');
    const result = spawnSync(process.execPath, ['scripts/build.mjs', out, dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(existsSync(out)).toBe(false);
    return { code: result.status, stderr: result.stderr, file, text };
  }
  const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

  it('fails the build with the file, the line and the reason: a value the checks refuse', () => {
    const build = buildWith((text) => text.replace('  - key: explore\n    title: Explore\n    minutes: 25\n', '  - key: explore\n    title: Explore\n    minutes: -3\n'));
    expect(build.code).toBe(1);
    expect(build.stderr).toBe(`build: a built-in guide is broken: ${build.file}:${lineOf(build.text, '    minutes: -3')}: phases[1].minutes must be a positive number (got -3)\n`);
  });

  it('fails the build with the file, the line and the reason: a field the checks do not know', () => {
    const build = buildWith((text) => text.replace('  - key: explore\n', '  - key: explore\n    colour: blue\n'));
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(new RegExp(`^build: a built-in guide is broken: ${build.file}:${lineOf(build.text, '    colour: blue')}: phases\\[1\\] has an unknown field 'colour' \\(allowed: key, `));
  });

  it('fails the build with the file, the line and the reason: text that is not YAML', () => {
    const build = buildWith((text) => text.replace('title: One-to-one meeting agenda\n', 'title: [One-to-one meeting agenda\n'));
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(new RegExp(`^build: a built-in guide is broken: ${build.file}:\\d+: is not valid YAML at line \\d+, column \\d+: `));
  });
});
