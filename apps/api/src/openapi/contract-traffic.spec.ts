import { Role } from '@cll/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor } from '../testing/offer-builders.js';
import { contractProblems } from '../testing/response-contract.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Answers an integrator's generated client meets at the edges, each checked against the committed document
 * (status, content type, body schema, error code), as every API test file's traffic is when its app closes.
 */
let t: TestApp;
const bearer = { type: 'bearer' } as const;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('answers at the edges keep the OpenAPI contract', () => {
  it('documents what the body parser answers, even on a GET that takes no body', async () => {
    const malformed = await t.http
      .get('/api/geo/townships')
      .set('content-type', 'application/json')
      .send('{"townshipCode": "339901101000",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const latin1 = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json; charset=latin1')
      .send('{"login":"13800000001","password":"x"}');
    expect([latin1.status, latin1.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const huge = await t.http
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: '王'.repeat(600_000) }));
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(contractProblems(t.responses)).toEqual([]);
  });

  it('answers a failed CSV download with a JSON error, not a file called baseline-errors.csv', async () => {
    const analyst = await makeActor(t, Role.BureauAnalyst);
    const res = await t.http
      .get(`/api/population-baselines/${randomUUID()}/errors.csv`)
      .auth(analyst.token, bearer);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.code).toBe('NOT_FOUND');
    expect(contractProblems(t.responses)).toEqual([]);
  });

  it('documents the sign-in answers a client must branch on, and a public route takes no token', async () => {
    const expired = await t.http.get('/api/me').auth('not.a.jwt', bearer);
    expect([expired.status, expired.body.code]).toEqual([401, 'AUTH_TOKEN_INVALID']);
    const anonymous = await t.http.get('/api/me');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH_REQUIRED']);
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ login: '13800000001', password: '错误的密码1' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    const search = await t.http.get('/api/catalogue/courses').query({ q: '智能手机', pageSize: 5 });
    expect(search.status).toBe(200);
    const learner = await makeActor(t);
    const forbidden = await t.http.get('/api/audit/events').auth(learner.token, bearer);
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);
    const me = await t.http.get('/api/me').auth(learner.token, bearer);
    expect(me.status).toBe(200);
    expect(t.responses.length).toBeGreaterThanOrEqual(8);
    expect(contractProblems(t.responses)).toEqual([]);
  });
});
