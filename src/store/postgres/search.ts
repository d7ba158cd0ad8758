import type { SearchPage, SearchQuery, SearchReadModel, SearchWord } from '../search.js';
import { FIELDS, hitOf, markMatches, matchExpression, RECORD, type RecordRow } from '../sqlite/search.js';
import { noteSource, SEARCH_SOURCES, type SearchSource } from '../sqlite/search-schema.js';
import type { Query } from './client.js';

/** Each word cut into lexemes by the server's own search_words, so a query is read exactly as the records were. */
const LEXEMES = `
  SELECT w.ord::int AS word, t.lexeme
  FROM unnest($1::text[]) WITH ORDINALITY AS w(text, ord)
  CROSS JOIN LATERAL unnest(to_tsvector('simple', search_words(replace(w.text, chr(57344), ' ')))) AS t(lexeme, positions, weights)
  CROSS JOIN LATERAL unnest(t.positions) AS p(pos)
  ORDER BY w.ord, p.pos`;

/** Ranked from the index alone, so nothing beyond it is read for a record that is not shown; ties go to the newest. */
const RANK = `
  SELECT code, id FROM search_index, to_tsquery('simple', $1) AS q
  WHERE words @@ q AND ($2::smallint IS NULL OR code = $2)
  ORDER BY ts_rank(words, q, 1) DESC, code DESC, id DESC
  LIMIT $3`;

/** The SQLite engine's record queries, for all shown ids of a kind at once (PostgreSQL folds unquoted aliases). */
const RECORDS = Object.fromEntries(
  Object.entries(RECORD).map(([kind, sql]) => [kind, sql.replace(/= \?$/, '= ANY($1::bigint[])').replace(/ AS (\w*[A-Z]\w*)/g, ' AS "$1"')]),
) as typeof RECORD;

/** "lead-in" is lead <-> in; a prefix word's last lexeme may go on (:*). Lexemes have no quote or backslash left. */
function tsquery(words: readonly SearchWord[], lexemes: string[][]): string | undefined {
  if (lexemes.length < words.length || lexemes.some((parts) => parts.length === 0)) return undefined;
  return words.map((word, i) => `(${lexemes[i]!.map((lexeme) => `'${lexeme}'`).join(' <-> ')}${word.prefix ? ':*' : ''})`).join(' & ');
}

export class PgSearch implements SearchReadModel {
  constructor(private readonly q: Query) {}

  async find(query: SearchQuery): Promise<SearchPage> {
    if (query.words.length === 0) return { hits: [], more: false };
    const code = query.tag === undefined ? null : noteSource(query.tag)?.code;
    if (code === undefined) return { hits: [], more: false };
    const text = tsquery(query.words, await this.lexemes(query.words));
    if (text === undefined) return { hits: [], more: false };
    const ranked = await this.q.rows<{ code: number; id: number }>(RANK, [text, code, query.limit + 1]);
    const records = await this.records(ranked.slice(0, query.limit));
    const marked = markMatches(records.map(({ row }) => FIELDS.map((column) => row[column] ?? null)), matchExpression(query.words));
    return { hits: records.map(({ source, row }, i) => hitOf(source, row, marked[i]!)), more: ranked.length > query.limit };
  }

  private async lexemes(words: readonly SearchWord[]): Promise<string[][]> {
    const rows = await this.q.rows<{ word: number; lexeme: string }>(LEXEMES, [words.map((word) => word.text)]);
    return words.map((_, i) => rows.filter((row) => row.word === i + 1).map((row) => row.lexeme));
  }

  /** The shown records in rank order: one query per kind among them. */
  private async records(ranked: { code: number; id: number }[]): Promise<{ source: SearchSource; row: RecordRow }[]> {
    const sources = ranked.map(({ code }) => SEARCH_SOURCES.find((source) => source.code === code)!);
    const found = new Map<string, RecordRow>();
    for (const kind of new Set(sources.map((source) => source.kind))) {
      const ids = ranked.filter((_, i) => sources[i]!.kind === kind).map(({ id }) => id);
      for (const row of await this.q.rows<RecordRow>(RECORDS[kind], [ids])) found.set(`${kind}:${row.id}`, row);
    }
    return ranked.flatMap(({ id }, i) => {
      const row = found.get(`${sources[i]!.kind}:${id}`);
      return row ? [{ source: sources[i]!, row }] : [];
    });
  }
}
