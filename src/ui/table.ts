import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';

type Cell = string | number;

/** cli-table3 lays out each cell against every earlier one, so one table of n rows costs n²: 36,000 rows took minutes. */
const ROWS_PER_BLOCK = 200;

let modules: { Table: typeof CliTable; strlen: (text: string) => number } | undefined;

/** cli-table3 (with its string-width helpers) loads when the first table is drawn, so --json never pays for it. */
function tableModules(): NonNullable<typeof modules> {
  if (!modules) {
    const require = createRequire(import.meta.url);
    modules = { Table: require('cli-table3') as typeof CliTable, strlen: (require('cli-table3/src/utils') as { strlen: (text: string) => number }).strlen };
  }
  return modules;
}

/** More rows than this make a table nobody reads in a terminal; the rest is counted, and --json has them all. */
export const MAX_TABLE_ROWS = 1_000;

/**
 * A table of at most MAX_TABLE_ROWS rows, then one line saying how many more and where to see them. Only the rows
 * shown are made (`row` runs for them alone), so a list of 80,000 costs what a list of 1,000 does.
 */
export function renderCappedTable<T>(head: string[], items: readonly T[], row: (item: T, index: number) => Cell[], color: boolean, seeAll: string): string {
  const table = renderTable(head, items.slice(0, MAX_TABLE_ROWS).map(row), color);
  const more = items.length - MAX_TABLE_ROWS;
  return more > 0 ? `${table}\n… and ${more.toLocaleString('en')} more: ${seeAll}` : table;
}

/** A column narrowed to fit the terminal keeps at least this (6 characters and its padding), or the table turns. */
const NARROWEST_COLUMN = 8;

/** The terminal's width when the table is shown in one; in a pipe or a file a table keeps its natural width. */
function terminalColumns(): number | undefined {
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}

/**
 * A plain-bordered table; colour never carries meaning here, so NO_COLOR changes nothing but paint. Wider than the
 * terminal, its widest columns are narrowed and their cells wrapped between words; when even that cannot fit, each
 * row is shown as its own small table of heading and value, one under another.
 */
export function renderTable(head: string[], rows: Cell[][], color: boolean, columns: number | undefined = terminalColumns()): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const natural = naturalWidths(head, cells);
  if (columns === undefined || tableWidth(natural) <= columns) return renderGrid(head, cells, color, natural);
  const narrowed = narrowWidths(natural, longestWordWidths(head, cells), columns - head.length - 1);
  if (!narrowed) return renderTurned(head, cells, color, columns);
  const fit = (row: string[]) => row.map((cell, column) => breakLongWords(cell, narrowed[column]! - 2));
  return renderGrid(fit(head), cells.map(fit), color, narrowed, true);
}

/** Each column as wide as its widest line, with a space of padding either side (as cli-table3 lays it out). */
function naturalWidths(head: string[], cells: string[][]): number[] {
  const { strlen } = tableModules();
  const width = (text: string) => Math.max(0, ...text.split('\n').map((line) => strlen(line)));
  return head.map((title, column) => Math.max(width(title), ...cells.map((row) => width(row[column] ?? ''))) + 2);
}

/** The columns and the borders between and around them. */
function tableWidth(widths: number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + widths.length + 1;
}

/**
 * Columns that fit in `room`, breaking as few words as it can. Each column gets room for its words up to one common
 * length, the longest that fits (never less than its natural width or NARROWEST_COLUMN, whichever is less); what is
 * left goes evenly to the columns still wanting, narrowest first. Undefined when even the narrowest would not fit.
 */
function narrowWidths(natural: number[], longestWords: number[], room: number): number[] | undefined {
  const floors = natural.map((width) => Math.min(width, NARROWEST_COLUMN));
  const upTo = (word: number) => natural.map((width, column) => Math.min(width, Math.max(floors[column]!, Math.min(longestWords[column]!, word))));
  const total = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0);
  if (total(floors) > room) return undefined;
  let word = Math.max(...longestWords);
  while (total(upTo(word)) > room) word--;
  const widths = upTo(word);
  let left = room - total(widths);
  const wanting = natural.map((_, column) => column).filter((column) => natural[column]! > widths[column]!)
    .sort((a, b) => natural[a]! - natural[b]!);
  wanting.forEach((column, index) => {
    const more = Math.min(natural[column]! - widths[column]!, Math.floor(left / (wanting.length - index)));
    widths[column]! += more;
    left -= more;
  });
  return widths;
}

/** The widest word of each column (a hyphen may end a line), with the padding: what the column needs to break none. */
function longestWordWidths(head: string[], cells: string[][]): number[] {
  const { strlen } = tableModules();
  const longest = (text: string) => Math.max(0, ...text.split(/\s+|(?<=-)/).map((word) => strlen(word)));
  return head.map((title, column) => Math.max(longest(title), ...cells.map((row) => longest(row[column] ?? ''))) + 2);
}

/** Words longer than the column are broken (after a hyphen where there is one), so cli-table3 never cuts them off. */
function breakLongWords(cell: string, width: number): string {
  // Painted text is left whole: breaking it could split a colour code.
  if (width < 1 || cell.includes('\u001b')) return cell;
  return cell.split('\n').map((line) => line.split(' ').map((word) => breakWord(word, width)).join(' ')).join('\n');
}

function breakWord(word: string, width: number): string {
  const pieces: string[] = [];
  let rest = word;
  while ([...rest].length > width) {
    const head = [...rest].slice(0, width).join('');
    const hyphen = head.lastIndexOf('-');
    const cut = hyphen > 0 ? hyphen + 1 : head.length;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...pieces, rest].join('\n');
}

/** The rows as a grid; a long table is drawn in blocks (see ROWS_PER_BLOCK) with the widths of the whole table. */
function renderGrid(head: string[], cells: string[][], color: boolean, widths: number[], fixedWidths = false): string {
  if (cells.length <= ROWS_PER_BLOCK) return draw(head, cells, color, fixedWidths ? widths : undefined);
  // The blocks are joined where one's bottom border meets the next one's top: the same text as one table, in linear time.
  const blocks: string[][] = [];
  for (let start = 0; start < cells.length; start += ROWS_PER_BLOCK) {
    blocks.push(draw(start === 0 ? head : [], cells.slice(start, start + ROWS_PER_BLOCK), color, widths).split('\n'));
  }
  return blocks
    .map((lines, index) => lines.slice(index === 0 ? 0 : 1, index === blocks.length - 1 ? lines.length : -1).join('\n'))
    .join('\n');
}

/** Too many columns for the terminal: each row becomes a small table of heading and value, divided by a line. */
function renderTurned(head: string[], cells: string[][], color: boolean, columns: number): string {
  const { strlen } = tableModules();
  const label = Math.min(Math.max(...head.map((title) => strlen(title))) + 2, Math.floor(columns / 3));
  const value = Math.max(NARROWEST_COLUMN, columns - label - 3);
  const records = cells.map((row) =>
    draw([], head.map((title, column) => [breakLongWords(title, label - 2), breakLongWords(row[column] ?? '', value - 2)]), color, [label, value]).split('\n'));
  return records
    .map((lines, index) => {
      const top = index === 0 ? lines[0]! : dividerOf(lines[0]!);
      return [top, ...lines.slice(1, index === records.length - 1 ? lines.length : -1)].join('\n');
    })
    .join('\n');
}

/** A table's top border as the line between two rows. */
function dividerOf(top: string): string {
  return top.replace('┌', '├').replace('┬', '┼').replace('┐', '┤');
}

function draw(head: string[], rows: string[][], color: boolean, colWidths?: number[]): string {
  const { Table } = tableModules();
  const table = new Table({
    head,
    ...(colWidths ? { colWidths } : {}),
    style: { head: color ? ['bold'] : [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
  });
  table.push(...rows);
  return table.toString();
}
