import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * The command suites, run a second time with every sandbox on a PostgreSQL database of the run's cluster: the same
 * commands and the same expected output on both engines. The suites left out are about the local file itself
 * (backups, faults, crashes and drafts on this computer, the native addon, migrations of old files) or are engine
 * suites of their own (postgres-*, outbox, no-network).
 */
const ON_BOTH_ENGINES = [
  'assessment', 'bad-input', 'defects-dates', 'defects-ics', 'defects-screen', 'defects-templates', 'export', 'followups', 'forget', 'foundation',
  'import', 'import-keeps', 'import-roundtrip', 'import-tools', 'json-language', 'leaders', 'map', 'person-figures', 'person-language', 'record', 'refusals-spanish', 'scale', 'scorecard', 'search', 'stats', 'structure',
  'touch', 'web', 'web-roundtrip',
].map((name) => `test/e2e/${name}.test.ts`);

const postgresInstalled = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(postgresInstalled
        ? [{ extends: true, test: { name: 'postgres', include: ON_BOTH_ENGINES, env: { ONEONONE_E2E_ENGINE: 'postgres' } } }]
        : []),
    ],
  },
});
