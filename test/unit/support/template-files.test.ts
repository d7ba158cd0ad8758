import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/support/errors.js';
import { refusalText } from './refusal.js';
import {
  builtInTemplateDir,
  findTemplate,
  loadTemplates,
  userTemplateDir,
} from '../../../src/support/template-files.js';

const quickFixture = fileURLToPath(new URL('../../fixtures/templates/quick.yaml', import.meta.url));
const folders: string[] = [];

function userFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-templates-'));
  folders.push(dir);
  return dir;
}

const ownAgenda = `name: agenda
title: My own agenda
phases:
  - { key: talk, title: Talk, minutes: 20, purpose: Just talk. }
`;

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('builtInTemplateDir', () => {
  it('finds the repository templates folder from the source tree', () => {
    const dir = builtInTemplateDir();
    expect(existsSync(join(dir, 'agenda.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'six-steps.yaml'))).toBe(true);
  });
});

describe('userTemplateDir', () => {
  it('lets ONEONONE_TEMPLATES override everything', () => {
    expect(userTemplateDir({ ONEONONE_TEMPLATES: '/tmp/mine', XDG_CONFIG_HOME: '/xdg' })).toBe('/tmp/mine');
  });

  it('uses the XDG config folder when it is set', () => {
    expect(userTemplateDir({ XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'oneonone', 'templates'));
  });

  it('falls back to ~/.config/oneonone/templates', () => {
    expect(userTemplateDir({})).toMatch(/[\\/]\.config[\\/]oneonone[\\/]templates$/);
  });
});

describe('loadTemplates', () => {
  it('loads only the built-ins, sorted by name, when the user folder does not exist', () => {
    const templates = loadTemplates({ userDir: join(userFolder(), 'missing') });
    expect(templates.map((t) => [t.name, t.source])).toEqual([
      ['agenda', 'built-in'],
      ['reunion-uno-a-uno', 'built-in'],
      ['seis-pasos', 'built-in'],
      ['six-steps', 'built-in'],
    ]);
  });

  it('adds the organizer’s own .yaml and .yml files and ignores other files', () => {
    const dir = userFolder();
    copyFileSync(quickFixture, join(dir, 'quick.yaml'));
    writeFileSync(join(dir, 'brief.yml'), ownAgenda.replace('name: agenda', 'name: brief'));
    writeFileSync(join(dir, 'notes.txt'), 'not a template: at all: [');
    const templates = loadTemplates({ userDir: dir });
    expect(templates.map((t) => t.name)).toEqual(['agenda', 'brief', 'quick', 'reunion-uno-a-uno', 'seis-pasos', 'six-steps']);
    expect(templates.find((t) => t.name === 'quick')).toMatchObject({ source: 'user', file: join(dir, 'quick.yaml') });
  });

  it('lets a user template replace the built-in with the same name', () => {
    const dir = userFolder();
    writeFileSync(join(dir, 'my-agenda.yaml'), ownAgenda);
    const agendas = loadTemplates({ userDir: dir }).filter((t) => t.name === 'agenda');
    expect(agendas).toHaveLength(1);
    expect(agendas[0]).toMatchObject({ title: 'My own agenda', source: 'user' });
  });

  it('skips a malformed user template with a warning naming the file and field, and refuses it when asked for', () => {
    const dir = userFolder();
    copyFileSync(quickFixture, join(dir, 'quick.yaml'));
    writeFileSync(join(dir, 'broken.yaml'), ownAgenda.replace('minutes: 20', 'minutes: -3'));
    const said: string[] = [];
    const templates = loadTemplates({ userDir: dir, warn: (t) => said.push(t) });
    expect(templates.map((t) => t.name)).toEqual(['agenda', 'quick', 'reunion-uno-a-uno', 'seis-pasos', 'six-steps']);
    expect(said).toEqual([
      `template broken.yaml: phases[0].minutes must be a positive number (got -3); skipped it: fix or remove ${join(dir, 'broken.yaml')}`,
    ]);
    // Asked for by its file's name, or by the name it claims (its name: field says agenda).
    expect(() => findTemplate('broken', { userDir: dir, warn: () => {} })).toThrow(UserError);
    expect(refusalText(() => findTemplate('broken', { userDir: dir, warn: () => {} })).message).toBe(
      'template broken.yaml: phases[0].minutes must be a positive number (got -3)',
    );
    expect(refusalText(() => findTemplate('agenda', { userDir: dir, warn: () => {} })).message).toBe(
      'template broken.yaml: phases[0].minutes must be a positive number (got -3)',
    );
  });

  it('skips two user files that claim the same name with a warning, and refuses that name when asked for', () => {
    const dir = userFolder();
    copyFileSync(quickFixture, join(dir, 'quick.yaml'));
    copyFileSync(quickFixture, join(dir, 'quick-copy.yml'));
    const said: string[] = [];
    const templates = loadTemplates({ userDir: dir, warn: (t) => said.push(t) });
    expect(templates.map((t) => t.name)).toEqual(['agenda', 'reunion-uno-a-uno', 'seis-pasos', 'six-steps']);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/both named 'quick'; skipped them/);
    expect(() => findTemplate('quick', { userDir: dir, warn: () => {} })).toThrow(UserError);
    expect(refusalText(() => findTemplate('quick', { userDir: dir, warn: () => {} })).message).toMatch(/both named 'quick'/);
  });

  it('reads the user folder from ONEONONE_TEMPLATES when none is passed', () => {
    const dir = userFolder();
    copyFileSync(quickFixture, join(dir, 'quick.yaml'));
    const before = process.env.ONEONONE_TEMPLATES;
    process.env.ONEONONE_TEMPLATES = dir;
    try {
      expect(loadTemplates().map((t) => t.name)).toContain('quick');
    } finally {
      if (before === undefined) delete process.env.ONEONONE_TEMPLATES;
      else process.env.ONEONONE_TEMPLATES = before;
    }
  });
});

describe('findTemplate', () => {
  it('finds a user template by name', () => {
    const dir = userFolder();
    mkdirSync(join(dir, 'nested'));
    copyFileSync(quickFixture, join(dir, 'quick.yaml'));
    expect(findTemplate('quick', { userDir: dir }).phases).toHaveLength(3);
  });

  it('says there is no such template, suggests the closest name and lists the rest', () => {
    const dir = userFolder();
    copyFileSync(quickFixture, join(dir, 'quick.yaml'));
    expect(() => findTemplate('agneda', { userDir: dir })).toThrow(UserError);
    expect(refusalText(() => findTemplate('agneda', { userDir: dir }))).toMatchObject({
      message: "no template named 'agneda'",
      hint: "did you mean 'agenda'? available: agenda, quick, reunion-uno-a-uno, seis-pasos, six-steps",
    });
  });

  it('lists the names without a guess when nothing is close', () => {
    expect(refusalText(() => findTemplate('weekly-check-in', { userDir: join(userFolder(), 'missing') })).hint).toBe(
      'available: agenda, reunion-uno-a-uno, seis-pasos, six-steps',
    );
  });
});
