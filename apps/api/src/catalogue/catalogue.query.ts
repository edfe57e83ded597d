import { ELDERLY_AGE } from '@cll/domain';
import type { EntityManager } from 'typeorm';
import type { CatalogueItem, CataloguePage, CatalogueQuery } from './dto/catalogue.dto.js';
import { planSearch, type SearchPlan } from './search/query-plan.js';
import type { SynonymTable } from './search/synonyms.service.js';

interface Row {
  id: string;
  title: string;
  title_en: string | null;
  category: CatalogueItem['category'];
  mode: CatalogueItem['mode'];
  study_hours: string;
  credits: string;
  min_age: number | null;
  max_age: number | null;
  cover_text: string;
  provider_id: string;
  provider_name: string;
  /** The next sessions, the resident's own township first (json_agg: timestamps as ISO text with an offset). */
  ns: NextSessionJson[] | null;
  upcoming: number | null;
  seats_left: number | null;
  total: string;
}

interface NextSessionJson {
  id: string;
  startsAt: string;
  online: boolean;
  townshipName: string | null;
  townshipCode: string | null;
  seatsLeft: number;
}

/** How many of a course's current and coming sessions a result lists. */
export const NEXT_SESSIONS_LISTED = 3;

/** No synonyms: what the bench and callers without the bureau's table use. */
export const NO_SYNONYMS: SynonymTable = { lookup: () => [], keys: [] };

/**
 * The public catalogue in one statement. Only published courses of approved providers appear. The text condition is
 * written only when there is a query, so PostgreSQL can use the GIN index on search_vector (an `OR $1 IS NULL` would
 * hide it from the planner). Every value is a bind parameter; the tsqueries come from planSearch (search/query-plan.ts).
 *
 * Ranking with words: first by how much of the query a course matches (the weights of the resident's words it
 * has, synonyms and pinyin counting as the word), then by how much of it is in the title, then whole words of the
 * title (the segmenter's) and the whole phrase in the title, then PostgreSQL's ts_rank; then the soonest session.
 * With `nearTownshipCode` (the signed-in resident's own township, passed by the web app), courses with a class there
 * come first among those matching as much of the query (the same hundreds of the rank), and their next session shown
 * is the one there.
 */
export function catalogueStatement(
  query: CatalogueQuery,
  synonyms: SynonymTable = NO_SYNONYMS,
  matching: 'all' | 'partial' = 'all',
): { sql: string; params: unknown[]; plan: SearchPlan | null } {
  const plan = query.q?.trim() ? planSearch(query.q, synonyms.lookup, synonyms.keys) : null;
  const text = (matching === 'all' ? plan?.all : plan?.match) ?? null;
  const groups = plan?.groups ?? [];
  const params: unknown[] = [
    text,
    query.category ?? null,
    query.mode ?? null,
    query.forElderly ?? false,
    query.providerId ?? null,
    query.townshipCode ?? null,
    query.startsWithinDays ?? null,
    query.hasSeats ?? false,
    query.pageSize,
    (query.page - 1) * query.pageSize,
    ELDERLY_AGE,
    query.nearTownshipCode ?? null,
    NEXT_SESSIONS_LISTED,
  ];
  let match = `AND $1::text IS NULL`;
  let rank = `0::real`;
  if (text) {
    params.push(
      groups.map((g) => g.any),
      groups.map((g) => g.title),
      groups.map((g) => wholeWords(g.alternatives)),
      groups.map((g) => g.weight),
      plan?.phrase ?? '',
    );
    match = `AND c.search_vector @@ $1::tsquery`;
    rank = `(SELECT 100 * sum(CASE WHEN c.search_vector @@ g.q_any THEN g.w ELSE 0 END)
                 + 10 * sum(CASE WHEN c.search_vector @@ g.q_title THEN g.w ELSE 0 END)
                 + 5 * sum(CASE WHEN g.q_word IS NOT NULL AND c.search_vector @@ g.q_word THEN g.w ELSE 0 END)
               FROM unnest($14::tsquery[], $15::tsquery[], $16::tsquery[], $17::float8[]) AS g(q_any, q_title, q_word, w))
            + CASE WHEN $18 <> '' AND strpos(cll_search_normalize(c.title), $18) > 0 THEN 20 ELSE 0 END
            + ts_rank(c.search_vector, $1::tsquery)`;
  }
  // Stage one ranks every match with one aggregate per course (soonest start, free places); stage two fetches
  // the details of the next few sessions (own township first) for the page's rows only.
  const sql = `WITH page AS (
     SELECT * FROM (
     SELECT c.id, agg.next_start, agg.seats_left, agg.upcoming, ${rank} AS rank, count(*) OVER () AS total,
            ($12::text IS NOT NULL AND EXISTS (
              SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.township_code = $12::text AND s.ends_at > now()
                 AND s.cancelled_at IS NULL)) AS near
       FROM courses c
       JOIN providers p ON p.id = c.provider_id AND p.status = 'approved'
       LEFT JOIN LATERAL (
              SELECT min(s.starts_at) AS next_start, sum(s.capacity - s.enrolled_count)::int AS seats_left,
                     count(*)::int AS upcoming
                FROM course_sessions s WHERE s.course_id = c.id AND s.ends_at > now() AND s.cancelled_at IS NULL) agg ON true
      WHERE c.status = 'published' ${match}
        AND ($2::text IS NULL OR c.category = $2)
        AND ($3::text IS NULL OR c.mode = $3)
        AND (NOT $4::boolean OR ((c.max_age IS NULL OR c.max_age >= $11) AND (c.min_age IS NULL OR c.min_age <= $11)))
        AND ($5::uuid IS NULL OR c.provider_id = $5)
        AND ($6::text IS NULL OR EXISTS (
              SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.township_code = $6 AND s.ends_at > now()
                 AND s.cancelled_at IS NULL))
        AND ($7::int IS NULL OR EXISTS (
              SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.cancelled_at IS NULL
                 AND s.starts_at BETWEEN now() AND now() + make_interval(days => $7::int)))
        AND (NOT $8::boolean OR EXISTS (
              SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.ends_at > now() AND s.cancelled_at IS NULL
                 AND s.enrolled_count < s.capacity AND now() >= s.enrolment_opens_at AND now() < s.enrolment_closes_at))
     ) ranked
      ORDER BY floor(rank / 100) DESC, near DESC, rank DESC, next_start ASC NULLS LAST, id
      LIMIT $9 OFFSET $10)
    SELECT c.id, c.title, c.title_en, c.category, c.mode, c.study_hours, c.credits, c.min_age, c.max_age, c.cover_text,
           p.id AS provider_id, p.name AS provider_name,
           ns.list AS ns, page.upcoming, page.seats_left, page.total
      FROM page
      JOIN courses c ON c.id = page.id
      JOIN providers p ON p.id = c.provider_id
      LEFT JOIN LATERAL (
             SELECT json_agg(json_build_object('id', x.id, 'startsAt', x.starts_at, 'online', x.online,
                                               'townshipName', x.township_name, 'townshipCode', x.township_code,
                                               'seatsLeft', x.seats) ORDER BY x.ord) AS list
               FROM (SELECT s.id, s.starts_at, s.online, s.township_code, t.name AS township_name,
                            s.capacity - s.enrolled_count AS seats,
                            row_number() OVER (ORDER BY (s.township_code = $12::text) IS TRUE DESC, s.starts_at, s.id) AS ord
                       FROM course_sessions s LEFT JOIN townships t ON t.code = s.township_code
                      WHERE s.course_id = c.id AND s.ends_at > now() AND s.cancelled_at IS NULL
                      ORDER BY ord LIMIT $13) x) ns ON true
     ORDER BY floor(page.rank / 100) DESC, page.near DESC, page.rank DESC, page.next_start ASC NULLS LAST, c.id`;
  return { sql, params, plan };
}

/** The segmenter's whole-word lexemes of a group's ideograph alternatives, as the trigger stores them ("=电工"). */
function wholeWords(alternatives: string[]): string | null {
  const words = alternatives.filter((a) => /^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$/.test(a));
  return words.length ? words.map((w) => `'=${w}':A`).join(' | ') : null;
}

/**
 * Courses with every word of the query first; only when none has them all, the partial matches (every word
 * anywhere or some word in the title), so a phrase with one word no course has still finds the best of the rest.
 * Trying the full match first keeps a common word's partial matches (入门 in a sixth of all titles) off the hot path.
 */
export async function searchCatalogue(
  manager: EntityManager,
  query: CatalogueQuery,
  synonyms: SynonymTable = NO_SYNONYMS,
): Promise<CataloguePage> {
  const full = await runSearch(manager, query, synonyms, 'all');
  if (full.page.total > 0 || !full.plan || full.plan.all === full.plan.match) return full.page;
  return (await runSearch(manager, query, synonyms, 'partial')).page;
}

async function runSearch(
  manager: EntityManager,
  query: CatalogueQuery,
  synonyms: SynonymTable,
  matching: 'all' | 'partial',
): Promise<{ page: CataloguePage; plan: SearchPlan | null }> {
  const { sql, params, plan } = catalogueStatement(query, synonyms, matching);
  const rows: Row[] = await manager.query(sql, params);
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && query.page > 1) {
    // Past the last page: the window count has no row to ride on, so count separately.
    const again = await runSearch(manager, { ...query, page: 1, pageSize: 1 }, synonyms, matching);
    total = again.page.total;
  }
  return { page: { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize }, plan };
}

function toItem(r: Row): CatalogueItem {
  const nextSessions = (r.ns ?? []).map((s) => ({ ...s, startsAt: new Date(s.startsAt).toISOString() }));
  return {
    id: r.id,
    title: r.title,
    titleEn: r.title_en,
    category: r.category,
    mode: r.mode,
    studyHours: Number(r.study_hours),
    credits: Number(r.credits),
    minAge: r.min_age,
    maxAge: r.max_age,
    coverText: r.cover_text,
    provider: { id: r.provider_id, name: r.provider_name },
    nextSession: nextSessions[0] ?? null,
    nextSessions,
    upcomingSessions: r.upcoming ?? 0,
    seatsLeft: r.seats_left ?? 0,
  };
}
