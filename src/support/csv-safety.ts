/**
 * Spreadsheet formula injection: a cell that starts with one of these characters is run as a formula by
 * Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, `+1`, `-2+3`, `@SUM(...)`, or a tab/CR before one).
 * OWASP's advice: prefix such a text cell with a single quote, so it is shown as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text cell made safe to open in a spreadsheet; anything else is returned as it is. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * One cell as it goes into the CSV: text is neutralised, numbers stay numbers (a negative number is a number,
 * not a formula), and an unknown value (SQL NULL) is an empty cell.
 */
export function safeCell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return typeof value === 'bigint' ? value.toString() : value;
  return neutraliseFormula(String(value));
}

/** A whole row, in place: export streams millions of rows, so no copy per row. */
export function safeRow(row: unknown[]): (string | number)[] {
  for (let i = 0; i < row.length; i++) row[i] = safeCell(row[i]);
  return row as (string | number)[];
}
