import { dirname, resolve } from 'node:path';
import { mapRefusals, mapWords, type MapStart } from '../messages/map.js';
import { initialsFor, mapTree } from '../people/map.js';
import type { PowerMap } from '../store/contract-power.js';
import type { UnitKind } from '../store/contract-web.js';
import { UsageError, worded } from '../support/errors.js';
import { databasePath } from '../support/paths.js';
import { outPathProblem, writePrivateFile } from '../support/private-file.js';
import { mapDot, renderMapTree } from '../ui/map.js';
import { printData, printJson, printMessage } from '../ui/output.js';
import { useColor, withStore, type GlobalOptions } from './context.js';
import { findPerson } from './person.js';
import { findUnit } from './units.js';

export interface MapOptions {
  unit?: string;
  depth?: number;
  dot?: string;
  svg?: string;
  initials?: boolean;
  json?: boolean;
  /** Indentation instead of the tree's lines (also when TERM=dumb); the option is for src/cli.ts to declare. */
  plain?: boolean;
}

/** How many ties out, unless --depth says. */
const DEFAULT_DEPTH = 2;
/** The most people a map holds (a picture of more is unreadable); the rest within the depth are counted. */
export const MAP_MOST = 200;

type Start =
  | { kind: 'person'; id: number; name: string }
  | { kind: 'unit'; id: number; name: string; unitKind: UnitKind; size: number | null; people: number[] };

/**
 * `map PERSON` or `map --unit NAME`: the people within --depth ties (open relationships and referrals, either way),
 * nearest first, as a tree on stdout; --json, --dot and --svg the same map as data or a picture (a file 0600, or -).
 */
export async function run(personInput: string | undefined, options: MapOptions, globals: GlobalOptions): Promise<void> {
  const person = personInput === undefined || personInput.trim() === '' ? undefined : personInput;
  if (person === undefined && options.unit === undefined) throw new UsageError(mapRefusals.noStart.message, mapRefusals.noStart.hint);
  if (person !== undefined && options.unit !== undefined) {
    const refusal = mapRefusals.bothStarts(person, options.unit);
    throw new UsageError(refusal.message, refusal.hint);
  }
  const onStdout = [options.json ? '--json' : '', options.dot === '-' ? '--dot -' : '', options.svg === '-' ? '--svg -' : ''].filter(Boolean);
  if (onStdout.length > 1) {
    const refusal = mapRefusals.twoOnStdout(onStdout);
    throw new UsageError(refusal.message, refusal.hint);
  }
  const dbPath = databasePath(globals.db);
  const dotFile = options.dot === undefined || options.dot === '-' ? undefined : checkOutPath('--dot', options.dot, dbPath);
  const svgFile = options.svg === undefined || options.svg === '-' ? undefined : checkOutPath('--svg', options.svg, dbPath);
  const depth = options.depth ?? DEFAULT_DEPTH;

  const { start, map } = await withStore(globals, 'read', async (store) => {
    let start: Start;
    if (person !== undefined) {
      const found = await findPerson(store.people, person);
      start = { kind: 'person', id: found.id, name: found.name };
    } else {
      const unit = await findUnit(store.web, options.unit!);
      start = { kind: 'unit', id: unit.id, name: unit.name, unitKind: unit.kind, size: unit.size, people: await store.map.membersOf(unit.id) };
    }
    const map = await store.map.around(start.kind === 'person' ? [start.id] : start.people, depth, MAP_MOST);
    return { start, map };
  });

  // With --initials no name is shown anywhere: the tree, the summary, the JSON, the DOT and the SVG all take these.
  const labels = options.initials ? initialsFor(map.people) : new Map(map.people.map((p) => [p.id, p.name]));
  const shownLabel = (id: number) => labels.get(id) ?? `#${id}`;
  const said: MapStart = start.kind === 'person' ? { person: shownLabel(start.id) } : { unit: start.name, members: start.people.length };
  const starts = new Set(map.people.filter((p) => p.depth === 0).map((p) => p.id));

  const dot = options.dot !== undefined || options.svg !== undefined ? mapDot(map, shownLabel, starts, mapWords.title(depth, said)) : undefined;
  const svg = options.svg !== undefined ? await renderSvg(dot!) : undefined;

  if (options.json) printJson(mapJson(start, depth, map, shownLabel));
  else if (options.dot === '-') printData(dot!);
  else if (options.svg === '-') printData(svg!);
  else if (map.people.length > 0) {
    const byId = new Map(map.people.map((p) => [p.id, p]));
    const tree = mapTree(map.people, map.ties, shownLabel);
    const head = start.kind === 'unit' ? mapWords.unitHead(start.name, start.unitKind, start.size) : undefined;
    printData(renderMapTree(head, tree, (id) => ({ label: shownLabel(id), rung: byId.get(id)!.rung, assessment: byId.get(id)!.assessment }), useColor(globals), options.plain === true || process.env.TERM === 'dumb'));
  }

  if (dotFile !== undefined) {
    writePrivateFile(dotFile, dot!);
    printMessage(mapWords.wrote(options.dot!));
  }
  if (svgFile !== undefined) {
    writePrivateFile(svgFile, svg!);
    printMessage(mapWords.wrote(options.svg!));
  }
  if (start.kind === 'unit' && start.people.length === 0) printMessage(mapWords.emptyUnit(start.name));
  else if (start.kind === 'person' && map.people.length === 1 && map.ties.length === 0 && depth > 0) printMessage(mapWords.noTies(shownLabel(start.id)));
  else printMessage(mapWords.summary(map.people.length, map.ties.length, depth, said));
  if (map.leftOut > 0) printMessage(mapWords.leftOut(MAP_MOST, map.leftOut, depth, Math.max(0, ...map.people.map((p) => p.depth))));
}

function mapJson(start: Start, depth: number, map: PowerMap, label: (id: number) => string) {
  return {
    start: start.kind === 'person'
      ? { kind: 'person', id: start.id, name: label(start.id) }
      : { kind: 'unit', id: start.id, name: start.name, people: start.people },
    depth,
    people: map.people.map((p) => ({ id: p.id, name: label(p.id), rung: p.rung, assessment: p.assessment, depth: p.depth })),
    ties: map.ties.map((t) => ({ from: t.from, to: t.to, kind: t.kind })),
    leftOut: map.leftOut,
  };
}

/** Graphviz compiled to WebAssembly, loaded only for --svg: the rest of the command stays quick to start. */
async function renderSvg(dot: string): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  return (await instance()).renderString(dot, { format: 'svg' });
}

/** A file to write: in a folder that exists, not a folder itself, not the database (whose file it would replace). */
function checkOutPath(option: string, file: string, dbPath: string): string {
  const path = resolve(file);
  const problem = outPathProblem(path, dbPath);
  if (problem === 'no-folder') throw worded(mapRefusals.noFolder(file, dirname(path)));
  if (problem === 'is-folder') throw worded(mapRefusals.outIsFolder(option, file));
  if (problem === 'is-database') throw worded(mapRefusals.outIsDatabase(option, file));
  return path;
}
