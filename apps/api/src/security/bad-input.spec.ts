import type { Role } from '@cll/domain';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../testing/offer-builders.js';
import { callerFor, makeRoleActors, MATRIX, PATH_PARAMS } from '../testing/route-matrix.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { reportReliability } from '../testing/reliability-report.js';

/**
 * Thousands of invalid and boundary inputs, generated per route from its OpenAPI description: wrong types, missing
 * and extra fields, huge strings, control characters, bad dates, negative and enormous numbers, malformed JSON and
 * wrong content types. Every answer must be a 4xx with the error shape, never a 5xx, and a route that refused
 * everything must have left the database as it was.
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
  fc.constantFrom("' OR 1=1 --", '2026-02-30', '9999-99-99', '1958-03-21T25:61', '-1', '1e309', 'NaN', '{}'),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 0.1),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 5 }),
  fc.object({ maxDepth: 2, maxKeys: 3 }),
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
];

let t: TestApp;
let actors: Map<Role, Actor>;
let operations: Operation[];

beforeAll(async () => {
  t = await startTestApp({
    RATE_LIMIT_REGISTRATIONS_PER_IP: '100000',
    RATE_LIMIT_LOGIN_FAILURES_PER_IP: '100000',
    RATE_LIMIT_LOGIN_FAILURES_PER_PAIR: '10000',
  });
  actors = await makeRoleActors(t);
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

async function rowCounts(): Promise<Record<string, number>> {
  const rows: Array<{ relname: string; n: number }> = await t.db.query(
    `SELECT relname, n_live_tup::int AS n FROM pg_stat_user_tables ORDER BY relname`,
  );
  const counts: Record<string, number> = {};
  for (const { relname } of rows) {
    // Refused logins are counted on purpose (per address, and per account and address).
    if (relname === 'rate_limit_buckets' || relname === 'login_failures') continue;
    const [{ n }] = await t.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${relname}"`);
    counts[relname] = n;
  }
  return counts;
}

describe('bad input', () => {
  it('gets a 4xx with the error shape on every route that takes a body or a query, and changes nothing', async () => {
    const fuzzed = operations.filter((o) => o.body !== null || o.query.length > 0);
    const problems: string[] = [];
    let tried = 0;
    for (const [index, op] of fuzzed.entries()) {
      const role = callerFor(MATRIX[op.route]);
      const token = role ? (actors.get(role) as Actor).token : null;
      const url = () => op.path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_PARAMS[name] ?? randomUUID());
      const before = await rowCounts();
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
      for (const c of cases) {
        let req = t.http[op.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url()).query(c.query);
        if (token) req = req.auth(token, { type: 'bearer' });
        if (c.raw) req = req.set('content-type', c.raw.type).send(c.raw.body);
        else if (c.body !== undefined)
          req = req.set('content-type', 'application/json').send(JSON.stringify(c.body));
        const res = await req;
        tried += 1;
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
      if (accepted === 0 && op.method !== 'get') {
        const after = await rowCounts();
        if (JSON.stringify(after) !== JSON.stringify(before))
          problems.push(`${op.route}: refused input changed data`);
      }
    }
    reportReliability({
      suite: 'bad-input',
      inputs: tried,
      notes: `${fuzzed.length} routes with a body or query; ${problems.length} answers outside a documented 4xx`,
    });
    const byRoute = [...new Set(problems.map((p) => p.slice(0, p.indexOf(':'))))];
    const firstPerRoute = byRoute.map((r) => problems.find((p) => p.startsWith(`${r}:`)));
    expect(firstPerRoute).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(fuzzed.length * RUNS);
  }, 600_000);
});
