/**
 * The power map drawn: the terminal's tree (each person once, under whoever reached them first) and the Graphviz
 * DOT text (a box per person coloured by where they stand and sized by rung, a line per tie, a legend).
 */
import { ASSESSMENT_LEVELS } from '../people/assessment.js';
import { RUNGS, rungLevel } from '../people/ladder.js';
import { DIRECTED_TIES, type TreeNode } from '../people/map.js';
import { assessmentLabel } from '../messages/assessment.js';
import { rungLabel } from '../messages/ladder.js';
import { mapWords, personFacts, standing, tieLabel, tieWord } from '../messages/map.js';
import type { PowerMap } from '../store/contract-power.js';
import { paint } from './color.js';

/** What a line or a box says of a person: the label (a name, or initials), rung and where they stand. */
export interface Shown {
  label: string;
  rung: string;
  assessment: number;
}

/**
 * The tree as text: for a unit's map, its name first and its people under it; for a person's, the person first.
 * Colour (when wanted) only repeats what the words say: where someone stands, and the lines of the tree dimmed.
 * `plain`: indentation instead of the tree's lines.
 */
export function renderMapTree(head: string | undefined, roots: TreeNode[], shown: (id: number) => Shown, color: boolean, plain = false): string {
  const c = paint(color);
  const stand = (level: number) => {
    const text = standing(level);
    if (level === 1 || level === 2) return c.green(text);
    if (level === 4 || level === 5) return c.red(text);
    return level === 3 ? c.yellow(text) : c.dim(text);
  };
  const line = (node: TreeNode) => {
    const person = shown(node.id);
    const ways = node.ways.length ? `${c.cyan(node.ways.map((w) => tieWord(w.kind, w.backward)).join(', '))}  ` : '';
    if (node.again) return `${ways}${person.label}  ${c.dim(mapWords.again)}`;
    const facts = personFacts(person.rung, person.assessment).replace(standing(person.assessment), stand(person.assessment));
    return `${ways}${c.bold(person.label)}  ${facts}`;
  };
  const lines: string[] = [];
  const under = (nodes: TreeNode[], indent: string) => {
    nodes.forEach((node, at) => {
      const last = at === nodes.length - 1;
      // Plain (a screen reader, TERM=dumb): the depth by indentation alone, no line-drawing characters to read out.
      lines.push(`${c.dim(indent + (plain ? '  ' : last ? '└─ ' : '├─ '))}${line(node)}`);
      under(node.children, indent + (plain ? '  ' : last ? '   ' : '│  '));
    });
  };
  if (head !== undefined) {
    lines.push(c.bold(head));
    under(roots, '');
  } else {
    for (const root of roots) {
      lines.push(line(root));
      under(root.children, '');
    }
  }
  return lines.join('\n');
}

/** Fill and text colours by where someone stands: white not assessed, greens for support, grey undecided, orange to red against. */
const FILL: Record<number, { fill: string; font: string }> = {
  0: { fill: '#ffffff', font: '#000000' },
  1: { fill: '#1a9850', font: '#ffffff' },
  2: { fill: '#a6d96a', font: '#000000' },
  3: { fill: '#d9d9d9', font: '#000000' },
  4: { fill: '#fdae61', font: '#000000' },
  5: { fill: '#d73027', font: '#ffffff' },
};

/** The font size by rung: contact 12 … organizer 22, so the box grows with the rung. */
const fontSize = (rung: string) => 10 + 2 * Math.max(1, rungLevel(rung));

/** Text inside a DOT double-quoted string: a backslash and a quote escaped (Graphviz reads \n, \l, \N … as escapes). */
export function dotString(text: string): string {
  return `"${dotText(text)}"`;
}

function dotText(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replace(/[\r\n]+/g, ' ');
}

/** Text inside an HTML-like label. */
function htmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const FONT = 'Helvetica,Arial,sans-serif';

/**
 * The map as Graphviz DOT: a box per person (the label and rung; the fill by where they stand; the size by rung; a
 * double border where the map starts), an edge per tie (leads and referred with an arrow from the leader or the
 * referrer, the other kinds a plain line), labelled with the kind, and a legend in a cluster of its own.
 */
export function mapDot(map: PowerMap, label: (id: number) => string, starts: ReadonlySet<number>, title: string): string {
  const out: string[] = [];
  out.push(`digraph ${dotString(mapWords.graphName)} {`);
  out.push(`  graph [label=${dotString(title)}, labelloc=t, fontsize=16, fontname=${dotString(FONT)}, rankdir=LR, overlap=false, nodesep=0.3, ranksep=0.6];`);
  out.push(`  node [shape=box, style="rounded,filled", fontname=${dotString(FONT)}, color="#555555", margin="0.15,0.06"];`);
  out.push(`  edge [fontname=${dotString(FONT)}, fontsize=10, color="#666666", fontcolor="#444444"];`);
  for (const person of map.people) {
    const colours = FILL[person.assessment] ?? FILL[0]!;
    const attributes = [
      `label="${dotText(label(person.id))}\\n${dotText(rungLabel(person.rung))}"`,
      `fillcolor=${dotString(colours.fill)}`,
      `fontcolor=${dotString(colours.font)}`,
      `fontsize=${fontSize(person.rung)}`,
      `tooltip=${dotString(`${label(person.id)}: ${rungLabel(person.rung)}, ${standing(person.assessment)}`)}`,
    ];
    if (starts.has(person.id)) attributes.push('peripheries=2', 'penwidth=1.5');
    out.push(`  p${person.id} [${attributes.join(', ')}];`);
  }
  for (const tie of map.ties) {
    const directed = DIRECTED_TIES.has(tie.kind);
    const attributes = [`label=${dotString(tieLabel(tie.kind))}`];
    if (!directed) attributes.push('dir=none');
    else attributes.push(tie.kind === 'referred' ? 'style=dashed' : 'penwidth=1.8', 'arrowsize=0.8');
    out.push(`  p${tie.from} -> p${tie.to} [${attributes.join(', ')}];`);
  }
  out.push(...legend());
  out.push('}');
  return `${out.join('\n')}\n`;
}

function legend(): string[] {
  const small = (text: string) => `<FONT POINT-SIZE="10">${htmlText(text)}</FONT>`;
  const row = (cell: string, attributes = '') => `<TR><TD ALIGN="LEFT"${attributes}>${cell}</TD></TR>`;
  const rows: string[] = [row(`<B>${htmlText(mapWords.legendStanding)}</B>`)];
  for (const level of ASSESSMENT_LEVELS) {
    const colours = FILL[level]!;
    const words = level === 0 ? assessmentLabel(0) : `${level} ${assessmentLabel(level)}`;
    rows.push(row(`<FONT POINT-SIZE="10" COLOR="${colours.font}">${htmlText(words)}</FONT>`, ` BGCOLOR="${colours.fill}" BORDER="1" COLOR="#555555"`));
  }
  rows.push(row(`<B>${htmlText(mapWords.legendRungs)}</B>`));
  // The rungs in the sizes their boxes' names are drawn in, one to a line: side by side, a viewer's wider font overlaps them.
  for (const rung of RUNGS) rows.push(row(`<FONT POINT-SIZE="${fontSize(rung)}">${htmlText(rungLabel(rung))}</FONT>`));
  for (const words of [mapWords.legendStart, ...mapWords.legendLines]) rows.push(row(small(words)));
  return [
    '  subgraph cluster_legend {',
    `    label=${dotString(mapWords.legendTitle)}; fontsize=12; style=rounded; color="#999999";`,
    `    legend [shape=plaintext, style="", label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3">${rows.join('')}</TABLE>>];`,
    '  }',
  ];
}
