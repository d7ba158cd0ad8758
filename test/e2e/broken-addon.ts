import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

/**
 * The built tool copied beside a node_modules that links every dependency of the real one, except better-sqlite3,
 * whose compiled addon is missing (as after a Node upgrade without npm rebuild, or an install that skipped its build)
 * or garbage.
 */
export function installWithBrokenAddon(addon: 'missing' | 'garbage'): string {
  const dir = mkdtempSync(join(tmpdir(), `oneonone-addon-${addon}-`));
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== 'better-sqlite3') symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  const engine = join(modules, 'better-sqlite3');
  for (const part of ['package.json', 'lib']) cpSync(join(ROOT, 'node_modules/better-sqlite3', part), join(engine, part), { recursive: true });
  mkdirSync(join(engine, 'build/Release'), { recursive: true });
  if (addon === 'garbage') writeFileSync(join(engine, 'build/Release/better_sqlite3.node'), Buffer.from('this is not a compiled addon at all, just text'));
  return dir;
}
