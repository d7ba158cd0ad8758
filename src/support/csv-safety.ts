/**
 * Spreadsheet formula injection: a cell that starts with one of these characters is run as a formula by
 * Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, `+1`, `-2+3`, `@SUM(...)`, or a tab/CR before one).
 * OWASP's advice: prefix such a text cell with a single quote, so it is shown as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A cell the guard has to mark so it can be read back: a formula start, or one behind quotes the organizer typed
 * (`'=x` is written `''=x`), so that taking one quote off on the way in always gives back what was written.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text cell made safe to open in a spreadsheet; anything else is returned as it is. */
export function neutraliseFormula(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/**
 * The guard taken off again, for import: a cell that starts with a quote before a formula start had one quote
 * put there by `export` (or by another tool's guard), so it loses exactly that one. `'already quoted` stays.
 */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
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
