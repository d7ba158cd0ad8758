/**
 * The full-text index behind `oneonone search` on a server: one table, `search_index`, a row per record the organizer
 * wrote words in (the same sources, codes and fields as the SQLite engine's index), its words a tsvector with a GIN
 * index. Triggers keep it exact in the same transaction as every write, cascades included.
 *
 * Words are cut as SQLite's unicode61 cuts them: accents folded (the trusted `unaccent` extension), ASCII punctuation
 * a break ("lead-in", an email, a phone are their parts), no stemming (the 'simple' configuration). Between a
 * record's fields is a word that is then taken out, leaving a gap in the positions, so a phrase is never found across
 * the end of one field and the start of the next.
 */
import { SEARCH_SOURCES, type SearchSource } from '../sqlite/search-schema.js';

const TABLES = [...new Set(SEARCH_SOURCES.map((source) => source.table))];

const WORDS = `
  CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
  CREATE FUNCTION search_words(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(public.unaccent('public.unaccent'::regdictionary, t), '[\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e]+', ' ', 'g')
  $$;
  CREATE FUNCTION search_doc(fields text[]) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ts_delete(to_tsvector('simple', search_words(array_to_string(fields, ' oneononefieldbreak '))), 'oneononefieldbreak')
  $$;
  CREATE TABLE search_index (
    code smallint NOT NULL,
    id bigint NOT NULL,
    words tsvector NOT NULL,
    PRIMARY KEY (code, id)
  );
  CREATE INDEX search_index_words ON search_index USING gin (words);
`;

function holds(source: SearchSource): string {
  const conditions = [source.holds?.replaceAll('$', 'NEW'), source.tag === undefined ? undefined : `NEW.tag = '${source.tag}'`];
  return conditions.filter((condition) => condition !== undefined).join(' AND ') || 'true';
}

/** A table's records in and out of the index; an update re-indexes only when a field (or a note's tag) changed. */
function tableTriggers(table: string): string {
  const sources = SEARCH_SOURCES.filter((source) => source.table === table);
  const columns = [...new Set(sources.flatMap((source) => [...source.columns, ...(source.tag ? ['tag'] : [])]))];
  const insert = sources.map((source) => `
      IF ${holds(source)} THEN
        INSERT INTO search_index (code, id, words) VALUES (${source.code}, NEW.id, search_doc(ARRAY[${source.columns.map((c) => `NEW.${c}`).join(', ')}]));
      END IF;`).join('');
  return `
  CREATE FUNCTION search_index_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'INSERT' THEN
      DELETE FROM search_index WHERE id = OLD.id AND code IN (${sources.map((source) => source.code).join(', ')});
    END IF;
    IF TG_OP <> 'DELETE' THEN${insert}
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER search_index_${table} AFTER INSERT OR DELETE OR UPDATE OF ${columns.join(', ')} ON ${table}
    FOR EACH ROW EXECUTE FUNCTION search_index_${table}();`;
}

export const SEARCH_SCHEMA = WORDS + TABLES.map(tableTriggers).join('\n');
