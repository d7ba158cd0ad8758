import Database, { type Statement } from 'better-sqlite3';
import type { SearchField, SearchHit, SearchPage, SearchPart, SearchQuery, SearchReadModel, SearchWord } from '../search.js';
import { statementCache, type Db } from './db.js';
import { noteSource, ROWID_SPAN, SEARCH_INDEX, SEARCH_SOURCES, SEARCH_TOKENIZER, type SearchSource, type SearchSourceKind } from './search-schema.js';

/** A shown record's fields, f0 its main text (a note, what was asked, a follow-up, agitation, a name), as RECORD reads them. */
export const FIELDS = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5'] as const;

/** Around a match, and marking it: control characters no stored text holds (the text checks refuse them). */
const OPEN = '\u0002';
const CLOSE = '\u0003';
/** The longest excerpt of a field, in words; a shorter field is shown whole. */
const EXCERPT_TOKENS = 32;

/**
 * Only rowids and scores, from the index alone: FTS5 finds the records with every word and scores each (bm25), and
 * the LIMIT is applied before any record, name or date is read, so the work beyond the index grows with what is
 * shown, not with what matched. Ties (the same words in records as long) go to the newest of a kind: FTS5 hands the
 * matches over newest first (the inner ORDER BY rowid DESC, which it reads its lists backwards for), so a tie never
 * displaces a row already kept; sorting ascending rowids by (score, rowid DESC) instead made every tie replace the
 * one before (~50 ms more for a word in 170,000 records).
 */
function ranking(where: string): string {
  return `SELECT rowid, score FROM (
    SELECT rowid, bm25(${SEARCH_INDEX}) AS score FROM ${SEARCH_INDEX} WHERE ${where} ORDER BY rowid DESC LIMIT -1
  ) ORDER BY score, rowid DESC LIMIT @limit`;
}

export const RANK = ranking(`${SEARCH_INDEX} MATCH @match`);

/**
 * With --tag: the rowids of that tag's notes are one range, which FTS5 seeks to in each word's list. The bounds are
 * cast: better-sqlite3 binds a number as a REAL, and FTS5 ignores a rowid bound that is not an INTEGER.
 */
export const RANK_RANGE = ranking(`${SEARCH_INDEX} MATCH @match AND rowid BETWEEN CAST(@low AS INTEGER) AND CAST(@high AS INTEGER)`);

/** A shown record by its id: who, when (its meeting, else when it was written), its fields as the index's columns. */
export const RECORD: Record<SearchSourceKind, string> = {
  note: `SELECT n.id, n.person_id AS personId, p.name AS personName, coalesce(m.held_at, n.created_at) AS at, n.meeting_id AS meetingId, n.tag,
           n.text AS f0
         FROM notes n JOIN people p ON p.id = n.person_id LEFT JOIN meetings m ON m.id = n.meeting_id WHERE n.id = ?`,
  ask: `SELECT a.id, a.person_id AS personId, p.name AS personName, coalesce(m.held_at, a.created_at) AS at, a.meeting_id AS meetingId, NULL AS tag,
          a.text AS f0, a.barriers AS f1, a.support AS f2
        FROM asks a JOIN people p ON p.id = a.person_id LEFT JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?`,
  followup: `SELECT f.id, f.person_id AS personId, p.name AS personName, coalesce(m.held_at, f.created_at) AS at, f.meeting_id AS meetingId, NULL AS tag,
               f.text AS f0
             FROM followups f JOIN people p ON p.id = f.person_id LEFT JOIN meetings m ON m.id = f.meeting_id WHERE f.id = ?`,
  agitation: `SELECT m.id, m.person_id AS personId, p.name AS personName, m.held_at AS at, m.id AS meetingId, NULL AS tag, m.agitation AS f0
              FROM meetings m JOIN people p ON p.id = m.person_id WHERE m.id = ?`,
  person: `SELECT p.id, p.id AS personId, p.name AS personName, p.created_at AS at, NULL AS meetingId, NULL AS tag,
             p.name AS f0, p.email AS f1, p.phone AS f2, p.neighborhood AS f3, p.organization AS f4, p.notes AS f5
           FROM people p WHERE p.id = ?`,
};

export interface RecordRow {
  id: number;
  personId: number;
  personName: string;
  at: string;
  meetingId: number | null;
  tag: string | null;
  f0?: string | null;
  f1?: string | null;
  f2?: string | null;
  f3?: string | null;
  f4?: string | null;
  f5?: string | null;
}

/**
 * One FTS5 phrase per word, quoted (a double quote inside doubled), so nothing typed is read as query syntax:
 * `rent*` becomes `"rent" *`, `o"brien` becomes `"o""brien"`. The index's own break between fields (U+E000) is
 * never looked for.
 */
export function phrase(word: SearchWord): string {
  return `"${word.text.replaceAll('\uE000', ' ').replaceAll('"', '""')}"${word.prefix ? ' *' : ''}`;
}

/** Every word (AND), anywhere in a record's fields. */
export function matchExpression(words: readonly SearchWord[]): string {
  return words.map(phrase).join(' AND ');
}

/** Which source, and which record of it, a rowid of the index is. */
export function fromRowid(rowid: number): { source: SearchSource; id: number } | undefined {
  const code = Math.floor(rowid / ROWID_SPAN);
  const source = SEARCH_SOURCES.find((candidate) => candidate.code === code);
  return source && { source, id: rowid - code * ROWID_SPAN };
}

export class SqliteSearch implements SearchReadModel {
  private readonly sql: (sql: string) => Statement;

  constructor(db: Db) {
    this.sql = statementCache(db);
  }

  async find(query: SearchQuery): Promise<SearchPage> {
    if (query.words.length === 0) return { hits: [], more: false };
    const match = matchExpression(query.words);
    let ranked: { rowid: number }[];
    if (query.tag === undefined) {
      ranked = this.sql(RANK).all({ match, limit: query.limit + 1 }) as { rowid: number }[];
    } else {
      const notes = noteSource(query.tag);
      if (!notes) return { hits: [], more: false };
      const low = notes.code * ROWID_SPAN;
      ranked = this.sql(RANK_RANGE).all({ match, low, high: low + ROWID_SPAN - 1, limit: query.limit + 1 }) as { rowid: number }[];
    }
    const records = ranked.slice(0, query.limit).flatMap(({ rowid }) => {
      const found = fromRowid(rowid);
      const row = found && (this.sql(RECORD[found.source.kind]).get(found.id) as RecordRow | undefined);
      return found && row ? [{ source: found.source, row }] : [];
    });
    const marked = markMatches(records.map(({ row }) => FIELDS.map((column) => row[column] ?? null)), match);
    return { hits: records.map(({ source, row }, i) => hitOf(source, row, marked[i]!)), more: ranked.length > query.limit };
  }
}

/**
 * The shown records' fields with the matching words marked, by FTS5 itself: the records are put in an FTS5 table
 * of their own in a private in-memory database (same tokenizer, same words), and snippet() cuts and marks each
 * field there. The index's own snippet() would read the records back through its content view, a scan of every
 * table for each record.
 */
export function markMatches(records: (string | null)[][], match: string): (string | null)[][] {
  if (records.length === 0) return [];
  const marker = new Database(':memory:');
  try {
    marker.exec(`CREATE VIRTUAL TABLE shown USING fts5(${FIELDS.join(', ')}, tokenize="${SEARCH_TOKENIZER}")`);
    const insert = marker.prepare(`INSERT INTO shown(rowid, ${FIELDS.join(', ')}) VALUES (?, ${FIELDS.map(() => '?').join(', ')})`);
    records.forEach((fields, i) => insert.run(i, ...fields));
    const excerpts = FIELDS.map((column, i) => `CASE WHEN ${column} IS NOT NULL THEN snippet(shown, ${i}, char(2), char(3), '…', ${EXCERPT_TOKENS}) END AS ${column}`);
    const rows = marker.prepare(`SELECT rowid, ${excerpts.join(', ')} FROM shown WHERE shown MATCH ?`).all(match) as ({ rowid: number } & Record<string, string | null>)[];
    const byRecord = new Map(rows.map((row) => [row.rowid, FIELDS.map((column) => row[column] ?? null)]));
    return records.map((fields, i) => byRecord.get(i) ?? fields);
  } finally {
    marker.close();
  }
}

export function hitOf(source: SearchSource, row: RecordRow, marked: (string | null)[]): SearchHit {
  const fields: SearchField[] = source.columns.flatMap((name, i) => (typeof marked[i] === 'string' ? [{ name, parts: parts(marked[i]) }] : []));
  const found = (field: SearchField) => field.parts.some((part) => part.match);
  // An ask is always shown by what was asked, with its barriers or support where the words were found in them.
  const shown = fields.filter((field, i) => found(field) || (source.kind === 'ask' && i === 0));
  return {
    kind: source.kind,
    id: row.id,
    personId: row.personId,
    personName: row.personName,
    at: row.at,
    meetingId: row.meetingId,
    tag: row.tag,
    fields: shown.some(found) ? shown : fields.slice(0, 1),
  };
}

/** The excerpt FTS5 marked, as stretches: "a \u0002b\u0003 c" is "a ", "b" (a match), " c". */
export function parts(marked: string): SearchPart[] {
  const result: SearchPart[] = [];
  for (const [index, piece] of marked.split(OPEN).entries()) {
    const [inside, after] = index === 0 ? [undefined, piece] : splitOnce(piece, CLOSE);
    if (inside) result.push({ text: inside, match: true });
    if (after) result.push({ text: after, match: false });
  }
  return result;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
