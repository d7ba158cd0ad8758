import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import { tableWords } from '../messages/table.js';

type Cell = string | number;

/** cli-table3 lays out each cell against every earlier one, so one table of n rows costs n²: 36,000 rows took minutes. */
const ROWS_PER_BLOCK = 200;

/**
 * Who draws a table. `auto`: the direct renderer below wherever it makes cli-table3's very bytes, cli-table3 elsewhere;
 * `cli-table3`: cli-table3 always (the tests compare the two).
 */
export type TableRenderer = 'auto' | 'cli-table3';

const require = createRequire(import.meta.url);
/**
 * A module cli-table3 itself requires (string-width, @colors/colors), resolved from cli-table3's own folder so that it
 * is the very copy cli-table3 uses; resolving cli-table3's path does not load it.
 */
let besideCliTable3: NodeJS.Require | undefined;
function requireBesideCliTable3(name: string): unknown {
  if (!besideCliTable3) besideCliTable3 = createRequire(require.resolve('cli-table3'));
  return besideCliTable3(name);
}

let Table: typeof CliTable | undefined;
let stringWidth: ((text: string) => number) | undefined;
let headPaint: ((text: string) => string) | undefined;
const drawn = { direct: 0, cliTable3: 0 };

/** cli-table3 loads when a table needs it (a cell that wraps or spans lines, a turned table), so most never pay for it. */
function cliTable3(): typeof CliTable {
  if (!Table) Table = require('cli-table3') as typeof CliTable;
  return Table;
}

/** For the tests and the benchmark: how many tables (or 200-row blocks) each renderer drew, and whether cli-table3 loaded. */
export function tableStats(): { direct: number; cliTable3: number; cliTable3Loaded: boolean } {
  return { ...drawn, cliTable3Loaded: Table !== undefined };
}

/**
 * Text string-width counts one column a character: printable ASCII, and the rest of what comes before the wide
 * scripts (accented Latin, Greek, Cyrillic, Hebrew, Arabic, …) but for the combining accents it counts as none. No
 * emoji sequence is made of these alone. The tests check every one of them against string-width.
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\xa0-\u02ff\u0370-\u10ff]*$/;
/** The colour codes cli-table3's strlen takes out before measuring. */
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;
/** string-width costs microseconds a call (its emoji expression), and a list repeats its words: each is measured once. */
const measured = new Map<string, number>();

/**
 * How many columns a cell takes, exactly as cli-table3's strlen counts them (its widest line, colour codes left out,
 * wide characters and emoji as string-width 4 measures them). Text of one column a character is counted here;
 * anything else asks the string-width cli-table3 itself uses, loaded the first time such a cell appears (about 4 ms).
 */
export function cellWidth(text: string): number {
  if (ONE_COLUMN_EACH.test(text)) return text.length;
  let width = measured.get(text);
  if (width === undefined) {
    if (!stringWidth) stringWidth = requireBesideCliTable3('string-width') as (text: string) => number;
    const measure = stringWidth;
    width = text.replace(SGR, '').split('\n').reduce((widest, line) => Math.max(widest, measure(line)), 0);
    if (measured.size >= 50_000) measured.clear();
    measured.set(text, width);
  }
  return width;
}

/** More rows than this make a table nobody reads in a terminal; the rest is counted, and --json has them all. */
export const MAX_TABLE_ROWS = 1_000;

/**
 * A table of at most MAX_TABLE_ROWS rows, then one line saying how many more and where to see them. Only the rows
 * shown are made (`row` runs for them alone), so a list of 80,000 costs what a list of 1,000 does; `total` is how many
 * there are when `items` holds only the first (read with a limit).
 */
export function renderCappedTable<T>(
  head: string[], items: readonly T[], row: (item: T, index: number) => Cell[], color: boolean, seeAll: string, total = items.length,
): string {
  const table = renderTable(head, items.slice(0, MAX_TABLE_ROWS).map(row), color);
  const more = total - Math.min(items.length, MAX_TABLE_ROWS);
  return more > 0 ? `${table}\n${tableWords().more(more, seeAll)}` : table;
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
export function renderTable(
  head: string[], rows: Cell[][], color: boolean, columns: number | undefined = terminalColumns(), renderer: TableRenderer = 'auto',
): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const natural = naturalWidths(head, cells);
  if (columns === undefined || tableWidth(natural) <= columns) return renderGrid(head, cells, color, natural, false, renderer);
  const narrowed = narrowWidths(natural, longestWordWidths(head, cells), columns - head.length - 1);
  if (!narrowed) return renderTurned(head, cells, color, columns);
  const fit = (row: string[]) => row.map((cell, column) => breakLongWords(cell, narrowed[column]! - 2));
  return renderGrid(fit(head), cells.map(fit), color, narrowed, true, renderer);
}

/** Each column as wide as its widest line, with a space of padding either side (as cli-table3 lays it out). */
function naturalWidths(head: string[], cells: string[][]): number[] {
  return head.map((title, column) => {
    let widest = cellWidth(title);
    for (const row of cells) widest = Math.max(widest, cellWidth(row[column] ?? ''));
    return widest + 2;
  });
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
  const longest = (text: string) => Math.max(0, ...text.split(/\s+|(?<=-)/).map((word) => cellWidth(word)));
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
function renderGrid(head: string[], cells: string[][], color: boolean, widths: number[], fixedWidths: boolean, renderer: TableRenderer): string {
  const blocked = cells.length > ROWS_PER_BLOCK;
  // Drawn directly, the blocks' joins below are the same text as one table of the same fixed widths, so draw that.
  if (renderer === 'auto') {
    const whole = drawDirect(head, cells, color, widths, fixedWidths || blocked);
    if (whole !== undefined) return whole;
  }
  if (!blocked) return draw(head, cells, color, widths, fixedWidths, renderer);
  // The blocks are joined where one's bottom border meets the next one's top: the same text as one table, in linear time.
  const blocks: string[][] = [];
  for (let start = 0; start < cells.length; start += ROWS_PER_BLOCK) {
    blocks.push(draw(start === 0 ? head : [], cells.slice(start, start + ROWS_PER_BLOCK), color, widths, true, renderer).split('\n'));
  }
  return blocks
    .map((lines, index) => lines.slice(index === 0 ? 0 : 1, index === blocks.length - 1 ? lines.length : -1).join('\n'))
    .join('\n');
}

/** Too many columns for the terminal: each row becomes a small table of heading and value, divided by a line. */
function renderTurned(head: string[], cells: string[][], color: boolean, columns: number): string {
  const label = Math.min(Math.max(...head.map((title) => cellWidth(title))) + 2, Math.floor(columns / 3));
  const value = Math.max(NARROWEST_COLUMN, columns - label - 3);
  const records = cells.map((row) =>
    drawWithCliTable3([], head.map((title, column) => [breakLongWords(title, label - 2), breakLongWords(row[column] ?? '', value - 2)]), color, [label, value]).split('\n'));
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

/** One table (or block): directly where that gives cli-table3's bytes, else by cli-table3 (with `fixed`, at `widths`). */
function draw(head: string[], rows: string[][], color: boolean, widths: number[], fixed: boolean, renderer: TableRenderer): string {
  const direct = renderer === 'auto' ? drawDirect(head, rows, color, widths, fixed) : undefined;
  return direct ?? drawWithCliTable3(head, rows, color, fixed ? widths : undefined);
}

function drawWithCliTable3(head: string[], rows: string[][], color: boolean, colWidths?: number[]): string {
  drawn.cliTable3++;
  const table = new (cliTable3())({
    head,
    ...(colWidths ? { colWidths } : {}),
    style: { head: color ? ['bold'] : [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
  });
  table.push(...rows);
  return table.toString();
}

/**
 * The table cli-table3 would draw with the options of drawWithCliTable3, made line by line in linear time; undefined
 * when it cannot promise the same bytes. It draws only what cli-table3 draws without wrapping or cutting anything:
 * every row as many cells as `widths` (and the heading, if any), every cell one line, and, when the widths are fixed
 * (`fixed`: cli-table3 then word-wraps every cell), every cell a line its word-wrap leaves as it is.
 *
 * What cli-table3 does with such a table, and so what this does: a top border `┌─┬─┐`, the heading line, one line a
 * row (compact, and the empty `mid` characters leave no line under the heading), a bottom border `└─┴─┘`, joined
 * by newlines with none at the end. A cell is `│`, a space, its text, spaces up to the column's width as strlen
 * counts it, a space; the last one closes with `│`. Its text gets the codes that turn off any style or colour it
 * leaves on (colorizeLines). The heading's cells, padding included, are painted bold through @colors/colors, as
 * cli-table3 does, when colour is on. The natural widths (not `fixed`) are cli-table3's own: each column's widest
 * cell plus two, which renderTable worked out from the same cells.
 */
function drawDirect(head: string[], rows: string[][], color: boolean, widths: number[], fixed: boolean): string | undefined {
  const columns = widths.length;
  if (columns === 0 || (head.length !== 0 && head.length !== columns)) return undefined;
  if (fixed && widths.some((width) => !(width >= 2))) return undefined;
  const lineOf = (cells: string[]): string | undefined => {
    if (cells.length !== columns) return undefined;
    let line = '│';
    for (let column = 0; column < columns; column++) {
      const cell = directCell(cells[column]!, widths[column]! - 2, fixed);
      if (cell === undefined) return undefined;
      line += cell + '│';
    }
    return line;
  };
  const lines: string[] = [];
  if (head.length > 0) {
    if (color) {
      const paintHead = boldOfCliTable3();
      let line = '│';
      for (let column = 0; column < columns; column++) {
        const cell = directCell(head[column]!, widths[column]! - 2, fixed);
        if (cell === undefined) return undefined;
        line += paintHead(cell) + '│';
      }
      lines.push(line);
    } else {
      const line = lineOf(head);
      if (line === undefined) return undefined;
      lines.push(line);
    }
  }
  for (const row of rows) {
    const line = lineOf(row);
    if (line === undefined) return undefined;
    lines.push(line);
  }
  if (lines.length === 0) return '';
  drawn.direct++;
  const rule = (left: string, middle: string, right: string) => left + widths.map((width) => '─'.repeat(width)).join(middle) + right;
  return [rule('┌', '┬', '┐'), ...lines, rule('└', '┴', '┘')].join('\n');
}

/**
 * Text of one column a character on one line, without colour, not starting with a space (or nothing at all): as wide
 * as it is long, left whole by word-wrap when it fits, left as it is by colorizeLines. Most cells are this.
 */
const SIMPLE = /^(?:[\x21-\x7e\xa1-\u02ff\u0370-\u10ff][\x20-\x7e\xa0-\u02ff\u0370-\u10ff]*)?$/;

/** A cell's text padded to `room` (the column less its padding), as cli-table3 draws it; undefined if it would not. */
function directCell(text: string, room: number, fixed: boolean): string | undefined {
  if (SIMPLE.test(text)) return text.length <= room ? ' ' + text + ' '.repeat(room - text.length + 1) : undefined;
  if (text.includes('\n')) return undefined;
  const width = cellWidth(text);
  if (fixed && text !== '' && !wrapsToItself(text, width, room)) return undefined;
  const line = text.includes('\u001b') ? closeStyles(text) : text;
  const lineWidth = line === text ? width : cellWidth(line);
  if (lineWidth > room) return undefined;
  return ' ' + line + ' '.repeat(room - lineWidth + 1);
}

/**
 * Whether cli-table3's word-wrap (utils.wordWrap, on word boundaries) gives back this one line unchanged. It counts a
 * run of spaces by its length and a word by strlen, from the first word on: for text of one column a character that
 * does not start with a space that is the width so far, so such text stays whole exactly when it fits. Anything else
 * runs the same greedy loop as cli-table3.
 */
function wrapsToItself(text: string, width: number, room: number): boolean {
  if (ONE_COLUMN_EACH.test(text) && !/^\s/.test(text)) return width <= room;
  const lines: string[] = [];
  const split = text.split(/(\s+)/g);
  let line: string[] = [];
  let lineLength = 0;
  let whitespace: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i]!;
    let newLength = lineLength + cellWidth(word);
    if (lineLength > 0 && whitespace) newLength += whitespace.length;
    if (newLength > room) {
      if (lineLength !== 0) lines.push(line.join(''));
      line = [word];
      lineLength = cellWidth(word);
    } else {
      line.push(whitespace || '', word);
      lineLength = newLength;
    }
    whitespace = split[i + 1];
  }
  if (lineLength) lines.push(line.join(''));
  return lines.length === 1 && lines[0] === text;
}

/** The codes cli-table3 (utils.js) knows how to turn off, by the code that turns them on or off. */
const STYLE_CODES: Record<string, { set: string; to: boolean }> = {
  '\u001b[1m': { set: 'bold', to: true }, '\u001b[22m': { set: 'bold', to: false },
  '\u001b[3m': { set: 'italics', to: true }, '\u001b[23m': { set: 'italics', to: false },
  '\u001b[4m': { set: 'underline', to: true }, '\u001b[24m': { set: 'underline', to: false },
  '\u001b[7m': { set: 'inverse', to: true }, '\u001b[27m': { set: 'inverse', to: false },
  '\u001b[9m': { set: 'strikethrough', to: true }, '\u001b[29m': { set: 'strikethrough', to: false },
};
const STYLE_OFF: Record<string, string> = {
  bold: '\u001b[22m', italics: '\u001b[23m', underline: '\u001b[24m', inverse: '\u001b[27m', strikethrough: '\u001b[29m',
};

/**
 * A one-line cell as cli-table3's colorizeLines leaves it: its text, then the codes that turn off each style it leaves
 * on (in the order they were first set), then the background's and the foreground's reset. The same steps as
 * utils.js readState, updateState and unwindState.
 */
function closeStyles(text: string): string {
  const state: Record<string, boolean> = {};
  let foreground: string | undefined;
  let background: string | undefined;
  for (const match of text.matchAll(/\u001b\[((?:\d*;){0,5}\d*)m/g)) {
    const code = match[1] ? parseInt(match[1].split(';')[0]!) : 0;
    if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) foreground = match[0];
    else if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) background = match[0];
    else if (code === 0) {
      for (const key of Object.keys(state)) delete state[key];
      foreground = undefined;
      background = undefined;
    } else {
      const style = STYLE_CODES[match[0]];
      if (style) state[style.set] = style.to;
    }
  }
  let line = text;
  for (const key of Object.keys(state)) if (state[key]) line += STYLE_OFF[key];
  if (background && background !== '\u001b[49m') line += '\u001b[49m';
  if (foreground && foreground !== '\u001b[39m') line += '\u001b[39m';
  return line;
}

/**
 * cli-table3 paints a heading cell with @colors/colors' bold (which decides for itself whether colour is on, and
 * leaves the text as it is when that package is missing); the heading is painted by the same function.
 */
function boldOfCliTable3(): (text: string) => string {
  if (!headPaint) {
    try {
      const colors = requireBesideCliTable3('@colors/colors/safe') as { bold: (text: string) => string };
      headPaint = (text) => colors.bold(text);
    } catch {
      headPaint = (text) => text;
    }
  }
  return headPaint;
}
