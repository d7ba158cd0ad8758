import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cadenceDays, cadenceMapping, checkText, chosenLanguage, chosenSetting, ConfigRefused, parseConfig,
} from '../../../src/support/config.js';
import { EXIT } from '../../../src/support/errors.js';
import { databasePath } from '../../../src/support/paths.js';

const FILE = '/home/ana/.config/oneonone/config.yaml';
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** An environment whose config folder holds `text` (or no file at all). */
function envWith(text?: string, extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-config-unit-'));
  folders.push(dir);
  if (text !== undefined) {
    mkdirSync(join(dir, 'oneonone'));
    writeFileSync(join(dir, 'oneonone', 'config.yaml'), text);
  }
  return { XDG_CONFIG_HOME: dir, XDG_DATA_HOME: join(dir, 'data'), ...extra };
}

function refusal(work: () => unknown): ConfigRefused {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigRefused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseConfig', () => {
  it('reads every setting and the line each is on', () => {
    const loaded = parseConfig('# mine\ndb: /srv/org.db\nlanguage: ES\ntemplate: Agenda\nminutes: 37.5\ncadence: leader=10\nweekly-goal: 6\n', FILE);
    expect(loaded.settings).toEqual({
      db: '/srv/org.db', language: 'es', template: 'agenda', minutes: 37.5, cadence: [{ rung: 'leader', days: 10 }], 'weekly-goal': 6,
    });
    expect(loaded.lines).toEqual({ db: 2, language: 3, template: 4, minutes: 5, cadence: 6, 'weekly-goal': 7 });
  });

  it('points a cadence refusal at the rung’s own line', () => {
    const error = refusal(() => parseConfig('cadence:\n  leader: 10\n  volunteer: 30\n  contact: 0\n', FILE));
    expect(error.origin).toEqual({ kind: 'file', file: FILE, line: 4 });
    expect(error.problem).toEqual({ kind: 'bad-days', key: 'cadence', rung: 'contact', got: '0', most: 365 });
  });

  it('refuses a cadence naming a rung twice, by name and by number, at the second', () => {
    const error = refusal(() => parseConfig('cadence:\n  leader: 10\n  5: 12\n', FILE));
    expect(error.problem).toMatchObject({ kind: 'named-twice', rung: 'leader' });
    expect(error.origin).toMatchObject({ line: 3 });
  });

  it('refuses a file problem with exit 1 and a command-line one with exit 2', () => {
    expect(refusal(() => parseConfig('minutes: no\n', FILE)).exitCode).toBe(EXIT.error);
    expect(refusal(() => checkText('minutes', 'no', { kind: 'command line' })).exitCode).toBe(EXIT.usage);
  });

  it('names a scalar document by what it holds', () => {
    expect(refusal(() => parseConfig('just some words\n', FILE)).problem).toEqual({ kind: 'not-mapping', got: '"just some words"' });
  });
});

describe('the cadence from the file', () => {
  it('changes what it names over the defaults and keeps the rest', () => {
    expect(cadenceDays([{ rung: 'volunteer', days: 21 }, { rung: 'other', days: 90 }])).toEqual({
      rungs: { organizer: 14, leader: 14, volunteer: 21 }, other: 90,
    });
  });

  it('is written top of the ladder first, other last', () => {
    expect(Object.keys(cadenceMapping([{ rung: 'other', days: 50 }, { rung: 'contact', days: 90 }, { rung: 'leader', days: 7 }]))).toEqual(['leader', 'contact', 'other']);
  });
});

describe('chosenSetting', () => {
  it('takes a flag over the environment over the file over the default', () => {
    const env = envWith('minutes: 50\n', { ONEONONE_MINUTES: '40' });
    expect(chosenSetting('minutes', 30, env)).toEqual({ value: 30, source: 'flag' });
    expect(chosenSetting('minutes', undefined, env)).toEqual({ value: 40, source: 'environment', from: 'ONEONONE_MINUTES' });
    expect(chosenSetting('minutes', undefined, { ...env, ONEONONE_MINUTES: '' })).toMatchObject({ value: 50, source: 'config file', line: 1 });
    expect(chosenSetting('minutes', undefined, envWith())).toEqual({ value: undefined, source: 'default' });
  });

  it('gives databasePath the file’s db, and keeps a postgres URL as written', () => {
    expect(databasePath(undefined, envWith('db: /srv/org.db\n'))).toBe('/srv/org.db');
    expect(databasePath(undefined, envWith('db: postgres://ana@db.example.org/org\n'))).toBe('postgres://ana@db.example.org/org');
    expect(databasePath('/tmp/flag.db', envWith('db: /srv/org.db\n', { ONEONONE_DB: '/tmp/env.db' }))).toBe('/tmp/flag.db');
  });
});

describe('chosenLanguage', () => {
  const lang = (env: Record<string, string>) => chosenLanguage({ ...envWith(), ...env });
  it('speaks Spanish for an es_* locale, the first of LC_ALL, LC_MESSAGES and LANG that is set', () => {
    expect(lang({ LANG: 'es_MX.UTF-8' })).toEqual({ value: 'es', source: 'environment', from: 'LANG' });
    expect(lang({ LC_ALL: 'en_US.UTF-8', LANG: 'es_ES.UTF-8' })).toEqual({ value: 'en', source: 'default' });
    expect(lang({ LC_MESSAGES: 'es', LANG: 'en_GB.UTF-8' })).toEqual({ value: 'es', source: 'environment', from: 'LC_MESSAGES' });
    expect(lang({ LANG: 'C.UTF-8' })).toEqual({ value: 'en', source: 'default' });
    expect(lang({ LANG: 'estonian' })).toEqual({ value: 'en', source: 'default' });
  });

  it('takes ONEONONE_LANG first, then the file, then the locale', () => {
    const env = envWith('language: en\n', { LANG: 'es_AR.UTF-8' });
    expect(chosenLanguage(env)).toMatchObject({ value: 'en', source: 'config file' });
    expect(chosenLanguage({ ...env, ONEONONE_LANG: 'es' })).toEqual({ value: 'es', source: 'environment', from: 'ONEONONE_LANG' });
    expect(refusal(() => chosenLanguage({ ...env, ONEONONE_LANG: 'fr' })).origin).toEqual({ kind: 'environment', variable: 'ONEONONE_LANG' });
  });
});
