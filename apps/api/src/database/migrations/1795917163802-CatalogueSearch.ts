import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue search that works for Chinese without a segmenter: text is indexed as CJK unigrams and bigrams plus
 * lower-cased Latin words, so "电工" finds "初级电工技能实训" and "smartph" finds "Smartphone basics". Both the
 * stored vector and the query come from the SQL functions below, so the two can never disagree.
 */
export class CatalogueSearch1795917163802 implements MigrationInterface {
  name = 'CatalogueSearch1795917163802';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION cll_search_tokens(input text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH src AS (SELECT lower(coalesce(input, '')) AS s),
        runs AS (SELECT m[1] AS run FROM src, regexp_matches(src.s, '([\\u3400-\\u4dbf\\u4e00-\\u9fff]+)', 'g') AS m),
        toks AS (
          SELECT substr(run, i, 1) AS tok FROM runs, generate_series(1, char_length(run)) AS i
          UNION ALL
          SELECT substr(run, i, 2) FROM runs, generate_series(1, char_length(run) - 1) AS i
          UNION ALL
          SELECT m[1] FROM src, regexp_matches(src.s, '([a-z0-9]+)', 'g') AS m
        )
        SELECT coalesce(array_agg(DISTINCT tok), '{}') FROM toks
      $$`);
    await q.query(`
      CREATE FUNCTION cll_search_query(input text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH src AS (SELECT lower(coalesce(input, '')) AS s),
        runs AS (SELECT m[1] AS run FROM src, regexp_matches(src.s, '([\\u3400-\\u4dbf\\u4e00-\\u9fff]+)', 'g') AS m),
        terms AS (
          SELECT quote_literal(run) AS term FROM runs WHERE char_length(run) = 1
          UNION ALL
          SELECT quote_literal(substr(run, i, 2)) FROM runs, generate_series(1, char_length(run) - 1) AS i
          UNION ALL
          SELECT quote_literal(m[1]) || ':*' FROM src, regexp_matches(src.s, '([a-z0-9]+)', 'g') AS m
        )
        SELECT nullif(string_agg(DISTINCT term, ' & '), '')::tsquery FROM terms
      $$`);
    await q.query(`
      CREATE FUNCTION courses_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(array_to_tsvector(cll_search_tokens(NEW.title || ' ' || coalesce(NEW.title_en, ''))), 'A') ||
          setweight(array_to_tsvector(cll_search_tokens(NEW.cover_text)), 'B') ||
          setweight(array_to_tsvector(cll_search_tokens(NEW.description)), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER courses_search_vector BEFORE INSERT OR UPDATE OF title, title_en, cover_text, description
        ON courses FOR EACH ROW EXECUTE FUNCTION courses_search_vector()`);
    await q.query(
      `CREATE INDEX idx_courses_search ON courses USING gin (search_vector) WHERE status = 'published'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_courses_search`);
    await q.query(`DROP TRIGGER courses_search_vector ON courses`);
    await q.query(`DROP FUNCTION courses_search_vector()`);
    await q.query(`DROP FUNCTION cll_search_query(text)`);
    await q.query(`DROP FUNCTION cll_search_tokens(text)`);
  }
}
