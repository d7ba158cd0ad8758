import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { machineZone } from '../../../src/store/postgres/client.js';

const dir = mkdtempSync(join(tmpdir(), 'oneonone-zone-'));
const zoneinfo = join(dir, 'zoneinfo');
mkdirSync(join(zoneinfo, 'America'), { recursive: true });
writeFileSync(join(zoneinfo, 'America', 'Chicago'), '');
writeFileSync(join(zoneinfo, 'EST5EDT'), '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function link(name: string, target: string): string {
  const file = join(dir, name);
  symlinkSync(target, file);
  return file;
}

describe('the zone a team session keeps time in', () => {
  const intl = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it('is TZ when it names a zone the machine has', () => {
    expect(machineZone({ TZ: 'America/Chicago' }, '/nowhere', zoneinfo)).toBe('America/Chicago');
    expect(machineZone({ TZ: 'EST5EDT' }, '/nowhere', zoneinfo)).toBe('EST5EDT');
  });

  it('is what Intl says when TZ names no zone there, or a file (:/etc/localtime), as Node then does', () => {
    expect(machineZone({ TZ: 'Foo/Bar' }, link('a', join(zoneinfo, 'America/Chicago')), zoneinfo)).toBe(intl ?? 'UTC');
    expect(machineZone({ TZ: ':/etc/localtime' }, '/nowhere', zoneinfo)).toBe(intl ?? 'UTC');
  });

  it('is the zone /etc/localtime links to, absolute or relative, without TZ', () => {
    expect(machineZone({}, link('b', '/usr/share/zoneinfo/America/Chicago'), zoneinfo)).toBe('America/Chicago');
    expect(machineZone({ TZ: '' }, link('c', '../usr/share/zoneinfo/Etc/UTC'), zoneinfo)).toBe('Etc/UTC');
  });

  it('is what Intl says when /etc/localtime is a copy or missing', () => {
    writeFileSync(join(dir, 'copy'), 'TZif');
    expect(machineZone({}, join(dir, 'copy'), zoneinfo)).toBe(intl ?? 'UTC');
    expect(machineZone({}, join(dir, 'missing'), zoneinfo)).toBe(intl ?? 'UTC');
  });
});
