/**
 * The full-text index behind `oneonone search`: one SQLite FTS5 table, `search_index`, over every record the
 * organizer writes words in: notes (by tag), asks (what was asked, its barriers, the support offered), follow-ups,
 * meetings' agitation and people's details. One index, so bm25 weighs a word against everything that was written
 * (how rare it is anywhere), and the best hits of every kind rank on one scale.
 *
 * It is an external-content table over the view `search_content`: the words are read from the records' own tables
 * (there is no second copy of the text), and FTS5's integrity-check can compare the index with them. A record's row
 * in the index is its source's code times ROWID_SPAN plus its id, so each source (each note tag among them) is one
 * range of rowids: `--tag issue` reads only the issues' range. Nothing reads the content back through the view
 * (a lookup by rowid there would scan every table): search takes ids and scores from the index and reads the
 * records by id itself.
 *
 * Triggers keep the index exact on every insert, update and delete: a trigger is part of its statement, so the index
 * changes in the same transaction as the write, whichever command makes it, and the cascade of a deleted person fires
 * them too. The index is in FTS5's 'secure-delete' mode: a deleted record's words are taken out of the index pages
 * themselves rather than masked by a delete marker, so after `forget` and its scrub no word of theirs is left.
 *
 * A later step that rebuilds one of these tables (DROP TABLE drops its triggers) must make them again with
 * `searchTriggers(table)` and run SEARCH_REBUILD. A new note tag needs a code of its own.
 */
import type { Migration } from './migrations.js';

export const SEARCH_INDEX = 'search_index';
const CONTENT = 'search_content';

/** How many ids each source has room for in the index's rowids (2^40, a trillion; codes × span stay below 2^53). */
export const ROWID_SPAN = 1_099_511_627_776;

/**
 * unicode61 folds case and, with remove_diacritics 2, accents ("José" is found by "jose"); marks (M*) are kept in
 * tokens, so scripts whose vowel signs are marks (Devanagari) are not cut into letters (the default is "L* N* Co").
 */
export const SEARCH_TOKENIZER = `unicode61 remove_diacritics 2 categories 'L* N* Co M*'`;

/**
 * The index has one column: a record's fields one after another. A record with several (an ask; a person's details)
 * has a token no one types between them (U+E000, a private-use character, which unicode61 keeps as a word), so a
 * word written as two ("lead-in") is never found across the end of one field and the start of the next. One column
 * keeps FTS5's per-record sizes (which bm25 reads for every match) to one number a record.
 */
const FIELD_BREAK = `' ' || char(57344) || ' '`;

export type SearchSourceKind = 'note' | 'ask' | 'followup' | 'agitation' | 'person';

export interface SearchSource {
  kind: SearchSourceKind;
  /** Its rowids are code × ROWID_SPAN + the record's id. */
  code: number;
  table: string;
  /** The record's fields, in order. */
  columns: readonly string[];
  /** Which rows of the table it holds, over `$` (OLD or NEW in a trigger, the row itself in the view); all when absent. */
  holds?: string;
  /** A note source's tag: the notes of a tag are one source each. */
  tag?: string;
}

/** The note tags when this step was written (the CHECK of migration 001); frozen here, as a shipped step must be. */
const NOTE_TAGS_007 = ['value', 'interest', 'motivation', 'issue', 'skill', 'capacity', 'story', 'lead-in', 'note'] as const;

export const SEARCH_SOURCES: readonly SearchSource[] = [
  ...NOTE_TAGS_007.map((tag, code): SearchSource => ({ kind: 'note', code, tag, table: 'notes', columns: ['text'] })),
  { kind: 'ask', code: 9, table: 'asks', columns: ['text', 'barriers', 'support'] },
  // A default follow-up has no words of its own (it is worded from its ask when shown); a meeting may have no agitation.
  { kind: 'followup', code: 10, table: 'followups', columns: ['text'], holds: '$.text IS NOT NULL' },
  { kind: 'agitation', code: 11, table: 'meetings', columns: ['agitation'], holds: '$.agitation IS NOT NULL' },
  { kind: 'person', code: 12, table: 'people', columns: ['name', 'email', 'phone', 'neighborhood', 'organization', 'notes'] },
];

/** The source of a note tag's notes. */
export function noteSource(tag: string): SearchSource | undefined {
  return SEARCH_SOURCES.find((source) => source.kind === 'note' && source.tag === tag);
}

const TABLES = [...new Set(SEARCH_SOURCES.map((source) => source.table))];
const sourcesOf = (table: string) => SEARCH_SOURCES.filter((source) => source.table === table);

/** A condition or an expression of a source over a row: `NEW`, `OLD`, or the table's own columns (''). */
function over(text: string, row: string): string {
  return text.replaceAll('$.', row ? `${row}.` : '');
}

/** The rowid of a table's row in the index: its source's range (for a note, its tag's), then its id. */
function rowidOf(table: string, row: string): string {
  const sources = sourcesOf(table);
  const code = sources.length === 1 ? String(sources[0]!.code) : `CASE ${over('$.tag', row)} ${sources.map((source) => `WHEN '${source.tag}' THEN ${source.code}`).join(' ')} END`;
  return `${code} * ${ROWID_SPAN} + ${over('$.id', row)}`;
}

/** ` WHERE` the index holds a table's row, or nothing when it holds them all. */
function heldBy(table: string, row: string): string {
  const sources = sourcesOf(table);
  if (sources.length > 1) return ` WHERE ${over('$.tag', row)} IN (${sources.map((source) => `'${source.tag}'`).join(', ')})`;
  return sources[0]!.holds === undefined ? '' : ` WHERE ${over(sources[0]!.holds, row)}`;
}

/** A table's record as the index reads it: its one field, or its fields with a break between them (NULLs left out). */
function bodyOf(table: string, row: string): string {
  const fields = sourcesOf(table)[0]!.columns.map((column) => over(`$.${column}`, row));
  return fields.length === 1 ? fields[0]! : `concat_ws(${FIELD_BREAK}, ${fields.join(', ')})`;
}

function contentArm(table: string): string {
  return `SELECT ${rowidOf(table, '')} AS rid, ${bodyOf(table, '')} AS body FROM ${table}${heldBy(table, '')}`;
}

const CONTENT_VIEW = `CREATE VIEW ${CONTENT} AS\n        ${TABLES.map(contentArm).join('\n        UNION ALL ')};`;

const INDEX_TABLE = `CREATE VIRTUAL TABLE ${SEARCH_INDEX} USING fts5(body, content='${CONTENT}', content_rowid='rid', tokenize="${SEARCH_TOKENIZER}");
      INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}, rank) VALUES ('secure-delete', 1);`;

/** External content: FTS5 is told a row as it was indexed ('delete', with the old values) and as it is now. */
function add(table: string): string {
  return `INSERT INTO ${SEARCH_INDEX}(rowid, body) SELECT ${rowidOf(table, 'NEW')}, ${bodyOf(table, 'NEW')}${heldBy(table, 'NEW')};`;
}

function remove(table: string): string {
  return `INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}, rowid, body) SELECT 'delete', ${rowidOf(table, 'OLD')}, ${bodyOf(table, 'OLD')}${heldBy(table, 'OLD')};`;
}

/** The three triggers that keep a table's rows in the index. An update re-indexes only when a column it reads changed. */
export function searchTriggers(table: string): string {
  const sources = sourcesOf(table);
  const keys = sources.length > 1 ? ['tag'] : [...(sources[0]!.holds ?? '').matchAll(/\$\.(\w+)/g)].map((match) => match[1]!);
  const read = [...new Set(['id', ...sources[0]!.columns, ...keys])];
  return `
      CREATE TRIGGER search_${table}_insert AFTER INSERT ON ${table} BEGIN
        ${add(table)}
      END;
      CREATE TRIGGER search_${table}_delete AFTER DELETE ON ${table} BEGIN
        ${remove(table)}
      END;
      CREATE TRIGGER search_${table}_update AFTER UPDATE OF ${read.join(', ')} ON ${table}
        WHEN ${read.map((column) => `OLD.${column} IS NOT NEW.${column}`).join(' OR ')} BEGIN
        ${remove(table)}
        ${add(table)}
      END;`;
}

/** A source's records for the index, in id order (for notes, one tag's). */
function backfill(source: SearchSource): string {
  const { table } = source;
  const where = source.tag !== undefined ? ` WHERE tag = '${source.tag}'` : heldBy(table, '');
  return `INSERT INTO ${SEARCH_INDEX}(rowid, body) SELECT ${source.code} * ${ROWID_SPAN} + id, ${bodyOf(table, '')} FROM ${table}${where} ORDER BY id`;
}

/**
 * The index made again from the tables: the backfill of 007, and what a bulk loader runs after loading rows with the
 * triggers dropped (then SEARCH_OPTIMIZE). Source by source, each in id order, so the rowids arrive in
 * ascending order: FTS5 writes out what it holds in memory whenever a rowid comes lower than the one before (which
 * reading the view as it comes would do at every note of another tag), and its own 'rebuild' asks the view for
 * every record sorted by rowid, which would sort all of their text first.
 */
export const SEARCH_REBUILD: readonly string[] = [
  `INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}) VALUES ('delete-all')`,
  ...[...SEARCH_SOURCES].sort((a, b) => a.code - b.code).map(backfill),
];

/**
 * The index's segments merged into one, written afresh: after a rebuild; and before the scrub that follows a forget,
 * so not even the first letters of a forgotten word can stay behind as the key of an index page whose other words
 * remain (secure-delete drops such a key only when its page empties). Near instant when the index is one segment.
 */
export const SEARCH_OPTIMIZE = `INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}) VALUES ('optimize')`;

export const SEARCH_MIGRATION: Migration = {
  name: '007-search',
  sql: `
      ${CONTENT_VIEW}
      ${INDEX_TABLE}
      ${TABLES.map(searchTriggers).join('\n')}
      ${[...SEARCH_REBUILD, SEARCH_OPTIMIZE].map((statement) => `${statement};`).join('\n      ')}
  `,
};
