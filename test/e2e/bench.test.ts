import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SCENARIOS = [
  'help', 'followups-json-small', 'show-json-small', 'spanish-followups-json-small', 'spanish-followups-small', 'spanish-show-small', 'spanish-people-small', 'spanish-help', 'log-small', 'log-words-small', 'followups-large', 'leaders-large', 'show-large', 'people-stale-large', 'people-stale-large-vs-small', 'search-large',
  'search-tag-large', 'followups-backlog-large', 'followups-backlog-overdue-large', 'followups-backlog-json-large', 'log-large',
  'export-meetings-large', 'export-meetings-file-large', 'export-meetings-rss', 'start-first-prompt', 'start-idle-cpu',
  'complete-names-large', 'complete-ids-large', 'map-person-large', 'map-person-svg-large', 'map-unit-large', 'structure-unit-large',
  'pg-show-small', 'pg-followups-json-small', 'pg-leaders-small', 'pg-log-small', 'pg-show-large', 'pg-followups-json-large', 'pg-leaders-large', 'pg-log-large',
  'team-week-small', 'team-week-large',
];

describe('the benchmark at toy scale', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oneonone-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'tiny.json');
  // Two minutes: the tiny databases are made again after a schema change, and the machine may be shared (a run under
  // a load of three took 67 s).
  const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'run.mjs'), '--tiny', '--out', out], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000,
  });

  it('npm run bench --tiny finishes and prints one table with every scenario', () => {
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^scenario\s+ours\s+reference\s+ratio\s+target\s+holds\?$/);
    for (const name of ['--help', 'followups --json (small)', 'leaders (large)', 'export meetings | pipe (large)', 'export meetings --out FILE (large)', 'start: first prompt drawn']) {
      expect(lines.some((line) => line.startsWith(name)), name).toBe(true);
    }
    expect(lines).toHaveLength(2 + SCENARIOS.length);
  }, 120_000);

  it('writes the same results as JSON, each scenario measured or saying why not', () => {
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      node: string; tiny: boolean; results: { id: string; status: string; unit: string; ours?: number; target: number; detail?: string }[];
    };
    expect(report.node).toBe(process.version);
    expect(report.tiny).toBe(true);
    expect(report.results.map((result) => result.id)).toEqual(SCENARIOS);
    for (const result of report.results) {
      expect(['holds', 'misses', 'not built', 'skipped'], `${result.id}: ${result.detail ?? ''}`).toContain(result.status);
      if (result.status !== 'holds' && result.status !== 'misses') continue;
      // An idle screen may use no measurable CPU at all; a time or a memory peak is never zero.
      if (result.unit === '% core') expect(result.ours).toBeGreaterThanOrEqual(0);
      else expect(result.ours).toBeGreaterThan(0);
    }
  });

  it('says what each side of a like-with-like scenario printed, and leaves the backlog database its open items', () => {
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      databases: Record<string, { openFollowups: number; openCheckins: number }>;
      results: { id: string; status: string; lines?: { ours: number; reference: number } }[];
    };
    for (const id of ['followups-large', 'people-stale-large', 'followups-backlog-json-large']) {
      const result = report.results.find((each) => each.id === id)!;
      if (result.status === 'not built') continue;
      expect(result.lines!.ours, id).toBeGreaterThan(0);
      expect(result.lines!.reference, id).toBeGreaterThan(0);
    }
    const { databases } = report;
    expect(databases['backlog-large']!.openFollowups + databases['backlog-large']!.openCheckins)
      .toBeGreaterThan(databases.large!.openFollowups + databases.large!.openCheckins);
    expect(run.stdout).toMatch(/^followups, 10,000 open \(large\)\s/m);
  });

  it('reads a peak RSS for the export and a CPU share for the idle live phase', () => {
    const report = JSON.parse(readFileSync(out, 'utf8')) as { results: { id: string; status: string; ours?: number }[] };
    const rss = report.results.find((result) => result.id === 'export-meetings-rss')!;
    if (rss.status !== 'not built') expect(rss.ours).toBeGreaterThan(20);
    const idle = report.results.find((result) => result.id === 'start-idle-cpu')!;
    if (idle.status !== 'not built' && idle.status !== 'skipped') expect(idle.ours).toBeGreaterThanOrEqual(0);
  });
});
