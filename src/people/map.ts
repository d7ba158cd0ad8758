/**
 * The power map as pure code: how far out it walks and whom it keeps (breadth-first, nearest first, at most so many),
 * initials in place of names, and the tree the terminal draws (each person once, under whoever reached them first).
 * The store runs the walk with its own queries for the next ring; the words and the drawing live in messages and ui.
 */

/** A tie as the map holds it; for 'leads' and 'referred', `from` leads or brought in `to`. */
export interface Tie {
  from: number;
  to: number;
  kind: string;
}

/** The kinds with a direction: read from the other end they are "led by", "referred by". */
export const DIRECTED_TIES: ReadonlySet<string> = new Set(['leads', 'referred']);

/**
 * Breadth-first out from `start` to `depth` ties: ring by ring, each ring's new people in id order (the earliest
 * recorded first), `next` giving everyone tied to a ring. At most `most` are kept, nearest first; the others within
 * the depth are counted. Each ring is one call, so the cost follows the size of the map, not of the record.
 */
export async function walkOut(
  start: readonly number[], depth: number, most: number, next: (ring: number[]) => Promise<number[]>,
): Promise<{ kept: { id: number; depth: number }[]; leftOut: number }> {
  const seen = new Set<number>();
  const kept: { id: number; depth: number }[] = [];
  let leftOut = 0;
  let ring = [...new Set(start)];
  for (let at = 0; ring.length > 0; at++) {
    for (const id of ring) {
      seen.add(id);
      if (kept.length < most) kept.push({ id, depth: at });
      else leftOut++;
    }
    if (at >= depth) break;
    ring = [...new Set(await next(ring))].filter((id) => !seen.has(id)).sort((a, b) => a - b);
  }
  return { kept, leftOut };
}

/** "Ana María Ruiz-Díaz" → "A. M. R.-D.": the first letter (or digit) of each word and of each part of a hyphenated one. */
export function initials(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const letter = (part: string) => {
    const found = /[\p{L}\p{N}]/u.exec(part)?.[0] ?? [...part][0] ?? '?';
    return `${found.toLocaleUpperCase()}.`;
  };
  const shown = words.map((word) => word.split('-').filter(Boolean).map(letter).join('-')).filter(Boolean).join(' ');
  return shown === '' ? '?' : shown;
}

/**
 * Each person's initials, in the order given (nearest first): the second with the same initials is "A. R. 2", the
 * third "A. R. 3", so no two people on a map share a label.
 */
export function initialsFor(people: readonly { id: number; name: string }[]): Map<number, string> {
  const times = new Map<string, number>();
  const labels = new Map<number, string>();
  for (const person of people) {
    const base = initials(person.name);
    const count = (times.get(base) ?? 0) + 1;
    times.set(base, count);
    labels.set(person.id, count === 1 ? base : `${base} ${count}`);
  }
  return labels;
}

/** How a line's person is tied to the one above it: a kind, and whether it is read backward ("led by", "referred by"). */
export interface TieWay {
  kind: string;
  backward: boolean;
}

export interface TreeNode {
  id: number;
  /** The ties to the person above (none for where the map starts). */
  ways: TieWay[];
  /** Shown above already: the line names them and says so, with nothing under it. */
  again: boolean;
  children: TreeNode[];
}

/**
 * The terminal's tree: a root for each person the map starts from; under each person, the people first reached
 * through them (one tie further out), in the order `label` sorts; a tie to someone already drawn is a line of its own
 * marked `again`, drawn once (at whichever end comes second). Every person appears in full once, every pair once.
 */
export function mapTree(people: readonly { id: number; depth: number }[], ties: readonly Tie[], label: (id: number) => string): TreeNode[] {
  const depthOf = new Map(people.map((p) => [p.id, p.depth]));
  const order = new Map(people.map((p, at) => [p.id, at]));
  const between = new Map<string, Tie[]>();
  const around = new Map<number, Set<number>>(people.map((p) => [p.id, new Set<number>()]));
  const pair = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  for (const tie of ties) {
    if (!depthOf.has(tie.from) || !depthOf.has(tie.to) || tie.from === tie.to) continue;
    const key = pair(tie.from, tie.to);
    between.set(key, [...(between.get(key) ?? []), tie]);
    around.get(tie.from)!.add(tie.to);
    around.get(tie.to)!.add(tie.from);
  }
  const byOrder = (a: number, b: number) => order.get(a)! - order.get(b)!;
  // Who reached whom first: breadth-first, in the map's own order (nearest first).
  const parent = new Map<number, number>();
  for (const { id, depth } of people) {
    for (const other of [...around.get(id)!].sort(byOrder)) {
      if (depthOf.get(other) === depth + 1 && !parent.has(other)) parent.set(other, id);
    }
  }
  const waysFrom = (above: number, id: number): TieWay[] =>
    between.get(pair(above, id))!.map((tie) => ({ kind: tie.kind, backward: DIRECTED_TIES.has(tie.kind) && tie.from !== above }))
      .sort((a, b) => (a.kind === b.kind ? Number(a.backward) - Number(b.backward) : a.kind < b.kind ? -1 : 1));
  const byLabel = (a: number, b: number) => label(a).localeCompare(label(b), 'en') || a - b;
  const drawn = new Set<number>();
  const told = new Set<string>();
  const draw = (id: number, ways: TieWay[]): TreeNode => {
    drawn.add(id);
    const node: TreeNode = { id, ways, again: false, children: [] };
    const under = [...around.get(id)!].filter((other) => other !== parent.get(id)).sort(byLabel);
    // Decided as the line is reached: who is drawn already depends on the branches drawn before it.
    const lines = under.flatMap((other) => {
      if (parent.get(other) === id) return [{ other, again: false }];
      return drawn.has(other) && !told.has(pair(id, other)) ? [{ other, again: true }] : [];
    });
    for (const { other } of lines) told.add(pair(id, other));
    for (const line of lines) {
      node.children.push(line.again ? { id: line.other, ways: waysFrom(id, line.other), again: true, children: [] } : draw(line.other, waysFrom(id, line.other)));
    }
    return node;
  };
  // Where the map starts, then anyone no tie reaches from nearer in (none, when the ties are those the walk followed).
  const starts = people.filter((p) => p.depth === 0).map((p) => p.id).sort(byLabel);
  const strays = people.filter((p) => p.depth > 0 && !parent.has(p.id)).map((p) => p.id).sort(byOrder);
  return [...starts, ...strays].map((id) => draw(id, []));
}
