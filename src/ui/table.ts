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

/** A plain-bordered table; colour never carries meaning here, so NO_COLOR changes nothing but paint. */
export function renderTable(head: string[], rows: Cell[][], color: boolean): string {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  if (cells.length <= ROWS_PER_BLOCK) return draw(head, cells, color);
  // A long table is drawn in blocks with the widths the whole table would have, and the blocks joined where
  // one's bottom border meets the next one's top: the same text as one table, in linear time.
  const { strlen } = tableModules();
  const width = (text: string) => Math.max(0, ...text.split('\n').map((line) => strlen(line)));
  const widths = head.map((title, column) => Math.max(width(title), ...cells.map((row) => width(row[column] ?? ''))) + 2);
  const blocks: string[][] = [];
  for (let start = 0; start < cells.length; start += ROWS_PER_BLOCK) {
    const lines = draw(start === 0 ? head : [], cells.slice(start, start + ROWS_PER_BLOCK), color, widths).split('\n');
    blocks.push(lines);
  }
  return blocks
    .map((lines, index) => lines.slice(index === 0 ? 0 : 1, index === blocks.length - 1 ? lines.length : -1).join('\n'))
    .join('\n');
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
