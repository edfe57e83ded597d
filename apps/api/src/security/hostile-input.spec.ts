import { Role } from '@cll/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../common/request-policy.js';
import { registerBody } from '../testing/builders.js';
import {
  buildCourse,
  makeActor,
  makeProvider,
  type Actor,
  type BuiltCourse,
} from '../testing/offer-builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Inputs that answered 500 or stored garbage before the request policy (common/request-policy.ts and
 * common/text-policy.ts), each sent to real objects: deep JSON, NUL and broken characters, text-direction controls,
 * invisible-only text, impossible dates, and bodies that are not JSON.
 */
const bearer = { type: 'bearer' } as const;
let t: TestApp;
let staff: Actor;
let bureau: Actor;
let course: BuiltCourse;

beforeAll(async () => {
  t = await startTestApp();
  const provider = await makeProvider(t);
  staff = await makeActor(t, Role.ProviderAdmin, provider);
  bureau = await makeActor(t, Role.BureauAdmin);
  course = await buildCourse(t, staff, provider);
});
afterAll(() => t?.close());

function nested(depth: number): string {
  return `{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
}

/** Every operation of the OpenAPI document that takes a JSON body, with its path filled with real ids. */
async function routesWithBody(): Promise<Array<{ method: string; path: string }>> {
  const doc = (await t.http.get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  const routes: Array<{ method: string; path: string }> = [];
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, operation] of Object.entries(operations))
      if (operation.requestBody) routes.push({ method, path: path.replace(/\{[^}]+\}/g, course.courseId) });
  return routes;
}

describe('JSON nested deeper than the budget', () => {
  it(`is refused with 400 BODY_TOO_COMPLEX on every route with a body, signed in or not (was a 500)`, async () => {
    const routes = await routesWithBody();
    expect(routes.length).toBeGreaterThan(40);
    const answers = [];
    for (const { method, path } of routes) {
      for (const token of [undefined, staff.token]) {
        let req = t.http[method as 'post'](path).set('content-type', 'application/json');
        if (token) req = req.auth(token, bearer);
        const res = await req.send(nested(10_000));
        answers.push({ route: `${method} ${path}`, status: res.status, code: res.body.code });
      }
    }
    expect(answers.filter((a) => a.status !== 400 || a.code !== 'BODY_TOO_COMPLEX')).toEqual([]);
  });

  it(`takes a body nested just within ${MAX_DEPTH} levels to the validation that names the field`, async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(`{"login":${'['.repeat(MAX_DEPTH - 2)}1${']'.repeat(MAX_DEPTH - 2)},"password":"x"}`);
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('characters that cannot be stored or that disguise text', () => {
  it('refuses a NUL in the sign-in body (read by a guard before any pipe) with 400, not 500', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"login":"1380000\\u00000001","password":"Demo2026!"}');
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.fields[0]).toMatchObject({ field: 'login', code: 'nul' });
  });

  it('refuses an unpaired surrogate in an unpublish and a cancellation reason, and changes nothing', async () => {
    const unpublish = await t.http
      .post(`/api/courses/${course.courseId}/unpublish`)
      .auth(bureau.token, bearer)
      .set('content-type', 'application/json')
      .send('{"reason":"内容有误\\ud800请修改"}');
    expect([unpublish.status, unpublish.body.code, unpublish.body.fields?.[0]?.code]).toEqual([
      400,
      'VALIDATION_FAILED',
      'loneSurrogate',
    ]);
    const cancel = await t.http
      .post(`/api/sessions/${course.sessionId}/cancel`)
      .auth(staff.token, bearer)
      .set('content-type', 'application/json')
      .send('{"reason":"\\udc00"}');
    expect([cancel.status, cancel.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const [state] = await t.db.query(
      `SELECT c.status, s.cancelled_at FROM courses c JOIN course_sessions s ON s.course_id = c.id WHERE s.id = $1`,
      [course.sessionId],
    );
    expect(state).toEqual({ status: 'published', cancelled_at: null });
  });

  it('refuses names and titles made only of invisible characters or carrying a right-to-left override', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['zero-width spaces', { name: '\u200b\u200b\u200b' }],
      ['right-to-left override', { name: '王\u202e兰秀' }],
      ['isolate', { name: '\u2067王秀兰\u2069' }],
    ];
    for (const [what, override] of cases) {
      const res = await t.http.post('/api/auth/register').send(registerBody(override));
      expect([what, res.status, res.body.code]).toEqual([what, 400, 'VALIDATION_FAILED']);
    }
    const title = await t.http.post('/api/courses').auth(staff.token, bearer).send({
      programmeId: course.programmeId,
      title: '\u200b\u2060',
      category: 'vocational_skills',
      mode: 'online',
      studyHours: 4,
      credits: 1,
      description: '说明',
      coverText: '简介',
    });
    expect([title.status, title.body.fields?.[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'title', code: 'invisibleOnly' }),
    ]);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM users WHERE name ~ '[\\u200b\\u202e\\u2067]'`,
    );
    expect(n).toBe(0);
  });

  it('stores text as typed in NFC, whatever form the phone sent', async () => {
    // "é" as e + combining acute (NFD), as some keyboards send it.
    const body = registerBody({ name: 'Zoe\u0301 王' });
    const res = await t.http.post('/api/auth/register').send(body);
    expect(res.status).toBe(201);
    const [row] = await t.db.query(`SELECT name FROM users WHERE id = $1`, [res.body.user.id]);
    expect(row.name).toBe('Zo\u00e9 王');
    expect(row.name).toBe('Zoe\u0301 王'.normalize('NFC'));
  });
});

describe('query values', () => {
  it('refuses a class date that does not exist on the roster with 400 (was a 500)', async () => {
    for (const date of ['2026-02-30', '2026-13-01', '0000-00-00']) {
      const res = await t.http
        .get(`/api/sessions/${course.sessionId}/roster`)
        .query({ date })
        .auth(staff.token, bearer);
      expect([date, res.status, res.body.code]).toEqual([date, 400, 'VALIDATION_FAILED']);
    }
  });
});

describe('bodies that are not JSON', () => {
  it('answers 415 to a form post, text/plain and XML on JSON routes, signed in or not', async () => {
    const bodies: Array<[string, string]> = [
      ['application/x-www-form-urlencoded', 'login=13800000001&password=Demo2026%21'],
      ['text/plain', '{"login":"13800000001","password":"Demo2026!"}'],
      ['application/xml', '<login><login>13800000001</login></login>'],
    ];
    for (const [type, body] of bodies) {
      const login = await t.http.post('/api/auth/login').set('content-type', type).send(body);
      expect([type, login.status, login.body.code]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
      const unpublish = await t.http
        .post(`/api/courses/${course.courseId}/unpublish`)
        .auth(bureau.token, bearer)
        .set('content-type', type)
        .send('reason=x');
      expect([type, unpublish.status]).toEqual([type, 415]);
    }
    const [{ status }] = await t.db.query(`SELECT status FROM courses WHERE id = $1`, [course.courseId]);
    expect(status).toBe('published');
  });
});
