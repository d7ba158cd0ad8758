import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const SPANISH = join(ROOT, 'src', 'messages', 'es', 'meeting.ts');
/** The project's own declarations of untyped packages (pgpass): the catalogue's imports may reach the modules that use them. */
const DECLARATIONS = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts')).map((name) => join(ROOT, 'src', name));

/** The Spanish talk catalogue, changed, type-checked beside the real one with the project's own settings. */
function typeCheck(change: (source: string) => string): { code: number | null; output: string } {
  const file = join(ROOT, 'src', 'messages', 'es', `.catalogue-check-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  const project = `${file}.json`;
  writeFileSync(file, change(readFileSync(SPANISH, 'utf8')));
  writeFileSync(project, JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: true, noUnusedLocals: false }, include: [], files: [file, ...DECLARATIONS] }));
  try {
    const run = spawnSync(process.execPath, [TSC, '-p', project], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    return { code: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(file, { force: true });
    rmSync(project, { force: true });
  }
}

describe('a Spanish catalogue', () => {
  it('type-checks as it is', () => {
    const checked = typeCheck((source) => source);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  }, 120_000);

  it('that lacks a message does not type-check, and the compiler names the message', () => {
    const checked = typeCheck((source) => source.replace(/^  marks: .*\n/m, ''));
    expect(checked.code).not.toBe(0);
    expect(checked.output).toMatch(/error TS2741: Property 'marks' is missing in type .* but required in type 'TalkWords'/);
  }, 120_000);

  it('that lacks a verdict does not type-check either', () => {
    const checked = typeCheck((source) => source.replace(/^  'twice-over': .*\n/m, ''));
    expect(checked.code).not.toBe(0);
    expect(checked.output).toMatch(/error TS2741: Property '"twice-over"' is missing/);
  }, 120_000);
});
