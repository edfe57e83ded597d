import { Role } from '@cll/domain';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, type Actor } from '../testing/offer-builders.js';
import { callerFor, makeRoleActors, MATRIX, PATH_PARAMS } from '../testing/route-matrix.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { reportReliability } from '../testing/reliability-report.js';

/**
 * Thousands of invalid and boundary inputs, generated per route from its OpenAPI description: wrong types, missing
 * and extra fields, huge strings, control characters, invisible and text-direction characters, unpaired surrogates,
 * bad dates, negative and enormous numbers, deep nesting, huge arrays, malformed JSON and wrong content types, sent
 * to real objects (a course, session, lesson, programme, enrolment and provider of the callers' own) so that hostile
 * bodies reach the code that runs for them. Every answer must be a 4xx with the error shape, never a 5xx; every
 * refused request must have left every table as it was (a trigger on each table notes each row written, deleted or
 * changed, so an UPDATE that keeps the row count is seen too); and whatever was accepted and stored must follow the
 * text policy (no text-direction controls, nothing stored that is only invisible characters).
 */
const RUNS = 200;

interface Operation {
  route: string;
  method: string;
  path: string;
  query: string[];
  body: string[] | null;
}

type Schema = { $ref?: string; properties?: Record<string, unknown>; allOf?: Schema[] };

const weird = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 3_000, maxLength: 12_000 }),
  fc.constantFrom('', ' ', '\u0000', '\u0007\u001b[2J', '\u202e', 'null', '<script>alert(1)</script>'),
  fc.constantFrom(
    '\u200b\u200b',
    '王\u202e兰',
    '\u2066x\u2069',
    '\ud800',
    '\udc00a',
    'e\u0301',
    '\ufeff',
    '\u00ad\u2060',
  ),
  fc.constantFrom("' OR 1=1 --", '2026-02-30', '9999-99-99', '1958-03-21T25:61', '-1', '1e309', 'NaN', '{}'),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 0.1),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 5 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
  fc.constant(JSON.parse(`${'['.repeat(40)}1${']'.repeat(40)}`) as unknown),
  fc.constant(Array.from({ length: 6_000 }, (_, i) => i)),
);

function bodyArbitrary(fields: string[]) {
  const known = fields.length
    ? fc.record(Object.fromEntries(fields.map((f) => [f, weird])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof(
    { weight: 5, arbitrary: known },
    {
      weight: 2,
      arbitrary: fc
        .tuple(known, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), weird, { maxKeys: 3 }))
        .map(([a, extra]) => ({ ...extra, ...a })),
    },
    { weight: 1, arbitrary: weird },
  );
}

const queryArbitrary = (names: string[]) =>
  fc.record(
    Object.fromEntries(
      names.map((n) => [n, weird.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))]),
    ),
    {
      requiredKeys: [],
    },
  );

/** Raw bodies no generator makes: broken JSON, a form post, plain text, a JSON body too large to take. */
const RAW: Array<{ type: string; body: string }> = [
  { type: 'application/json', body: '{"name": ' },
  { type: 'application/json', body: '{"a":1}}' },
  { type: 'application/json', body: "{'single': 'quotes'}" },
  { type: 'application/json', body: '\u0000' },
  { type: 'application/x-www-form-urlencoded', body: 'name=x&age=1' },
  { type: 'text/plain', body: 'hello' },
  { type: 'application/xml', body: '<a/>' },
  { type: 'application/json', body: `{"x":"${'a'.repeat(1_100_000)}"}` },
  { type: 'application/json', body: `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
  { type: 'application/json', body: '{"reason":"\\ud800","name":"\\u0000"}' },
  { type: 'application/json', body: '{"a":1,"a":{"b":2}}' },
];

let t: TestApp;
let actors: Map<Role, Actor>;
let operations: Operation[];
let realIds: Record<string, string>;
let policyCheckSql: string;

/** The id a path parameter takes: the callers' own object of the kind the path names, else PATH_PARAMS or random. */
function realId(path: string, name: string): string {
  const kind = name === 'id' ? (/\/api\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '') : name;
  return realIds[kind] ?? PATH_PARAMS[name] ?? randomUUID();
}

/** One statement counting stored text that breaks the policy, over every text column of every table. */
async function buildPolicyCheck(): Promise<string> {
  const columns: Array<{ table_name: string; column_name: string }> = await t.db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') AND table_name <> 'migrations'`,
  );
  const bad = (c: string) =>
    `(${c} ~ '[\u202A-\u202E\u2066-\u2069]' OR (${c} <> '' AND regexp_replace(${c}, '[[:space:]\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]', '', 'g') = ''))`;
  return columns
    .map(
      ({ table_name, column_name }) =>
        `SELECT '${table_name}.${column_name}' AS place, count(*)::int AS n FROM "${table_name}" WHERE ${bad(`"${column_name}"`)}`,
    )
    .join(' UNION ALL ');
}

async function storedPolicyViolations(): Promise<string[]> {
  const rows: Array<{ place: string; n: number }> = await t.db.query(policyCheckSql);
  return rows.filter((r) => r.n > 0).map((r) => `${r.place} (${r.n})`);
}

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_REGISTRATIONS_PER_IP: '100000',
    RATE_LIMIT_LOGIN_FAILURES_PER_IP: '100000',
    RATE_LIMIT_LOGIN_FAILURES_PER_PAIR: '10000',
  });
  actors = await makeRoleActors(t);
  const staff = actors.get(Role.ProviderAdmin) as Actor;
  const [{ provider_id: providerId }] = await t.db.query(
    `SELECT provider_id FROM role_assignments WHERE user_id = $1 AND provider_id IS NOT NULL`,
    [staff.id],
  );
  const course = await buildCourse(t, staff, providerId as string);
  const enrolment = await t.http
    .post('/api/enrolments')
    .auth((actors.get(Role.Learner) as Actor).token, { type: 'bearer' })
    .send({ sessionId: course.sessionId });
  realIds = {
    courses: course.courseId,
    sessions: course.sessionId,
    sessionId: course.sessionId,
    courseId: course.courseId,
    lessons: course.lessonIds[0],
    lessonId: course.lessonIds[0],
    programmes: course.programmeId,
    providers: providerId as string,
    providerId: providerId as string,
    enrolments: (enrolment.body as { id?: string }).id ?? randomUUID(),
  };
  policyCheckSql = await buildPolicyCheck();
  await installChangeJournal();
  const doc = (await t.http.get('/api/openapi.json').expect(200)).body as {
    paths: Record<
      string,
      Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: unknown }>
    >;
    components: { schemas: Record<string, Schema> };
  };
  const fieldsOf = (schema: Schema | undefined): string[] => {
    if (!schema) return [];
    if (schema.$ref) return fieldsOf(doc.components.schemas[schema.$ref.split('/').pop() as string]);
    return [...Object.keys(schema.properties ?? {}), ...(schema.allOf ?? []).flatMap(fieldsOf)];
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content;
      return {
        route: `${method.toUpperCase()} ${path}`,
        method,
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: content ? fieldsOf(content['application/json']?.schema) : null,
      };
    }),
  );
});
afterAll(async () => {
  await t.close();
});

/**
 * Tables a refused request may change, each with the reason. Everything else is watched row by row.
 * - rate_limit_buckets, login_failures: refused sign-ins and registrations are counted on purpose (throttling).
 * - job_outbox, notifications: written by the outbox relay and the in-process worker for jobs that an earlier,
 *   accepted request queued; they land whenever the worker runs, so they cannot be told apart per request.
 */
const CHANGED_BY_DESIGN = new Set(['rate_limit_buckets', 'login_failures', 'job_outbox', 'notifications']);

/** Rows of the tables above changed while a refused request ran, reported with the figures. */
const changedByDesign = new Map<string, number>();

/** A journal of committed row changes: one trigger per table writes the table's name and the operation. */
async function installChangeJournal(): Promise<void> {
  await t.db.query(
    `CREATE TABLE test_changes (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  );
  await t.db.query(
    `CREATE FUNCTION test_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN INSERT INTO test_changes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`,
  );
  const tables: Array<{ tablename: string }> = await t.db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('migrations', 'test_changes')`,
  );
  for (const { tablename } of tables) {
    await t.db.query(
      `CREATE TRIGGER test_note_change AFTER INSERT OR UPDATE OR DELETE ON "${tablename}"
         FOR EACH ROW EXECUTE FUNCTION test_note_change()`,
    );
  }
}

async function lastChange(): Promise<number> {
  const [{ id }] = await t.db.query<Array<{ id: number }>>(
    `SELECT coalesce(max(id), 0)::int AS id FROM test_changes`,
  );
  return id;
}

/** The tables changed after journal entry `since` and before `before` (other than those changed by design), and the last entry. */
async function changedSince(since: number, before: Date): Promise<{ changed: string[]; last: number }> {
  const rows: Array<{ tbl: string; op: string; n: number; last: number }> = await t.db.query(
    `SELECT tbl, op, count(*)::int AS n, max(id)::int AS last FROM test_changes WHERE id > $1 AND at < $2
      GROUP BY tbl, op`,
    [since, before],
  );
  for (const r of rows.filter((row) => CHANGED_BY_DESIGN.has(row.tbl)))
    changedByDesign.set(r.tbl, (changedByDesign.get(r.tbl) ?? 0) + r.n);
  return {
    changed: rows.filter((r) => !CHANGED_BY_DESIGN.has(r.tbl)).map((r) => `${r.tbl} ${r.op} ×${r.n}`),
    last: Math.max(since, ...rows.map((r) => r.last)),
  };
}

describe('bad input', () => {
  it('gets a 4xx with the error shape on every route that takes a body or a query, and changes nothing', async () => {
    const fuzzed = operations.filter((o) => o.body !== null || o.query.length > 0);
    const problems: string[] = [];
    let tried = 0;
    let acceptedInputs = 0;
    let storedViolations = 0;
    let refused = 0;
    let refusedThatChanged = 0;
    let journal: number | null = null;
    let runStart: unknown = null;
    let runLength = 0;
    let route = '';
    /** Checks the run of refused inputs that just ended (before an accepted input, or at the end of a route). */
    const closeRun = async (before: Date) => {
      if (journal === null || runLength === 0) return;
      const { changed, last } = await changedSince(journal, before);
      journal = last;
      if (changed.length) {
        refusedThatChanged += runLength;
        problems.push(
          `${route}: one of ${runLength} refused inputs changed ${changed.join(', ')}; the first: ${JSON.stringify(runStart).slice(0, 200)}`,
        );
      }
      runLength = 0;
    };
    for (const [index, op] of fuzzed.entries()) {
      const role = callerFor(MATRIX[op.route]);
      const token = role ? (actors.get(role) as Actor).token : null;
      const url = () => op.path.replace(/\{(\w+)\}/g, (_, name: string) => realId(op.path, name));
      const cases: Array<{
        query: Record<string, string | undefined>;
        body?: unknown;
        raw?: (typeof RAW)[number];
      }> = [
        ...fc
          .sample(fc.tuple(queryArbitrary(op.query), bodyArbitrary(op.body ?? [])), {
            numRuns: RUNS,
            seed: index,
          })
          .map(([query, body]) => ({ query, body: op.body === null ? undefined : body })),
        ...(op.body === null ? [] : RAW.map((raw) => ({ query: {}, raw }))),
      ];
      let accepted = 0;
      route = op.route;
      journal = null;
      for (const c of cases) {
        let req = t.http[op.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url()).query(c.query);
        if (token) req = req.auth(token, { type: 'bearer' });
        if (c.raw) req = req.set('content-type', c.raw.type).send(c.raw.body);
        else if (c.body !== undefined)
          req = req.set('content-type', 'application/json').send(JSON.stringify(c.body));
        // The journal is read once per run of refused inputs (and once before it): if it did not move while only
        // refused inputs were sent, none of them changed anything; if it did, the run is named.
        if (journal === null) {
          journal = await lastChange();
          runStart = c;
        }
        const sentAt = new Date();
        const res = await req;
        tried += 1;
        if (res.status < 400) {
          // The run ended before this accepted input was sent; what it wrote is not the run's.
          await closeRun(sentAt);
          journal = null;
        } else {
          refused += 1;
          runLength += 1;
        }
        if (res.status >= 500) {
          problems.push(`${op.route}: ${res.status} for ${JSON.stringify(c).slice(0, 200)}`);
        } else if (res.status >= 400) {
          const b = res.body as { code?: unknown; message?: unknown; requestId?: unknown };
          if (
            typeof b.code !== 'string' ||
            typeof b.message !== 'string' ||
            typeof b.requestId !== 'string'
          ) {
            problems.push(`${op.route}: ${res.status} without the error shape`);
          }
        } else {
          accepted += 1;
        }
      }
      await closeRun(new Date());
      acceptedInputs += accepted;
      if (accepted > 0 && op.method !== 'get') {
        const stored = await storedPolicyViolations();
        if (stored.length)
          problems.push(`${op.route}: stored text breaking the policy in ${stored.join(', ')}`);
        storedViolations += stored.length;
      }
    }
    reportReliability({
      suite: 'bad-input',
      inputs: tried,
      notes:
        `${fuzzed.length} routes with a body or query, sent to real objects; ${problems.length} answers outside ` +
        `a documented 4xx; ${acceptedInputs} inputs accepted, stored values breaking the text policy: ${storedViolations}; ` +
        `${refused} refused inputs each checked against every table, refused inputs that changed data: ${refusedThatChanged} ` +
        `(rows changed meanwhile in tables exempt by design: ${
          [...changedByDesign].map(([tbl, n]) => `${tbl} ${n}`).join(', ') || 'none'
        })`,
    });
    const byRoute = [...new Set(problems.map((p) => p.slice(0, p.indexOf(':'))))];
    const firstPerRoute = byRoute.map((r) => problems.find((p) => p.startsWith(`${r}:`)));
    expect(firstPerRoute).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(fuzzed.length * RUNS);
    // The journal sees what it should: most inputs are refused, and the accepted writes were noted.
    expect(refused).toBeGreaterThan(tried / 2);
    expect(await lastChange()).toBeGreaterThan(0);
  }, 900_000);
});
