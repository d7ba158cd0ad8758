import Table from 'cli-table3';

/** A plain-bordered table; colour never carries meaning here, so NO_COLOR changes nothing but paint. */
export function renderTable(head: string[], rows: (string | number)[][], color: boolean): string {
  const table = new Table({
    head,
    style: { head: color ? ['bold'] : [], border: [], compact: true },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
  });
  table.push(...rows.map((row) => row.map((cell) => String(cell))));
  return table.toString();
}
