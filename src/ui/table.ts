import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';

let Table: typeof CliTable | undefined;

/** cli-table3 (with its string-width helpers) loads when the first table is drawn, so --json never pays for it. */
function tableClass(): typeof CliTable {
  return (Table ??= createRequire(import.meta.url)('cli-table3') as typeof CliTable);
}

/** A plain-bordered table; colour never carries meaning here, so NO_COLOR changes nothing but paint. */
export function renderTable(head: string[], rows: (string | number)[][], color: boolean): string {
  const table = new (tableClass())({
    head,
    style: { head: color ? ['bold'] : [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
  });
  table.push(...rows.map((row) => row.map((cell) => String(cell))));
  return table.toString();
}
