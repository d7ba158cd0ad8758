/**
 * The power map through the built binary, on either engine: the terminal tree (exact lines), how far out it goes,
 * a unit's map, --initials (no name anywhere), --json, --dot read back by Graphviz, --svg as well-formed XML holding
 * every person, private files, the cap, and the refusals.
 */
import { instance } from '@viz-js/viz';
import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, succeeded, type Sandbox } from './helpers.js';

let box: Sandbox;
const ok = (args: string[]) => succeeded(box, args);

/**
 * The web: Ana (leader, strong supporter) brought in Dee; Ana and Bo are coworkers; Carla leads Ana; Bo and Carla
 * are friends; Bo and Eve family; Dee and Finn neighbours; Finn and Gus friends (three ties from Ana); Hal was Ana's
 * friend, ended.
 */
beforeEach(() => {
  box = sandbox();
  ok(['log', 'Ana Ruiz', '--note', 'met', '--rung', 'leader', '--assess', '1', '--referral', 'Dee Park']);
  ok(['log', 'Bo Chen', '--note', 'met', '--rung', 'volunteer', '--assess', '2']);
  ok(['log', 'Carla Díaz', '--note', 'met', '--rung', 'organizer', '--assess', '3']);
  ok(['log', 'Eve Stone', '--note', 'met', '--assess', '5']);
  for (const name of ['Finn Wu', 'Gus Ortiz', 'Hal Moss']) ok(['log', name, '--note', 'met']);
  ok(['relate', 'ana', 'bo', '--as', 'coworker']);
  ok(['relate', 'carla', 'ana', '--as', 'leads']);
  ok(['relate', 'bo', 'carla', '--as', 'friend']);
  ok(['relate', 'bo', 'eve', '--as', 'family']);
  ok(['relate', 'dee', 'finn', '--as', 'neighbor']);
  ok(['relate', 'finn', 'gus', '--as', 'friend']);
  ok(['relate', 'ana', 'hal', '--as', 'friend']);
  ok(['unrelate', 'ana', 'hal']);
});
afterEach(() => box.cleanup());

interface MapJson {
  start: { kind: string; id: number; name: string; people?: number[] };
  depth: number;
  people: { id: number; name: string; rung: string; assessment: number; depth: number }[];
  ties: { from: number; to: number; kind: string }[];
  leftOut: number;
}
const mapJson = (args: string[]) => box.json<MapJson>(['map', ...args, '--json']);
const idOf = (name: string) => box.json<{ person: { id: number } }>(['show', name, '--json']).person.id;
const names = (map: MapJson) => map.people.map((p) => p.name).sort();

/** One refusal line and a hint, the exit code, nothing on stdout, no stack trace. */
function refused(args: string[], code: number, message: RegExp): void {
  const result = box.run(args);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^oneonone: [^\n]+\nhint: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
}

const FULL_NAMES = ['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park', 'Eve Stone', 'Finn Wu', 'Gus Ortiz', 'Hal Moss'];

describe('map PERSON', () => {
  it('draws the tree: each person once, under whoever reached them first, ties read from above, a second way in "(see above)"', () => {
    const result = ok(['map', 'ana']);
    expect(result.stdout).toBe([
      'Ana Ruiz  (leader · 1 strong supporter)',
      '├─ coworker  Bo Chen  (volunteer · 2 leaning supporter)',
      '│  └─ family  Eve Stone  (contact · 5 opposed)',
      '├─ led by  Carla Díaz  (organizer · 3 undecided)',
      '│  └─ friend  Bo Chen  (see above)',
      '└─ referred  Dee Park  (contact · not assessed)',
      '   └─ neighbor  Finn Wu  (contact · not assessed)',
      '',
    ].join('\n'));
    expect(result.stderr).toBe('6 people, 6 ties within 2 ties of Ana Ruiz.\n');
    // From the other end the directed ties read the other way.
    expect(ok(['map', 'dee', '--depth', '1']).stdout).toBe([
      'Dee Park  (contact · not assessed)',
      '├─ referred by  Ana Ruiz  (leader · 1 strong supporter)',
      '└─ neighbor  Finn Wu  (contact · not assessed)',
      '',
    ].join('\n'));
    expect(ok(['map', 'carla', '--depth', '1']).stdout).toContain('├─ leads  Ana Ruiz  (leader · 1 strong supporter)\n');
  });

  it('--depth decides who is in: 1 tie, 2, 3; an ended relationship is no tie', () => {
    expect(names(mapJson(['ana', '--depth', '1']))).toEqual(['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park']);
    expect(names(mapJson(['ana']))).toEqual(['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park', 'Eve Stone', 'Finn Wu']);
    const three = mapJson(['ana', '--depth', '3']);
    expect(names(three)).toEqual(['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park', 'Eve Stone', 'Finn Wu', 'Gus Ortiz']);
    expect(Object.fromEntries(three.people.map((p) => [p.name, p.depth]))).toEqual({
      'Ana Ruiz': 0, 'Bo Chen': 1, 'Carla Díaz': 1, 'Dee Park': 1, 'Eve Stone': 2, 'Finn Wu': 2, 'Gus Ortiz': 3,
    });
    // Nearest first.
    expect(three.people.map((p) => p.depth)).toEqual([...three.people.map((p) => p.depth)].sort());
    expect(ok(['map', 'ana', '--depth', '1']).stderr).toBe('4 people, 4 ties within 1 tie of Ana Ruiz.\n');
    expect(ok(['map', 'hal']).stderr).toMatch(/^Hal Moss has no ties recorded yet\. Add one with: oneonone relate "Hal Moss"/);
    expect(ok(['map', 'hal']).stdout).toBe('Hal Moss  (contact · not assessed)\n');
    // Hal's friendship ended: a tie again once it is recorded again.
    ok(['relate', 'hal', 'gus', '--as', 'friend']);
    expect(names(mapJson(['hal', '--depth', '1']))).toEqual(['Gus Ortiz', 'Hal Moss']);
  });

  it('--json: the start, the depth, the people with rung, assessment and depth, the ties (leads from the leader, a referral from the referrer)', () => {
    const map = mapJson(['Ana Ruiz']);
    const [ana, bo, carla, dee, eve, finn] = ['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park', 'Eve Stone', 'Finn Wu'].map(idOf);
    expect(Object.keys(map)).toEqual(['start', 'depth', 'people', 'ties', 'leftOut']);
    expect(map.start).toEqual({ kind: 'person', id: ana, name: 'Ana Ruiz' });
    expect(map.depth).toBe(2);
    expect(map.leftOut).toBe(0);
    expect(map.people.find((p) => p.id === bo)).toEqual({ id: bo, name: 'Bo Chen', rung: 'volunteer', assessment: 2, depth: 1 });
    expect(map.people.find((p) => p.id === ana)).toEqual({ id: ana, name: 'Ana Ruiz', rung: 'leader', assessment: 1, depth: 0 });
    const ties = map.ties.map((t) => `${t.from}-${t.kind}-${t.to}`).sort();
    const tie = (from: number, kind: string, to: number) => `${from}-${kind}-${to}`;
    expect(ties).toEqual([
      tie(Math.min(ana!, bo!), 'coworker', Math.max(ana!, bo!)), tie(carla!, 'leads', ana!), tie(ana!, 'referred', dee!),
      tie(Math.min(bo!, carla!), 'friend', Math.max(bo!, carla!)), tie(Math.min(bo!, eve!), 'family', Math.max(bo!, eve!)),
      tie(Math.min(dee!, finn!), 'neighbor', Math.max(dee!, finn!)),
    ].sort());
  });

  it('colour only where wanted: NO_COLOR and --no-color leave none, FORCE_COLOR on a pipe paints', () => {
    expect(ok(['map', 'ana']).stdout).not.toMatch(/\x1b\[/);
    const forced = box.run(['map', 'ana'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\x1b\[/);
    expect(forced.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(ok(['map', 'ana']).stdout);
    expect(box.run(['--no-color', 'map', 'ana'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });

  it('TERM=dumb: the depth by indentation alone, no line-drawing characters', () => {
    const result = box.run(['map', 'ana', '--depth', '1'], { env: { TERM: 'dumb' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe([
      'Ana Ruiz  (leader · 1 strong supporter)',
      '  coworker  Bo Chen  (volunteer · 2 leaning supporter)',
      '  led by  Carla Díaz  (organizer · 3 undecided)',
      '    friend  Bo Chen  (see above)',
      '  referred  Dee Park  (contact · not assessed)',
      '',
    ].join('\n'));
  });
});

describe('map --unit', () => {
  it('starts from the unit\'s people, found whatever the case', () => {
    ok(['edit', 'ana', '--unit', 'Building 12', '--unit-kind', 'building']);
    ok(['edit', 'eve', '--unit', 'Building 12']);
    const result = ok(['map', '--unit', 'building 12', '--depth', '1']);
    expect(result.stdout).toBe([
      'Building 12 (building)',
      '├─ Ana Ruiz  (leader · 1 strong supporter)',
      '│  ├─ coworker  Bo Chen  (volunteer · 2 leaning supporter)',
      '│  ├─ led by  Carla Díaz  (organizer · 3 undecided)',
      '│  │  └─ friend  Bo Chen  (see above)',
      '│  └─ referred  Dee Park  (contact · not assessed)',
      '└─ Eve Stone  (contact · 5 opposed)',
      '   └─ family  Bo Chen  (see above)',
      '',
    ].join('\n'));
    expect(result.stderr).toBe('5 people, 5 ties within 1 tie of the 2 people of Building 12.\n');
    const map = mapJson(['--unit', 'Building 12', '--depth', '0']);
    expect(map.start).toMatchObject({ kind: 'unit', name: 'Building 12', people: [idOf('ana'), idOf('eve')].sort((a, b) => a - b) });
    expect(names(map)).toEqual(['Ana Ruiz', 'Eve Stone']);
    expect(map.ties).toEqual([]);
    expect(names(mapJson(['--unit', 'Building 12']))).toEqual(['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park', 'Eve Stone', 'Finn Wu']);
  });

  it('a unit nobody belongs to says so', () => {
    ok(['units', 'add', 'Warehouse 3', '--kind', 'worksite']);
    const result = ok(['map', '--unit', 'warehouse 3']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('Nobody in the record belongs to Warehouse 3 yet. Put someone in it with: oneonone edit NAME --unit "Warehouse 3"\n');
  });
});

describe('--initials', () => {
  it('puts initials in place of every name, in the tree, the summary, the JSON, the DOT and the SVG; two alike are numbered', async () => {
    ok(['log', 'Ana Rojas', '--note', 'met']);
    ok(['relate', 'Ana Rojas', 'bo', '--as', 'neighbor']);
    const tree = ok(['map', 'Ana Ruiz', '--initials', '--dot', join(box.dir, 'map.dot'), '--svg', join(box.dir, 'map.svg')]);
    const json = ok(['map', 'Ana Ruiz', '--initials', '--json']);
    const dot = readFileSync(join(box.dir, 'map.dot'), 'utf8');
    const svg = readFileSync(join(box.dir, 'map.svg'), 'utf8');
    for (const text of [tree.stdout, tree.stderr, json.stdout, dot, svg]) {
      for (const name of [...FULL_NAMES, 'Ana Rojas']) {
        // The whole name, and each word of it long enough not to be found inside SVG's own words (viewBox holds "Bo").
        for (const word of [name, ...name.split(' ').filter((w) => w.length >= 4)]) expect(text, `${word} in ${text.slice(0, 200)}`).not.toContain(word);
      }
    }
    expect(tree.stdout).toContain('A. R.  (leader · 1 strong supporter)\n├─ coworker  B. C.  (volunteer · 2 leaning supporter)\n');
    expect(tree.stdout).toContain('│  ├─ neighbor  A. R. 2  (contact · not assessed)\n');
    expect(tree.stderr).toContain('7 people, 7 ties within 2 ties of A. R.\n');
    expect(names(JSON.parse(json.stdout))).toEqual(['A. R.', 'A. R. 2', 'B. C.', 'C. D.', 'D. P.', 'E. S.', 'F. W.']);
    expect(texts(svg)).toEqual(expect.arrayContaining(['A. R.', 'A. R. 2', 'B. C.', 'C. D.', 'D. P.', 'E. S.', 'F. W.']));
    await expect(graphNodes(dot)).resolves.toHaveLength(7);
  });
});

describe('--dot and --svg', () => {
  it('--dot: a node per person and an edge per tie, leads and referred with arrows, the others plain lines, a legend; Graphviz reads it', async () => {
    const result = ok(['map', 'ana', '--dot', join(box.dir, 'map.dot')]);
    expect(result.stdout).toMatch(/^Ana Ruiz {2}\(leader/);
    expect(result.stderr).toBe(`Wrote the map to ${join(box.dir, 'map.dot')} (readable only by you).\n6 people, 6 ties within 2 ties of Ana Ruiz.\n`);
    const dot = readFileSync(join(box.dir, 'map.dot'), 'utf8');
    const nodes = await graphNodes(dot);
    const ids = ['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park', 'Eve Stone', 'Finn Wu'].map(idOf);
    expect(nodes.map((n) => n.name).sort()).toEqual(ids.map((id) => `p${id}`).sort());
    expect(nodes.find((n) => n.name === `p${ids[0]}`)).toMatchObject({ label: 'Ana Ruiz\\nleader', fillcolor: '#1a9850', peripheries: '2' });
    expect(nodes.find((n) => n.name === `p${ids[4]}`)).toMatchObject({ label: 'Eve Stone\\ncontact', fillcolor: '#d73027' });
    expect(nodes.find((n) => n.name === `p${ids[3]}`)).toMatchObject({ fillcolor: '#ffffff' });
    const edges = await graphEdges(dot);
    expect(edges.map((e) => `${e.tail}-${e.label}-${e.head}${e.dir === 'none' ? ' (plain)' : ''}`)).toEqual(expect.arrayContaining([
      `p${ids[2]}-leads-p${ids[0]}`, `p${ids[0]}-referred-p${ids[3]}`, `p${Math.min(ids[0]!, ids[1]!)}-coworker-p${Math.max(ids[0]!, ids[1]!)} (plain)`,
    ]));
    expect(edges).toHaveLength(6);
    expect(dot).toMatch(/subgraph cluster_legend \{/);
    expect(statSync(join(box.dir, 'map.dot')).mode & 0o777).toBe(0o600);
  });

  it('a name with quotes and a backslash stays one label in the DOT', async () => {
    ok(['log', 'Jo "JJ" O\\Neil', '--note', 'met']);
    ok(['relate', 'ana', 'jo', '--as', 'friend']);
    const dot = ok(['map', 'ana', '--depth', '1', '--dot', '-']).stdout;
    expect(dot).toContain('label="Jo \\"JJ\\" O\\\\Neil\\ncontact"');
    expect((await graphNodes(dot)).map((n) => n.label)).toContain('Jo "JJ" O\\\\Neil\\ncontact');
    expect(texts(ok(['map', 'ana', '--depth', '1', '--svg', '-']).stdout)).toContain('Jo "JJ" O\\Neil');
  });

  it('--svg: well-formed XML with every person of the depth in its text, and only them; written 0600 even over a file that was not', () => {
    writeFileSync(join(box.dir, 'map.svg'), 'old');
    chmodSync(join(box.dir, 'map.svg'), 0o644);
    const result = ok(['map', 'ana', '--depth', '1', '--svg', join(box.dir, 'map.svg')]);
    expect(result.stdout).toMatch(/^Ana Ruiz {2}\(leader/);
    expect(result.stderr).toBe(`Wrote the map to ${join(box.dir, 'map.svg')} (readable only by you).\n4 people, 4 ties within 1 tie of Ana Ruiz.\n`);
    const svg = readFileSync(join(box.dir, 'map.svg'), 'utf8');
    expect(() => checkWellFormed(svg)).not.toThrow();
    const shown = texts(svg);
    for (const name of ['Ana Ruiz', 'Bo Chen', 'Carla Díaz', 'Dee Park']) expect(shown).toContain(name);
    for (const name of ['Eve Stone', 'Finn Wu', 'Gus Ortiz']) expect(shown).not.toContain(name);
    expect(shown).toEqual(expect.arrayContaining(['coworker', 'leads', 'referred', 'friend', 'Legend', '5 opposed']));
    expect(statSync(join(box.dir, 'map.svg')).mode & 0o777).toBe(0o600);
    // The checker itself refuses what is not well formed.
    expect(() => checkWellFormed('<svg><g></svg>')).toThrow();
    expect(() => checkWellFormed('<svg><text>a & b</text></svg>')).toThrow();
  });

  it('- writes the DOT or the SVG on stdout instead of the tree', () => {
    const dot = ok(['map', 'ana', '--dot', '-']);
    expect(dot.stdout).toMatch(/^digraph "power map" \{\n/);
    expect(dot.stderr).toBe('6 people, 6 ties within 2 ties of Ana Ruiz.\n');
    const svg = ok(['map', 'ana', '--svg', '-']).stdout;
    expect(svg).toMatch(/^<\?xml /);
    expect(() => checkWellFormed(svg)).not.toThrow();
  });
});

describe('a map too big', () => {
  it('holds the nearest 200 and says how many more within the depth were left out', () => {
    const rows = Array.from({ length: 205 }, (_, i) => `Person ${String(i + 1).padStart(3, '0')} Test,Ana Ruiz`);
    writeFileSync(join(box.dir, 'people.csv'), ['name,referred_by', ...rows].join('\n'));
    ok(['import', join(box.dir, 'people.csv')]);
    const map = mapJson(['ana', '--depth', '1']);
    // Ana, her 3 ties and the 205 she referred: 209 within one tie.
    expect(map.people).toHaveLength(200);
    expect(map.leftOut).toBe(9);
    expect(map.people[0]!.name).toBe('Ana Ruiz');
    expect(ok(['map', 'ana', '--depth', '1']).stderr).toBe('200 people, 200 ties within 1 tie of Ana Ruiz.\nThe map holds the nearest 200; 9 more within 1 tie were left out (--depth 0 shows fewer).\n');
  });
});

describe('refusals', () => {
  it('neither a person nor --unit, or both: a usage error (exit 2) with a hint', () => {
    refused(['map'], 2, /^oneonone: map needs a person or a unit\nhint: e\.g\. oneonone map "Ana Ruiz", or oneonone map --unit "Building 12"\n$/);
    ok(['edit', 'ana', '--unit', 'Building 12']);
    refused(['map', 'ana', '--unit', 'Building 12'], 2, /map takes a person or --unit, not both/);
    refused(['map', 'ana', '--json', '--dot', '-'], 2, /only one of --json and --dot - can go to standard output/);
  });

  it('nobody by that name, no such unit, a file that cannot be written: one line and a hint, exit 1', () => {
    refused(['map', 'Zed Nobody'], 1, /^oneonone: nobody called "Zed Nobody"\n/);
    refused(['map', '--unit', 'Building 99'], 1, /^oneonone: there is no unit called "Building 99"\n/);
    refused(['map', 'ana', '--svg', join(box.dir, 'no-such-folder', 'map.svg')], 1, /the folder .*no-such-folder does not exist/);
    refused(['map', 'ana', '--dot', box.dir], 1, /it is a folder/);
    if (!box.db.startsWith('postgres')) refused(['map', 'ana', '--dot', box.db], 1, /is your database itself/);
  });
});

// ── reading the pictures back ─────────────────────────────────────────────────

interface GraphObject { name: string; label?: string; fillcolor?: string; peripheries?: string; nodes?: number[] }
interface GraphJson { objects?: GraphObject[]; edges?: { tail: number; head: number; label?: string; dir?: string }[] }

/** The DOT laid out by Graphviz itself (it throws on what it cannot read), as its JSON: the people's nodes. */
async function graphNodes(dot: string): Promise<GraphObject[]> {
  const graph = (await instance()).renderJSON(dot) as GraphJson;
  return (graph.objects ?? []).filter((o) => o.nodes === undefined && /^p\d+$/.test(o.name));
}

async function graphEdges(dot: string): Promise<{ tail: string; head: string; label?: string; dir?: string }[]> {
  const graph = (await instance()).renderJSON(dot) as GraphJson;
  const objects = graph.objects ?? [];
  return (graph.edges ?? []).map((e) => ({ tail: objects[e.tail]!.name, head: objects[e.head]!.name, label: e.label, dir: e.dir }));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, ref: string) =>
    ref.startsWith('#x') || ref.startsWith('#X') ? String.fromCodePoint(parseInt(ref.slice(2), 16))
      : ref.startsWith('#') ? String.fromCodePoint(Number(ref.slice(1))) : ENTITIES[ref]!);
}

/** The words of every <text> element, entities decoded. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!));
}

/**
 * A small well-formedness check, no parser needed: one root, every tag closed in order, attributes quoted, every
 * & an entity that exists, nothing but the prolog before the root.
 */
function checkWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!DOCTYPE[^>[]*(\[[^\]]*\])?>\s*/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    checkText(body.slice(at, m.index), stack.length === 0);
    at = m.index + m[0].length;
    const [, closing, name, attributes, selfClosing] = m;
    checkText(attributes!.replace(/\s+[\w:.-]+\s*=\s*("|')/g, ' ').replace(/["']/g, ''), false);
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes what it did not open`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  checkText(body.slice(at), true);
  if (stack.length) throw new Error(`<${stack.at(-1)}> is never closed`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

function checkText(text: string, outside: boolean): void {
  if (text.includes('<')) throw new Error(`a stray < in ${text.slice(0, 40)}`);
  if (outside && text.trim() !== '') throw new Error(`text outside the root: ${text.slice(0, 40)}`);
  for (const m of text.matchAll(/&([^;\s]*);?/g)) {
    if (!/^(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos)$/i.test(m[1]!) || !m[0].endsWith(';')) throw new Error(`a bare & in ${text.slice(0, 40)}`);
  }
}
