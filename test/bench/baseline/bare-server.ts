// The floor the API is measured against: node:http and a pg.Pool of the API's size running the same SQL, with no
// framework, validation, auth guard, ORM or access log in between. The benchmark transpiles this file into its
// private copy of the build and starts it as its own process, pinned to the same core as the API. The catalogue search imports the API's own compiled statement and row
// mapping, so the SQL and the JSON are the API's; the course page runs the API's three statements copied verbatim.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import type * as CatalogueQuery from '../../../apps/api/src/catalogue/catalogue.query.js';
import type * as OfferQueries from '../../../apps/api/src/catalogue/offer.queries.js';
import type { EntityManager } from 'typeorm';

// The benchmarks' private copy of the API build (test/bench/snapshot.ts), or the checkout's.
const app = process.env.APP_ROOT ?? new URL('../../../', import.meta.url).pathname;
const { searchCatalogue } = (await import(
  `${app}apps/api/dist/catalogue/catalogue.query.js`
)) as typeof CatalogueQuery;
const { querySessions } = (await import(
  `${app}apps/api/dist/catalogue/offer.queries.js`
)) as typeof OfferQueries;

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
// The API's query helpers only call `query`: a pool behind that one method is all they need.
const manager = {
  query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
} as unknown as EntityManager;
const secret = process.env.JWT_SECRET ?? '';

const COURSE_SQL = `SELECT c.id, c.title, c.title_en AS "titleEn", c.category, c.mode, c.study_hours AS "studyHours", c.credits,
                c.min_age AS "minAge", c.max_age AS "maxAge", c.description, c.cover_text AS "coverText",
                json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'townshipName', t.name) AS provider,
                json_build_object('kind', g.kind, 'title', g.title, 'occupationCode', g.occupation_code) AS programme
           FROM courses c
           JOIN providers p ON p.id = c.provider_id AND p.status = 'approved'
           JOIN townships t ON t.code = p.township_code
           JOIN programmes g ON g.id = c.programme_id
          WHERE c.id = $1 AND c.status = 'published'`;
const LESSONS_SQL = `SELECT position, kind, title, duration_minutes AS "durationMinutes" FROM lessons WHERE course_id = $1 ORDER BY position`;
const PROGRESS_SQL = `INSERT INTO lesson_progress (learner_user_id, lesson_id, course_id, position, completed_at)
  SELECT $1, l.id, l.course_id, $3, CASE WHEN $4::boolean THEN now() END FROM lessons l WHERE l.id = $2
  ON CONFLICT (learner_user_id, lesson_id) DO UPDATE
    SET position = coalesce(EXCLUDED.position, lesson_progress.position),
        completed_at = coalesce(lesson_progress.completed_at, EXCLUDED.completed_at), updated_at = now()
  RETURNING completed_at, position`;

/** The signed-in user from an HS256 bearer token (signature and expiry only: no session lookup). */
function userOf(req: IncomingMessage): string | null {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const [head, body, signature] = token.split('.');
  if (!signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { sub: string; exp: number };
  return claims.exp > Date.now() / 1000 ? claims.sub : null;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<{ completed?: boolean; position?: number }> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text || '{}') as { completed?: boolean; position?: number };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean);
  if (url.pathname === '/health') return send(res, 200, { ok: true });
  type CourseRow = Record<string, unknown> & { studyHours: string; credits: string };
  type ProgressRow = { completed_at: Date | null; position: number | null };
  if (req.method === 'GET' && url.pathname === '/api/catalogue/courses') {
    const q = url.searchParams;
    const page = await searchCatalogue(manager, {
      q: q.get('q') ?? undefined,
      page: Number(q.get('page') ?? 1),
      pageSize: Number(q.get('pageSize') ?? 20),
    });
    return send(res, 200, page);
  }
  if (req.method === 'GET' && parts[0] === 'api' && parts[1] === 'catalogue' && parts.length === 4) {
    const id = parts[3];
    const { rows } = await pool.query<CourseRow>(COURSE_SQL, [id]);
    if (!rows.length) return send(res, 404, { code: 'NOT_FOUND' });
    const [lessons, sessions] = await Promise.all([
      pool.query(LESSONS_SQL, [id]).then((r) => r.rows),
      querySessions(manager, id, true),
    ]);
    const course = rows[0];
    return send(res, 200, {
      ...course,
      studyHours: Number(course.studyHours),
      credits: Number(course.credits),
      lessons,
      sessions,
    });
  }
  if (req.method === 'PUT' && parts[2] === 'lessons' && parts[4] === 'progress') {
    const user = userOf(req);
    if (!user) return send(res, 401, { code: 'AUTH_REQUIRED' });
    const dto = await readJson(req);
    const { rows } = await pool.query<ProgressRow>(PROGRESS_SQL, [
      user,
      parts[3],
      dto.position ?? null,
      Boolean(dto.completed),
    ]);
    if (!rows.length) return send(res, 404, { code: 'NOT_FOUND' });
    return send(res, 200, {
      lessonId: parts[3],
      completed: rows[0].completed_at !== null,
      completedAt: rows[0].completed_at?.toISOString() ?? null,
      position: rows[0].position,
    });
  }
  return send(res, 404, { code: 'NOT_FOUND' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    send(res, 500, { code: 'INTERNAL' });
  });
});
server.listen(Number(process.env.PORT ?? 3999), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
