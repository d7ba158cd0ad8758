import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';
import { openTerminal, type Terminal } from './terminal.js';

let box: Sandbox;
let folder: string;
let terminal: Terminal | undefined;

beforeEach(() => {
  box = sandbox();
  folder = join(box.env.XDG_CONFIG_HOME!, 'oneonone', 'templates');
  mkdirSync(folder, { recursive: true });
});
afterEach(() => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
  box.cleanup();
});

const BROKEN_YAML = 'name: doorstep\ntitle: [Doorstep\nphases:\n  - key: hello\n';
const BAD_MINUTES = 'name: porch\ntitle: Porch\nphases:\n  - { key: hello, title: Hello, purpose: say hi, minutes: -3 }\n';

function warnings(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('warning:'));
}

describe('a broken user template', () => {
  it('is skipped by `templates` with one warning line naming the file and the problem', () => {
    writeFileSync(join(folder, 'doorstep.yaml'), BROKEN_YAML);
    writeFileSync(join(folder, 'porch.yaml'), BAD_MINUTES);
    const result = box.run(['templates', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { name: string }[]).map(({ name }) => name)).toEqual(['agenda', 'reunion-uno-a-uno', 'seis-pasos', 'six-steps']);
    const said = warnings(result.stderr);
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^warning: template doorstep\.yaml: is not valid YAML at line \d+, column \d+: .+; skipped/);
    expect(said[1]).toMatch(/^warning: template porch\.yaml: phases\[0\]\.minutes must be a positive number \(got -3\); skipped/);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('does not stop `log` with a built-in guide, and is told about once', () => {
    writeFileSync(join(folder, 'doorstep.yaml'), BROKEN_YAML);
    const result = box.run(['log', 'Ana Ruiz', '--note', 'likes gardens']);
    expect(result.code, result.stderr).toBe(0);
    expect(warnings(result.stderr)).toEqual([expect.stringMatching(/^warning: template doorstep\.yaml: is not valid YAML/)]);
    expect(box.run(['log', 'Ben Ode', '--template', 'six-steps']).code).toBe(0);
  });

  it('is refused, in one line, when it is the one asked for (by file name or by its name field)', () => {
    writeFileSync(join(folder, 'doorstep.yaml'), BROKEN_YAML);
    writeFileSync(join(folder, 'mine.yaml'), BAD_MINUTES);
    const byFile = box.run(['log', 'Ana Ruiz', '--template', 'doorstep']);
    expect(byFile.code).toBe(1);
    expect(byFile.stderr).toMatch(/^(warning: [^\n]*\n)*oneonone: template doorstep\.yaml: is not valid YAML at line \d+, column \d+: [^\n]+\nhint: fix \S+doorstep\.yaml or remove it/);
    expect(warnings(byFile.stderr)).toEqual([expect.stringMatching(/template mine\.yaml/)]);
    const byName = box.run(['templates', 'show', 'porch']);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toMatch(/^(warning: [^\n]*\n)*oneonone: template mine\.yaml: phases\[0\]\.minutes must be a positive number \(got -3\)\n/);
    expect(box.json<unknown[]>(['people', '--json'])).toEqual([]);
  });

  it('two files claiming one name are skipped with a warning, and refused when that name is asked for', () => {
    const guide = 'name: twin\ntitle: Twin\nphases:\n  - { key: hello, title: Hello, purpose: say hi, minutes: 5 }\n';
    writeFileSync(join(folder, 'a.yaml'), guide);
    writeFileSync(join(folder, 'b.yaml'), guide);
    const listing = box.run(['templates']);
    expect(listing.code, listing.stderr).toBe(0);
    expect(warnings(listing.stderr)).toEqual([expect.stringMatching(/a\.yaml and .*b\.yaml are both named 'twin'; skipped/)]);
    const asked = box.run(['log', 'Ana Ruiz', '--template', 'twin']);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/^oneonone: templates .*a\.yaml and .*b\.yaml are both named 'twin'\n/);
  });

  it('does not stop `start` from offering the built-in guides', async () => {
    expect(box.run(['log', 'Ana Ruiz']).code).toBe(0);
    writeFileSync(join(folder, 'doorstep.yaml'), BROKEN_YAML);
    terminal = openTerminal(box, ['start', 'Ana Ruiz', '--goal', 'recruitment']);
    await terminal.waitFor('Which meeting guide?', 15_000);
    // The question is drawn before its choices: read the screen once the list is there too.
    const screen = await terminal.waitFor(/agenda —/, 15_000);
    expect(screen).toMatch(/warning: template doorstep\.yaml: is not valid YAML/);
    expect(screen).toContain('agenda — One-to-one meeting agenda');
  }, 30_000);
});

describe('templates show NAME --yaml', () => {
  it('prints a file that, saved under a new name in the templates folder, is a guide `log` can use', () => {
    const shown = box.run(['templates', 'show', 'agenda', '--yaml']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toBe('');
    expect(shown.stdout).toContain(folder);
    expect(shown.stdout).toMatch(/^name: agenda$/m);
    writeFileSync(join(folder, 'mine.yaml'), shown.stdout.replace(/^name: agenda$/m, 'name: mine'));

    const listed = box.json<{ name: string; source: string; minutes: number; phases: number }[]>(['templates', '--json']);
    expect(listed.find(({ name }) => name === 'mine')).toEqual(expect.objectContaining({ source: 'user', minutes: 60, phases: 5 }));
    const logged = box.run(['log', 'Ana Ruiz', '--template', 'mine', '--json']);
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stderr).not.toMatch(/warning/);
    expect(readFileSync(join(folder, 'mine.yaml'), 'utf8')).toMatch(/^name: mine$/m);
  });

  it('works for the organizer’s own templates too', () => {
    writeFileSync(join(folder, 'porch.yaml'), BAD_MINUTES.replace('-3', '7'));
    const shown = box.run(['templates', 'show', 'porch', '--yaml']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain(BAD_MINUTES.replace('-3', '7'));
  });

  it('is refused without a template to print, or together with --json', () => {
    const listing = box.run(['templates', '--yaml']);
    expect(listing.code).toBe(2);
    expect(listing.stderr).toMatch(/^oneonone: --yaml prints one template\nhint: e\.g\. oneonone templates show agenda --yaml/);
    const both = box.run(['templates', 'show', 'agenda', '--yaml', '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^oneonone: --yaml and --json/);
  });
});
