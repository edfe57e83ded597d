import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CatalogueSearch1795917163802 } from './1795917163802-CatalogueSearch.js';
import { readings } from '../../catalogue/search/pinyin.js';
import { refreshSearchWords } from '../../catalogue/search/index-words.js';
import { SEED_SYNONYMS } from '../../catalogue/search/seed-synonyms.js';

/**
 * Search the way residents ask (issue 19). The index keeps ideograph unigrams and bigrams (substring matches for
 * short words) and adds: text in one normal form (NFKC, invisible characters removed, the same as normaliseText in
 * the API), adjacent Latin words joined ("tai chi" → taichi, "e-commerce" → ecommerce), toneless pinyin of adjacent
 * ideographs (智能 → zhineng, every reading of a polyphone), and the segmenter's whole words of the title, which the
 * API computes (courses.search_words; a course without them is still found through its bigrams). The query side
 * lives in the API (catalogue/search): segmentation, synonyms from search_synonyms, pinyin splitting.
 */
export class SearchWords1796100000000 implements MigrationInterface {
  name = 'SearchWords1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cll_search_normalize(input text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lower(regexp_replace(normalize(coalesce(input, ''), NFKC),
                     '[\\u00ad\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff]', '', 'g'))
      $$`);
    await q.query(`CREATE TABLE search_pinyin (ch text PRIMARY KEY, readings text[] NOT NULL)`);
    const chars: string[] = [];
    const all: string[] = [];
    for (let c = 0x3400; c <= 0x9fff; c++) {
      if (c > 0x4dbf && c < 0x4e00) continue;
      const ch = String.fromCodePoint(c);
      const r = readings(ch);
      if (r.length) {
        chars.push(ch);
        all.push(r.join(' '));
      }
    }
    await q.query(
      `INSERT INTO search_pinyin (ch, readings) SELECT ch, string_to_array(r, ' ') FROM unnest($1::text[], $2::text[]) AS u(ch, r)`,
      [chars, all],
    );
    // PL/pgSQL rather than SQL functions: called from the trigger, a SQL function's body is planned again for every
    // row (2.4 ms a course), a PL/pgSQL one keeps its plans for the session (0.6 ms). JIT is off inside them: their
    // generic row estimates (generate_series: 1,000 rows) made PostgreSQL compile each call, 40 ms instead of 0.1 ms.
    await q.query(`
      CREATE OR REPLACE FUNCTION cll_search_tokens(input text) RETURNS text[]
      LANGUAGE plpgsql STABLE PARALLEL SAFE SET jit = off AS $$
      BEGIN
        RETURN (WITH src AS (SELECT cll_search_normalize(input) AS s),
        runs AS (SELECT m[1] AS run FROM src, regexp_matches(src.s, '([\\u3400-\\u4dbf\\u4e00-\\u9fff]+)', 'g') AS m),
        words AS (SELECT m[1] AS w, row_number() OVER () AS n FROM src, regexp_matches(src.s, '([a-z0-9]+)', 'g') AS m),
        toks AS (
          SELECT substr(run, i, 1) AS tok FROM runs, generate_series(1, char_length(run)) AS i
          UNION ALL
          SELECT substr(run, i, 2) FROM runs, generate_series(1, char_length(run) - 1) AS i
          UNION ALL
          SELECT w FROM words
          UNION ALL
          SELECT a.w || b.w FROM words a JOIN words b ON b.n = a.n + 1
        )
        SELECT coalesce(array_agg(DISTINCT tok), '{}') FROM toks);
      END $$`);
    // Toneless pinyin of each pair of adjacent ideographs (every reading of a polyphone), for titles.
    await q.query(`
      CREATE FUNCTION cll_search_pinyin(input text) RETURNS text[]
      LANGUAGE plpgsql STABLE PARALLEL SAFE SET jit = off AS $$
      BEGIN
        RETURN (WITH src AS (SELECT cll_search_normalize(input) AS s),
        runs AS (SELECT m[1] AS run, row_number() OVER () AS rid
                   FROM src, regexp_matches(src.s, '([\\u3400-\\u4dbf\\u4e00-\\u9fff]+)', 'g') AS m),
        py AS (SELECT r.rid, i, unnest((SELECT p.readings FROM search_pinyin p WHERE p.ch = substr(r.run, i, 1))) AS syl
                 FROM runs r CROSS JOIN LATERAL generate_series(1, char_length(r.run)) AS i)
        SELECT coalesce(array_agg(DISTINCT a.syl || b.syl), '{}') FROM py a JOIN py b ON b.rid = a.rid AND b.i = a.i + 1);
      END $$`);
    // Lexemes with a position, so that setweight's labels stick: a lexeme without positions (array_to_tsvector)
    // matches a title-only query (':A') wherever it is.
    await q.query(`
      CREATE FUNCTION cll_search_vector(tokens text[], label "char") RETURNS tsvector
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN setweight(coalesce(
          (SELECT string_agg('''' || replace(replace(t, '\\', '\\\\'), '''', '''''') || ''':1', ' ')
             FROM unnest(tokens) AS t)::tsvector, ''::tsvector), label);
      END $$`);
    await q.query(`ALTER TABLE courses ADD COLUMN search_words text[]`);
    await q.query(`
      CREATE OR REPLACE FUNCTION courses_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          cll_search_vector(cll_search_tokens(NEW.title || ' ' || coalesce(NEW.title_en, '')) ||
                            cll_search_pinyin(NEW.title), 'A') ||
          cll_search_vector((SELECT array_agg('=' || w) FROM unnest(NEW.search_words) AS w), 'A') ||
          cll_search_vector(cll_search_tokens(NEW.cover_text), 'B') ||
          cll_search_vector(cll_search_tokens(NEW.description), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`DROP TRIGGER courses_search_vector ON courses`);
    await q.query(`
      CREATE TRIGGER courses_search_vector
        BEFORE INSERT OR UPDATE OF title, title_en, cover_text, description, search_words
        ON courses FOR EACH ROW EXECUTE FUNCTION courses_search_vector()`);
    await q.query(`DROP FUNCTION cll_search_query(text)`);
    await q.query(`
      CREATE TABLE search_synonyms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term text NOT NULL,
        synonyms text[] NOT NULL,
        two_way boolean NOT NULL DEFAULT true,
        note text NOT NULL DEFAULT '',
        updated_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_search_synonyms_term UNIQUE (term),
        CONSTRAINT chk_search_synonyms_term CHECK (char_length(term) BETWEEN 1 AND 40),
        CONSTRAINT chk_search_synonyms_list CHECK (cardinality(synonyms) BETWEEN 1 AND 20))`);
    await q.query(
      `INSERT INTO search_synonyms (term, synonyms, two_way, note)
       SELECT u.term, string_to_array(u.syn, '|'), u.two_way, 'seed' FROM unnest($1::text[], $2::text[], $3::boolean[]) AS u(term, syn, two_way)`,
      [
        SEED_SYNONYMS.map((s) => s.term),
        SEED_SYNONYMS.map((s) => s.synonyms.join('|')),
        SEED_SYNONYMS.map((s) => s.twoWay),
      ],
    );
    // Existing courses: words from the segmenter (this also rebuilds their vectors through the trigger).
    await refreshSearchWords(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_synonyms`);
    await q.query(`DROP INDEX idx_courses_search`);
    await q.query(`DROP TRIGGER courses_search_vector ON courses`);
    await q.query(`DROP FUNCTION courses_search_vector()`);
    await q.query(`DROP FUNCTION cll_search_vector(text[], "char")`);
    await q.query(`DROP FUNCTION cll_search_pinyin(text)`);
    await q.query(`DROP FUNCTION cll_search_tokens(text)`);
    await q.query(`ALTER TABLE courses DROP COLUMN search_words`);
    await q.query(`DROP TABLE search_pinyin`);
    await q.query(`DROP FUNCTION cll_search_normalize(text)`);
    // The earlier search as it was, and its vectors recomputed.
    await new CatalogueSearch1795917163802().up(q);
    await q.query(`UPDATE courses SET title = title`);
  }
}
