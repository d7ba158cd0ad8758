// Bundles src/cli.ts into dist/ with one chunk per lazily imported command, so each
// command loads only its own code; packages in node_modules stay external.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['./src/cli.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  packages: 'external',
  sourcemap: 'linked',
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
