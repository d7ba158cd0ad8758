import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers.js';

/** The pages of the manual: the front door, the contributor's page and everything in docs/. */
const PAGES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** The lines of a page outside fenced code blocks, with inline code taken out (a link shown as code is not a link). */
function prose(text: string): string[] {
  let fenced = false;
  return text.split('\n').flatMap((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [line.replace(/`[^`]*`/g, (code) => (line.trimStart().startsWith('#') ? code.replaceAll('`', '') : ''))];
  });
}

/** The anchors GitHub makes for a page's headings: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const line of prose(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\- _]/gu, '').replaceAll(' ', '-');
    const times = seen.get(base) ?? 0;
    seen.set(base, times + 1);
    found.add(times === 0 ? base : `${base}-${times}`);
  }
  return found;
}

interface Link {
  page: string;
  line: number;
  target: string;
}

function links(page: string): Link[] {
  const lines = prose(readFileSync(join(ROOT, page), 'utf8'));
  return lines.flatMap((text, at) => [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => ({ page, line: at + 1, target: match[1]! })));
}

const isExternal = (target: string) => /^[a-z][a-z+.-]*:/i.test(target);

function problem(link: Link): string | undefined {
  if (isExternal(link.target)) return undefined;
  const [path, anchor] = link.target.split('#') as [string, string | undefined];
  const file = path === '' ? join(ROOT, link.page) : resolve(dirname(join(ROOT, link.page)), decodeURIComponent(path));
  if (relative(ROOT, file).startsWith('..')) return 'points outside the repository';
  if (!existsSync(file)) return `${path} does not exist`;
  if (anchor === undefined) return undefined;
  if (!file.endsWith('.md') || statSync(file).isDirectory()) return `#${anchor} on a file that is not a page`;
  return anchors(readFileSync(file, 'utf8')).has(anchor) ? undefined : `${relative(ROOT, file)} has no heading #${anchor}`;
}

describe('the docs link up', () => {
  test('the pages are there: the README, CONTRIBUTING.md and the manual in docs/', () => {
    expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/guide.md', 'docs/team.md', 'docs/reference.md', 'docs/privacy.md', 'docs/performance.md', 'docs/ARCHITECTURE.md']));
  });

  test.each(PAGES)('every relative link and #anchor in %s resolves, inside the repository', (page) => {
    const broken = links(page).flatMap((link) => {
      const why = problem(link);
      return why ? [`${link.page}: (${link.target}): ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  test('nothing in the docs points outside the repository', () => {
    const outside = PAGES.filter((page) => /\.\.\/shared|\/work\//.test(readFileSync(join(ROOT, page), 'utf8')));
    expect(outside).toEqual([]);
  });

  test('the README links every page of the manual and CONTRIBUTING.md', () => {
    const targets = new Set(links('README.md').map((link) => link.target.split('#')[0]));
    expect([...['CONTRIBUTING.md', 'docs/guide.md', 'docs/team.md', 'docs/reference.md', 'docs/privacy.md', 'docs/performance.md']].filter((page) => !targets.has(page))).toEqual([]);
  });

  test('CONTRIBUTING.md links the architecture, and keeps the runtime dependencies findable', () => {
    const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    expect(links('CONTRIBUTING.md').map((link) => link.target)).toContain('docs/ARCHITECTURE.md');
    expect(anchors(text)).toContain('runtime-dependencies-and-why-each');
  });

  test('the README fits on a few screens: at most 240 lines', () => {
    const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(240);
  });

  test('the anchor rule is GitHub\'s: punctuation dropped, repeats numbered', () => {
    expect([...anchors('# A team server: PostgreSQL\n## Before and during a 1:1: `oneonone start`\n### JSON\n### JSON\n```\n# not a heading\n```')]).toEqual([
      'a-team-server-postgresql',
      'before-and-during-a-11-oneonone-start',
      'json',
      'json-1',
    ]);
  });
});
